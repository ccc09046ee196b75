import Foundation
import PhuhopCore
import Testing
@testable import PhuhopFormats

/// The two written forms of one unit's evidence read back as the same evidence: the evidence
/// file form (`EvidenceSnapshot`, what export writes) and the store's compact form
/// (`StoredEvidence`), over every golden case of every standard and the examples.
@Suite struct EvidenceRecordTests {
    private func everyCase() throws -> [(Evidence, Standard)] {
        var out: [(Evidence, Standard)] = []
        let folders = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.cases.path).sorted()
        for id in folders {
            let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent(id)).standard
            let folder = RepositoryPaths.cases.appendingPathComponent(id)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                out.append((try CaseReader.read(data, file: name, standard: standard).evidence, standard))
            }
        }
        return out
    }

    @Test func theEvidenceFileFormReadsBackThroughTheEvidenceReader() throws {
        let cases = try everyCase()
        #expect(cases.count > 150)
        for (evidence, standard) in cases {
            let text = EvidenceSnapshot.encode(evidence, standard: standard)
            let read = try EvidenceReader.read(Data(text.utf8), file: "snapshot.json", standard: standard)
            #expect(read == evidence, "\(standard.id) \(evidence.unit.id)")
        }
    }

    @Test func theStoredFormReadsBackAndIsTheSameTextForTheSameEvidence() throws {
        for (evidence, standard) in try everyCase() {
            let layout = EvidenceLayout(standard: standard)
            let text = StoredEvidence.encode(evidence, standard: standard, layout: layout)
            // The store's CHECK reads the layout id from this prefix.
            #expect(text.hasPrefix("{\"layout\":\"\(layout.id)\","))
            let reader = StoredEvidence.Reader(standard: standard) { id in
                guard id == layout.id else { throw SnapshotError(problem: "unknown layout") }
                return try EvidenceLayout(text: layout.text)
            }
            let read = try reader.read(text)
            #expect(read == evidence, "\(standard.id) \(evidence.unit.id)")
            #expect(StoredEvidence.encode(read, standard: standard, layout: layout) == text)
        }
    }

    @Test func sourcesNotesAndVetoDescriptionsSurviveTheStoredForm() throws {
        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("tt45-2021")).standard
        let file = RepositoryPaths.examples.appendingPathComponent("checklists")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: file.path).first { $0.contains("mam-non") })
        var evidence = try EvidenceReader.read(try Data(contentsOf: file.appendingPathComponent(name)), file: name, standard: standard)
        evidence.vetoEvents = [VetoEvent(veto: 0, date: CalendarDate(iso: "2025-10-02"), description: "Trẻ bị bỏ quên \"trên xe\"\nđưa đón")]
        evidence.sources[0] = FactSource(document: "Biên bản số 3", date: CalendarDate(iso: "2025-09-30"), collectedBy: "Hiệu trưởng",
                                         note: "Ghi chú có dấu phẩy, và \\ gạch chéo")
        let layout = EvidenceLayout(standard: standard)
        let reader = StoredEvidence.Reader(standard: standard) { _ in layout }
        #expect(try reader.read(StoredEvidence.encode(evidence, standard: standard, layout: layout)) == evidence)
    }

    @Test func aShareKeepsEveryDigit() throws {
        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        var (evidence, _) = try #require(try everyCase().first { $0.1.id == "qd06-2019" })
        let f = try #require(standard.factIndex("c08.underweight-share"))
        guard case .success(let share) = FactText.parse("97.9999996%", type: .share) else { Issue.record("not read"); return }
        evidence.facts[f] = share
        let layout = EvidenceLayout(standard: standard)
        let reader = StoredEvidence.Reader(standard: standard) { _ in layout }
        #expect(try reader.read(StoredEvidence.encode(evidence, standard: standard, layout: layout)).facts[f] == share)
        let file = EvidenceSnapshot.encode(evidence, standard: standard)
        #expect(try EvidenceReader.read(Data(file.utf8), file: "x.json", standard: standard).facts[f] == share)
    }

    @Test func aDamagedRecordIsAnErrorNotAGuess() throws {
        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        let layout = EvidenceLayout(standard: standard)
        let reader = StoredEvidence.Reader(standard: standard) { _ in layout }
        #expect(throws: SnapshotError.self) { try reader.read("{\"layout\":\"\(layout.id)\",\"cells\":[\"only one\"]}") }
        #expect(throws: SnapshotError.self) { try reader.read("not json") }
    }
}
