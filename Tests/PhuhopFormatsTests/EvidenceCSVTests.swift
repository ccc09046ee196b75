import Foundation
import PhuhopCore
import Testing
@testable import PhuhopFormats

@Suite struct EvidenceCSVTests {
    let standard: Standard

    init() throws {
        standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
    }

    let header = ["unit.id", "unit.name", "unit.province", "unit.unitType", "period.from", "period.to", "unit.mountainous",
                  "children.total", "c02.births", "c02.births-registered-on-time", "c08.stunting-share"]

    @Test func anUnknownColumnRejectsTheFileWithADidYouMean() throws {
        let error = try #require(throws: InputError.self) {
            _ = try EvidenceCSV(header: header + ["c02.birth"], file: "t.csv", standard: standard)
        }
        let problem = try #require(error.diagnostics.first)
        #expect(problem.location.line == 1 && problem.location.column == 12)
        #expect(problem.message.en.contains("Did you mean “c02.births”?"))
    }

    @Test func aMissingRequiredColumnIsNamed() throws {
        let error = try #require(throws: InputError.self) {
            _ = try EvidenceCSV(header: Array(header.dropFirst()), file: "t.csv", standard: standard)
        }
        #expect(error.diagnostics.contains { $0.message.en.contains("missing required column “unit.id”") })
    }

    @Test func readsARowAndTreatsEmptyCellsAsMissing() throws {
        let table = try EvidenceCSV(header: header, file: "t.csv", standard: standard)
        let row = ["X1", "Xã Một", "Gia Lai", "xa", "2023-11-01", "2024-10-31", "true", "2000", "50", "", "4.2%"]
        let evidence = try table.evidence(row, line: 2).get()
        #expect(evidence.unit.attributes[try #require(standard.attributeIndex("mountainous"))] == true)
        #expect(evidence.facts[try #require(standard.factIndex("c02.births"))] == .count(50))
        #expect(evidence.facts[try #require(standard.factIndex("c02.births-registered-on-time"))] == nil)
    }

    @Test func everyProblemInARowIsNamedByLineAndColumn() throws {
        let table = try EvidenceCSV(header: header, file: "t.csv", standard: standard)
        let row = ["X1", "Xã Một", "Gia Lai", "huyen", "2024-11-01", "2024-10-31", "maybe", "2000", "-5", "7", "104%"]
        guard case .failure(let error) = table.evidence(row, line: 7) else {
            Issue.record("a bad row was accepted")
            return
        }
        let found = Dictionary(error.diagnostics.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(found["unit.unitType"]?.location.column == 4)
        #expect(found["period.to"]?.message.en.contains("before it starts") == true)
        #expect(found["unit.mountainous"]?.message.en.contains("true or false") == true)
        #expect(found["c02.births"]?.message.en.contains("negative") == true)
        #expect(found["c08.stunting-share"]?.message.en.contains("between 0% and 100%") == true)
        #expect(error.diagnostics.allSatisfy { $0.location.line == 7 && $0.location.file == "t.csv" })
    }

    @Test func aRowWrittenByTheSynthesiserReadsBack() throws {
        let header = EvidenceCSV.header(for: standard)
        let table = try EvidenceCSV(header: header, file: "t.csv", standard: standard)
        let row = ["A", "Phường A", "Huế", "phuong", "2023-11-01", "2024-10-31"] + standard.attributes.map { _ in "false" }
            + standard.facts.map { fact in fact.type == .boolean ? "true" : fact.type == .share ? "3%" : "0" }
        let evidence = try table.evidence(row, line: 2).get()
        #expect(EvidenceCSV.row(evidence, standard: standard) == row)
    }
}
