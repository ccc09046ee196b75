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

    /// Each matched band is shown whole (index, range, points, mark, citation) and each ratio with
    /// its value as a reduced fraction, in both languages: the band's JSON is made once per
    /// standard, the value's digits in place.
    @Test func theJSONShowsEachMatchedBandAndMeasuredRatio() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let standard = loaded.standard
        let url = RepositoryPaths.examples.appendingPathComponent("xa-dak-ro-not-recognized.yaml")
        let evidence = try EvidenceReader.read(Data(contentsOf: url), file: "e.yaml", standard: standard)
        let decision = Evaluator(standard: standard).evaluate(evidence)
        for language in [Language.vi, .en] {
            let text = DecisionJSON.value(decision, StandardReference(standard: standard, hash: loaded.hash), language: language).rendered()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let shown = try #require(object["criteria"] as? [[String: Any]]).flatMap { try #require($0["indicators"] as? [[String: Any]]) }
            var bands = 0
            var ratios = 0
            for result in decision.indicators {
                let indicator = standard.criteria[result.criterion].indicators[result.indicator]
                let entry = try #require(shown.first { $0["id"] as? String == indicator.id })
                if case .band(let b) = result.status {
                    let band = try #require(entry["band"] as? [String: Any])
                    #expect(band["index"] as? Int == b)
                    #expect(band["range"] as? String == indicator.bands[b].rangeText(percent: indicator.isRate, language: language))
                    #expect(band["points"] as? Int == indicator.bands[b].points)
                    #expect(band["provenance"] as? String == indicator.bands[b].provenance.rawValue)
                    #expect(band["citation"] as? String == indicator.bands[b].citation)
                    bands += 1
                } else {
                    #expect(entry["band"] is NSNull)
                }
                if case .ratio(_, let d, let v) = result.measure {
                    let measure = try #require(entry["measure"] as? [String: Any])
                    #expect((measure["value"] as? String) == (d == 0 ? nil : v.reduced.description))
                    ratios += 1
                }
            }
            #expect(bands > 0 && ratios > 0)
        }
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

    /// Reasons, measures and distance options written straight into a JSON string read as their
    /// texts, escaped: one wording, two destinations.
    @Test func textsWrittenIntoJSONReadAsTheirStrings() throws {
        let loaded = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        var standard = loaded.standard
        // A name with a quote and a backslash, which a JSON string must escape.
        standard.criteria[1].indicators[0].name = LocalizedText(vi: "Trẻ \"dưới\" 1 tuổi \\ đăng ký", en: "Children \"under\" 1 \\ registered")
        let example = "xa-dak-ro-not-recognized.yaml"
        let evidence = try EvidenceReader.read(Data(contentsOf: RepositoryPaths.examples.appendingPathComponent(example)),
                                               file: example, standard: standard)
        let decision = Evaluator(standard: standard).evaluate(evidence)
        let distance = try #require(DistanceToRecognition(decision, standard: standard))
        #expect(!distance.options.isEmpty)
        func written(_ body: (inout JSONWriter) -> Void) -> String {
            var w = JSONWriter(pretty: false)
            w.text(body)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        func quoted(_ text: String) -> String { JSONValue.string(text).rendered(pretty: false) }
        for language in [Language.vi, .en] {
            var texts: [String] = []
            for reason in decision.reasons {
                let text = ReasonText.text(reason, decision: decision, standard: standard, language: language)
                texts.append(text)
                #expect(written { ReasonText.write(reason, decision: decision, standard: standard, language: language, into: &$0) }
                        == quoted(text))
            }
            #expect(texts.contains { $0.contains("\"") && $0.contains("\\") })
            for result in decision.criteria {
                for flat in result.indicators {
                    let r = decision.indicators[flat]
                    guard let m = r.measure else { continue }
                    let indicator = standard.criteria[result.criterion].indicators[r.indicator]
                    #expect(written { ReasonText.write(m, indicator: indicator, language: language, into: &$0) }
                            == quoted(ReasonText.measure(m, indicator: indicator, language: language)))
                }
            }
            for change in distance.options {
                #expect(written { DistanceText.write(change, standard: standard, language: language, into: &$0) }
                        == quoted(DistanceText.change(change, standard: standard, language: language)))
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
