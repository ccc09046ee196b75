import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// The form ↔ evidence document round trip, on a checklist with veto events (tt45-2021).
@Suite struct EvidenceFormTests {
    let standard: Standard
    let form: EvidenceForm

    init() throws {
        standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("tt45-2021")).standard
        let unit = UnitSummary(id: "MN-1", unitType: .nhomLopDocLap, name: "Nhóm trẻ Hoa Mai", province: "Huế", commune: "X-1", decisions: [])
        form = EvidenceForm(standard: standard, unit: unit, language: .vi)
    }

    private func values(vetoes: [String: String]) -> [String: String] {
        var values = ["period.from": "2025-09-05", "period.to": "2026-05-31", "assessment": "selfAssessment"]
        for fact in standard.facts where fact.type == .answer { values["items." + fact.id] = "dat" }
        return values.merging(vetoes.mapKeys { "veto." + $0 }) { $1 }
    }

    @Test func vetoesAnsweredNoneDeclareNoEvents() throws {
        let answers = Dictionary(uniqueKeysWithValues: standard.recognition.vetoes.map { ($0.id, "no") })
        guard case .success(let evidence) = try form.read(values(vetoes: answers)) else {
            Issue.record("refused")
            return
        }
        #expect(evidence.vetoEvents == [])
        #expect(evidence.unit.commune == "X-1")
        #expect(Evaluator(standard: standard).evaluate(evidence).outcome == .recognized)
    }

    @Test func aVetoThatHappenedIsAnEventWithItsDate() throws {
        var answers = Dictionary(uniqueKeysWithValues: standard.recognition.vetoes.map { ($0.id, "no") })
        answers["child-abused"] = "yes"
        var filled = values(vetoes: answers)
        filled["veto.child-abused.date"] = "2025-12-01"
        guard case .success(let evidence) = try form.read(filled) else {
            Issue.record("refused")
            return
        }
        #expect(evidence.vetoEvents?.count == 1)
        #expect(evidence.vetoEvents?.first?.date == CalendarDate(year: 2025, month: 12, day: 1))
        #expect(Evaluator(standard: standard).evaluate(evidence).outcome == .notRecognized)
    }

    @Test func vetoesLeftBlankLeaveTheOutcomeUndetermined() throws {
        guard case .success(let evidence) = try form.read(values(vetoes: [:])) else {
            Issue.record("refused")
            return
        }
        #expect(evidence.vetoEvents == nil)
        #expect(Evaluator(standard: standard).evaluate(evidence).outcome == .undetermined)
    }

    @Test func theFieldsHoldEveryItemAndVetoAndNothingButHTML() {
        let html = form.fields(values(vetoes: [:]), problems: FieldProblems(), assessments: [.selfAssessment, .inspection])
        for fact in standard.facts where fact.type == .answer {
            #expect(html.contains("name=\"items.\(fact.id)\" value=\"dat\" checked"))
        }
        for veto in standard.recognition.vetoes {
            #expect(html.contains("name=\"veto.\(veto.id)\""))
        }
        #expect(html.contains("<option value=\"inspection\">"))
        // String interpolation must never have been taken for the store's SQL builder.
        #expect(!html.contains("GRDB"))
        #expect(!html.contains("SQL("))
    }

    @Test func aFactSeveralCriteriaUseHasOneFieldAndTheOthersPointToIt() throws {
        let qd06 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        let unit = UnitSummary(id: "X1", unitType: .xa, name: "Xã A", province: "P", commune: nil, decisions: [])
        let html = EvidenceForm(standard: qd06, unit: unit, language: .vi)
            .fields(["facts.children.total": "4839"], problems: FieldProblems(), assessments: [.selfAssessment])
        func count(_ text: String) -> Int { html.components(separatedBy: text).count - 1 }
        var shared = 0
        for (f, fact) in qd06.facts.enumerated() where fact.type != .answer {
            let users = qd06.criteria.filter { $0.indicators.contains { $0.facts.contains(f) } }.count
            #expect(count("name=\"facts.\(fact.id)\"") == 1, "\(fact.id)")
            #expect(count("href=\"#\(EvidenceForm.domID("facts." + fact.id))\"") == max(users - 1, 0), "\(fact.id)")
            if users > 1 { shared += 1 }
        }
        // The standard does share facts (children.total among them), so the test is not empty.
        #expect(shared > 0)
        #expect(count("value=\"4839\"") == 1)
        #expect(html.contains("Dùng dữ kiện đã nhập ở tiêu chí 4: <a href=\"#f-facts-children-total\">"))
    }

    @Test func aCountTypedWithItsThousandsGroupedIsReadAsTheNumber() throws {
        #expect(EvidenceForm.ungrouped("4.839", .vi) == "4839")
        #expect(EvidenceForm.ungrouped("1.000.000", .vi) == "1000000")
        #expect(EvidenceForm.ungrouped("1 000 000", .vi) == "1000000")
        #expect(EvidenceForm.ungrouped("1\u{A0}250", .en) == "1250")
        #expect(EvidenceForm.ungrouped("4,839", .en) == "4839")
        // Not a grouped whole number, or the language's decimal mark: left for the reader, which refuses it.
        for text in ["4.5", "48.39", "4.8390", ".839", "4..839", "0.839", "1.000 000", "-4.839", "4839", "4,839", "1,250"] {
            #expect(EvidenceForm.ungrouped(text, .vi) == text, "\(text)")
        }
        for text in ["4.839", "1,000.000", "0,839", "4,5"] {
            #expect(EvidenceForm.ungrouped(text, .en) == text, "\(text)")
        }
        let qd06 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        let unit = UnitSummary(id: "X1", unitType: .xa, name: "Xã A", province: "P", commune: nil, decisions: [])
        let form = EvidenceForm(standard: qd06, unit: unit, language: .vi)
        let total = try #require(qd06.facts.firstIndex { $0.id == "children.total" })
        let values = ["period.from": "2024-01-01", "period.to": "2024-12-31", "assessment": "selfAssessment"]
        guard case .success(let evidence) = try form.read(values.merging(["facts.children.total": "4.839"]) { $1 }) else {
            Issue.record("4.839 was refused")
            return
        }
        #expect(evidence.facts[total] == .count(4839))
        guard case .failure(let problems) = try form.read(values.merging(["facts.children.total": "4,5"]) { $1 }) else {
            Issue.record("4,5 was taken as a count")
            return
        }
        #expect(problems.has("facts.children.total"))
    }

    @Test func vetoesAnsweredInPartAreAskedForTheRest() throws {
        guard case .failure(let problems) = try form.read(values(vetoes: ["child-abused": "no"])) else {
            Issue.record("accepted")
            return
        }
        for veto in standard.recognition.vetoes where veto.id != "child-abused" {
            #expect(problems.has("veto." + veto.id))
        }
    }

    @Test func sourcesAndDescriptionsSurviveAnEditOnTheWeb() throws {
        var answers = Dictionary(uniqueKeysWithValues: standard.recognition.vetoes.map { ($0.id, "no") })
        answers["ethics-breach"] = "yes"
        var filled = values(vetoes: answers)
        filled["veto.ethics-breach.description"] = "Giáo viên vi phạm đạo đức"
        filled["items.a.1.document"] = "Biên bản 12/2025"
        filled["items.a.1.date"] = "2025-12-01"
        filled["items.a.1.collectedBy"] = "Tổ kiểm tra"
        guard case .success(let evidence) = try form.read(filled) else {
            Issue.record("refused")
            return
        }
        // Read back as the form fills itself in, then read again: nothing is lost on the way.
        let again = EvidenceForm.values(of: evidence, standard: standard)
        #expect(again["veto.ethics-breach.description"] == "Giáo viên vi phạm đạo đức")
        #expect(again["items.a.1.document"] == "Biên bản 12/2025")
        #expect(again["items.a.1.date"] == "2025-12-01")
        guard case .success(let round) = try form.read(again) else {
            Issue.record("refused the second time")
            return
        }
        #expect(round == evidence)
        let html = form.fields(again, problems: FieldProblems(), assessments: [.selfAssessment])
        #expect(html.contains("<input type=\"hidden\" name=\"items.a.1.document\" value=\"Biên bản 12/2025\">"))
    }

    @Test func hostileTextStaysInsideItsValue() throws {
        var filled = values(vetoes: [:])
        filled["items.a.1.note"] = "\"},\"items\":{}, \"x\":\"<b>"
        filled["period.from"] = "2025-09-05\"}, \"standard\": \"other"
        guard case .failure(let problems) = try form.read(filled) else {
            Issue.record("accepted")
            return
        }
        // Read as a date that is not one, at its own field: the text could not leave its string.
        #expect(problems.has("period.from"))
        #expect(problems.all.keys.allSatisfy { !$0.isEmpty })
    }
}

extension Dictionary {
    func mapKeys<K: Hashable>(_ transform: (Key) -> K) -> [K: Value] {
        Dictionary<K, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
