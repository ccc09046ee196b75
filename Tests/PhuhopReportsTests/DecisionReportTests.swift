import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import Testing

@Suite struct DecisionReportTests {
    let reference: StandardReference
    let evaluator: Evaluator

    init() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        reference = StandardReference(standard: loaded.standard, hash: loaded.hash)
        evaluator = Evaluator(standard: loaded.standard)
    }

    private func decide(_ example: String) throws -> Decision {
        let url = RepositoryPaths.examples.appendingPathComponent(example)
        let evidence = try EvidenceReader.read(Data(contentsOf: url), file: example, standard: reference.standard)
        return evaluator.evaluate(evidence)
    }

    @Test func jsonHasEveryKeyTheIssueNames() throws {
        let decision = try decide("phuong-ba-dinh-recognized.yaml")
        let text = DecisionJSON.value(decision, reference, language: .vi).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["unit", "period", "standard", "outcome", "provisional", "total", "maximum", "threshold",
                    "criteria", "reasons", "missing"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        let standard = try #require(object["standard"] as? [String: Any])
        #expect(standard["hash"] as? String == reference.hash)
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        #expect(criteria.count == 13)
        #expect(criteria.allSatisfy { $0["id"] != nil && $0["points"] != nil && $0["maximum"] != nil && $0["indicators"] != nil })
        #expect(object["outcome"] as? String == "recognized")
    }

    @Test func aProvisionalDecisionSaysSoInEveryFormatAndLanguage() throws {
        let decision = try decide("phuong-ba-dinh-recognized.yaml")
        #expect(decision.provisional)
        let json = DecisionJSON.value(decision, reference, language: .en).rendered()
        #expect(json.contains("\"provisional\": true"))
        #expect(json.contains("\"provisionalValues\": ["))
        #expect(DecisionReport(style: .text, language: .vi).render(decision, reference).contains("KẾT QUẢ TẠM THỜI"))
        #expect(DecisionReport(style: .markdown, language: .vi).render(decision, reference).contains("> **⚠ KẾT QUẢ TẠM THỜI"))
        #expect(DecisionReport(style: .text, language: .en).render(decision, reference).contains("PROVISIONAL"))
    }

    @Test func everyReasonCarriesACitation() throws {
        let decision = try decide("xa-dak-ro-not-recognized.yaml")
        for reason in decision.reasons {
            let citation = ReasonText.citation(reason, decision: decision, standard: reference.standard)
            #expect(citation?.isEmpty == false, "no citation for \(reason)")
        }
    }

    @Test func anUndeterminedDecisionListsWhatToCollect() throws {
        let decision = try decide("xa-tan-hoa-undetermined.yaml")
        #expect(decision.outcome == .undetermined)
        let text = DecisionReport(style: .text, language: .vi).render(decision, reference)
        #expect(text.contains("Dữ kiện cần thu thập thêm"))
        #expect(text.contains("[c09.children-checked]"))
    }

    @Test func vietnameseOutputIsNFC() throws {
        let decision = try decide("xa-dak-ro-not-recognized.yaml")
        let text = DecisionReport(style: .markdown, language: .vi).render(decision, reference)
        #expect(text == text.precomposedStringWithCanonicalMapping)
    }
}

@Suite struct DecisionEvidenceTests {
    @Test func theJSONShowsEveryFactReadWithItsSource() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let url = RepositoryPaths.examples.appendingPathComponent("phuong-ba-dinh-recognized.yaml")
        let evidence = try EvidenceReader.read(Data(contentsOf: url), file: "e.yaml", standard: loaded.standard)
        let decision = Evaluator(standard: loaded.standard).evaluate(evidence)
        let text = DecisionJSON.value(decision, StandardReference(standard: loaded.standard, hash: loaded.hash), language: .vi).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let facts = try #require(object["evidence"] as? [[String: Any]])
        #expect(facts.count == evidence.facts.compactMap { $0 }.count)
        let births = try #require(facts.first { $0["id"] as? String == "c02.births-registered-on-time" })
        #expect(births["value"] as? Int == 636)
        let source = try #require(births["source"] as? [String: Any])
        #expect(source["collectedBy"] as? String == "Nguyễn Thị Lan")
        #expect(source["date"] as? String == "2025-11-05")
    }
}

/// A reference keeps the texts its decisions repeat, per language: one reference used in both
/// languages must write what a fresh one writes in each.
@Suite struct StandardPhrasesTests {
    @Test func aReferenceReusedAcrossLanguagesWritesWhatAFreshOneWrites() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let shared = StandardReference(standard: loaded.standard, hash: loaded.hash)
        let example = "xa-dak-ro-not-recognized.yaml"
        let evidence = try EvidenceReader.read(Data(contentsOf: RepositoryPaths.examples.appendingPathComponent(example)),
                                               file: example, standard: loaded.standard)
        let decision = Evaluator(standard: loaded.standard).evaluate(evidence)
        #expect(!decision.provisionalValues.isEmpty)
        for language in [Language.vi, .en, .vi] {
            let fresh = StandardReference(standard: loaded.standard, hash: loaded.hash)
            let reused = DecisionJSON.value(decision, shared, language: language).rendered()
            #expect(reused == DecisionJSON.value(decision, fresh, language: language).rendered())
        }
        // The provisional values are described in the language asked for.
        let vi = DecisionJSON.value(decision, shared, language: .vi).rendered()
        let en = DecisionJSON.value(decision, shared, language: .en).rendered()
        #expect(vi != en)
    }

    /// A reason given its measures made beforehand reads as one that makes them itself.
    @Test func reasonsReadTheSameWithMeasuresMadeBeforehand() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let example = "xa-dak-ro-not-recognized.yaml"
        let evidence = try EvidenceReader.read(Data(contentsOf: RepositoryPaths.examples.appendingPathComponent(example)),
                                               file: example, standard: loaded.standard)
        let decision = Evaluator(standard: loaded.standard).evaluate(evidence)
        for language in [Language.vi, .en] {
            var measures = [String?](repeating: nil, count: decision.indicators.count)
            for result in decision.criteria {
                for flat in result.indicators {
                    let r = decision.indicators[flat]
                    measures[flat] = r.measure.map {
                        ReasonText.measure($0, indicator: loaded.standard.criteria[result.criterion].indicators[r.indicator], language: language)
                    }
                }
            }
            #expect(measures.contains { $0?.contains("/") == true })
            for reason in decision.reasons {
                let own = ReasonText.text(reason, decision: decision, standard: loaded.standard, language: language)
                #expect(ReasonText.text(reason, decision: decision, standard: loaded.standard, language: language, measures: measures) == own)
                // Measures that do not fit the decision are not used.
                #expect(ReasonText.text(reason, decision: decision, standard: loaded.standard, language: language, measures: []) == own)
            }
        }
    }

    /// Compact output copies what the reference keeps; indented output writes every value
    /// afresh. Both must hold the same decision.
    @Test func compactOutputHoldsWhatIndentedOutputHolds() throws {
        for example in ["xa-dak-ro-not-recognized.yaml", "phuong-ba-dinh-recognized.yaml", "xa-tan-hoa-undetermined.yaml"] {
            let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
            let reference = StandardReference(standard: loaded.standard, hash: loaded.hash)
            let evidence = try EvidenceReader.read(Data(contentsOf: RepositoryPaths.examples.appendingPathComponent(example)),
                                                   file: example, standard: loaded.standard)
            let decision = Evaluator(standard: loaded.standard).evaluate(evidence)
            for language in [Language.vi, .en] {
                let value = DecisionJSON.value(decision, reference, language: language)
                let compact = try JSONSerialization.jsonObject(with: Data(value.bytes(pretty: false))) as? NSDictionary
                let indented = try JSONSerialization.jsonObject(with: Data(value.bytes(pretty: true))) as? NSDictionary
                #expect(compact != nil && compact == indented, "\(example) \(language)")
            }
        }
    }
}
