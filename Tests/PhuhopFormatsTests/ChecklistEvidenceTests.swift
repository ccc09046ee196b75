import Foundation
import PhuhopCore
import Testing
@testable import PhuhopFormats

/// Reading a checklist's evidence: answers, notes, veto events, and the errors a filled-in form
/// can have, each with its line and field.
@Suite struct ChecklistEvidenceTests {
    let tt18: Standard
    let tt45: Standard

    init() throws {
        tt18 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("tt18-2023")).standard
        tt45 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("tt45-2021")).standard
    }

    private func itemIDs(_ s: Standard) -> [String] { s.criteria.flatMap { $0.indicators.map(\.id) } }

    /// A form with every item answered `dat` but the overrides (nil removes the item).
    private func form(_ s: Standard, _ overrides: [String: String?] = [:], unitType: String = "truong",
                      extra: String = "") -> String {
        var lines = ["standard: \(s.id)", "unit: {id: \"s1\", name: \"Trường Thử\", province: \"Hà Nội\", unitType: \(unitType)}",
                     "period: {from: 2025-09-05, to: 2026-05-31}", "items:"]
        for id in itemIDs(s) {
            if let value = overrides[id] {
                if let value { lines.append("  \(id): \(value)") }
            } else {
                lines.append("  \(id): dat")
            }
        }
        return (lines + [extra]).joined(separator: "\n")
    }

    private func read(_ text: String, _ s: Standard) -> Result<Evidence, InputError> {
        do {
            return .success(try EvidenceReader.read(Data(text.utf8), file: "form.yaml", standard: s))
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(InputError([]))
        }
    }

    private func problems(_ text: String, _ s: Standard) -> [Diagnostic] {
        if case .failure(let error) = read(text, s) { return error.diagnostics }
        return []
    }

    @Test func readsAnswersInBothSpellingsWithNotesAndDocuments() throws {
        let text = form(tt18, ["a.2": "Chưa đạt", "a.12": "Không áp dụng",
                               "a.7": "{answer: chuaDat, note: \"Thiếu ánh sáng\", document: \"Biên bản số 3\"}"])
        let evidence = try read(text, tt18).get()
        let a2 = try #require(tt18.factIndex("a.2"))
        let a7 = try #require(tt18.factIndex("a.7"))
        let a12 = try #require(tt18.factIndex("a.12"))
        #expect(evidence.facts[a2] == .answer(.chuaDat))
        #expect(evidence.facts[a12] == .answer(.notApplicable))
        #expect(evidence.sources[a7]?.note == "Thiếu ánh sáng")
        #expect(evidence.sources[a7]?.document == "Biên bản số 3")
    }

    @Test func anUnknownItemGetsADidYouMean() {
        let found = problems(form(tt18, ["a.3": nil], extra: "  a3: dat"), tt18)
        #expect(found.contains { $0.message.en.contains("unknown item “a3”") && $0.message.en.contains("a.3") })
    }

    @Test func aMissingItemIsNamed() {
        let found = problems(form(tt18, ["b.4": nil]), tt18)
        // Reported at the start of the item list, where the item belongs.
        #expect(found.contains { $0.message.en.contains("item b.4 has no answer") && $0.location.line == 5 })
    }

    @Test func aMissingItemIsAskedForTheAnswersItMayTake() {
        // b.4 must be met or not; a.10, a kitchen "(if any)", may also be not applicable.
        let found = problems(form(tt18, ["b.4": nil, "a.10": nil]), tt18).map(\.message)
        #expect(found.contains { $0.en.contains("item b.4 has no answer (dat or chuaDat)") })
        #expect(found.contains { $0.vi.contains("tiêu chí b.4 chưa có câu trả lời (Đạt hoặc Chưa đạt)") })
        #expect(found.contains { $0.en.contains("item a.10 has no answer (dat, chuaDat or notApplicable)") })
    }

    @Test func aBlankAnswerIsReportedAtItsOwnLine() {
        let text = form(tt18, ["a.1": ""])
        let found = problems(text, tt18)
        #expect(found.contains { $0.message.en.contains("item a.1 has no answer") && $0.location.line == 5 })
    }

    @Test func aMandatoryItemMayNotBeNotApplicableUnlessTheChecklistSaysSo() {
        // a.1 is mandatory and has no "(if any)": not applicable is refused; a.11 allows it.
        let found = problems(form(tt18, ["a.1": "notApplicable"]), tt18)
        #expect(found.contains { $0.message.en.contains("mandatory item a.1 may not be answered not applicable") })
        #expect(problems(form(tt18, ["a.11": "notApplicable"]), tt18).isEmpty)
    }

    @Test func anAnswerThatIsNoneOfTheThreeIsRefused() {
        let found = problems(form(tt18, ["c.2": "có"]), tt18)
        #expect(found.contains { $0.field.hasSuffix("c.2") || $0.message.en.contains("expected dat, chuaDat or notApplicable") })
    }

    @Test func aUnitTypeTheStandardDoesNotCoverIsRefused() {
        let found = problems(form(tt18, unitType: "ho-gia-dinh"), tt18)
        #expect(found.contains { $0.message.en.contains("does not apply to the unit type “ho-gia-dinh”") })
    }

    @Test func vetoEventsAreReadAndUnknownOnesRefused() throws {
        let good = form(tt45, extra: "vetoEvents:\n  - {event: food-poisoning, date: 2025-10-12, description: \"12 trẻ\"}")
        let evidence = try read(good, tt45).get()
        #expect(evidence.vetoEvents?.count == 1)
        #expect(evidence.vetoEvents?.first?.date == CalendarDate(iso: "2025-10-12"))
        let bad = form(tt45, extra: "vetoEvents:\n  - {event: food-poisonng}")
        #expect(problems(bad, tt45).contains { $0.message.en.contains("unknown veto event “food-poisonng”") })
        #expect(try read(form(tt45), tt45).get().vetoEvents == nil)
    }

    @Test func aSurveySheetRowIsReadWithAnswersAndVetoCells() throws {
        let qd548 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd548-2011")).standard
        let header = EvidenceCSV.header(for: qd548)
        let table = try EvidenceCSV(header: header, file: "survey.csv", standard: qd548)
        var row = header.map { column -> String in
            switch column {
            case "unit.id": "h1"
            case "unit.name": "Hộ ông A"
            case "unit.province": "Hà Nội"
            case "unit.unitType": "ho-gia-dinh"
            case "period.from": "2025-01-01"
            case "period.to": "2025-12-31"
            case "unit.commune": "x1"
            case "assessment": ""
            case "veto.child-injured-at-home": "2025-08-14"
            default: "Đạt"
            }
        }
        let evidence = try table.evidence(row, line: 2).get()
        #expect(evidence.unit.commune == "x1")
        #expect(evidence.vetoEvents?.first?.date == CalendarDate(iso: "2025-08-14"))
        row[header.firstIndex(of: "g1.1") ?? 0] = ""
        guard case .failure(let error) = table.evidence(row, line: 3) else {
            Issue.record("an unanswered item was accepted")
            return
        }
        #expect(error.diagnostics.contains { $0.field == "g1.1" && $0.location.line == 3 })
        #expect(EvidenceCSV.isData(["# remark", ""]) == false)
        #expect(EvidenceCSV.isData([" ", ""]) == false)
    }

    @Test func everyChecklistStandardLoadsAndLints() throws {
        for id in ["tt18-2023", "tt45-2021", "qd548-2011", "moh-safe-community"] {
            let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent(id)).standard
            #expect(standard.kind == .checklist, "\(id)")
        }
        #expect(tt18.criteria.flatMap(\.indicators).count == 50)
        #expect(tt18.criteria.flatMap(\.indicators).filter { $0.item?.mandatory.value == true }.count == 25)
    }
}
