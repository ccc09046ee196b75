import Foundation
import GRDB
import PhuhopCore
import Testing
@testable import PhuhopStore

/// Importing evidence: revisions, never overwriting, all or nothing.
@Suite struct EvidenceImportTests {
    @Test func anImportStoresOneRevisionPerRecordWithItsAuthorAndReason() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let summary = try fixture.importing(try fixture.examples(), author: "Lê Thị C", reason: "số liệu năm 2024")
        #expect(summary.stored == 3 && summary.unchanged == 0 && summary.rejected == 0)
        let revisions = try fixture.store.pool.read { db in
            try RevisionRecord.fetchAll(db, sql: "SELECT \(RevisionRecord.columns) FROM evidenceRevision r JOIN evidenceImport i ON i.id = r.importId")
        }
        #expect(revisions.map(\.revision) == [1, 1, 1])
        #expect(revisions.allSatisfy { $0.author == "Lê Thị C" && $0.reason == "số liệu năm 2024" })
        #expect(try fixture.count("SELECT count(*) FROM unit") == 3)
        #expect(try fixture.store.auditLog().map(\.action) == [.initialize, .import])
    }

    @Test func theSameEvidenceTwiceIsUnchangedAndACorrectionIsANewRevision() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let original = try fixture.example("xa-dak-ro-not-recognized.yaml")
        try fixture.importing([original])
        #expect(try fixture.importing([original]).unchanged == 1)
        var corrected = original
        let f = try #require(fixture.qd06.standard.factIndex("c07.under1-fully-immunised"))
        corrected.facts[f] = .count(70)
        let summary = try fixture.importing([corrected], author: "Trần B", reason: "sửa theo sổ tiêm chủng")
        #expect(summary.stored == 1)
        let history = try fixture.store.history(of: "62-dak-ro-ong")
        #expect(history.revisions.map(\.revision) == [1, 2])
        #expect(history.revisions.map(\.author) == ["Nguyễn Văn A", "Trần B"])
        // The first revision still holds the first value.
        let snapshots = try fixture.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT snapshot FROM evidenceRevision ORDER BY revision")
        }
        #expect(snapshots.count == 2 && snapshots[0] != snapshots[1])
        #expect(snapshots[0].contains("\"79\"") && snapshots[1].contains("\"70\""))
    }

    @Test func storedEvidenceReadsBackAsTheSameEvidence() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let examples = try fixture.examples()
        try fixture.importing(examples)
        var read: [Evidence] = []
        try fixture.store.export(standard: fixture.qd06.standard) { read.append($0.evidence) }
        #expect(read.count == 3)
        for evidence in examples {
            #expect(read.contains(evidence), "\(evidence.unit.id) changed on its way through the store")
        }
    }

    @Test func anImportThatFailsHalfwayLeavesNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        struct Stop: Error {}
        let examples = try fixture.examples()
        #expect(throws: Stop.self) {
            try fixture.store.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { session in
                _ = try session.add(examples[0], standard: fixture.qd06.standard)
                _ = try session.add(examples[1], standard: fixture.qd06.standard)
                throw Stop()
            }
        }
        for table in ["unit", "unitVersion", "evidenceRevision", "evidenceImport"] {
            #expect(try fixture.count("SELECT count(*) FROM \(table)") == 0, "\(table) kept rows")
        }
        #expect(try fixture.store.auditLog().map(\.action) == [.initialize])
    }

    @Test func aUnitKeepsItsTypeAndGainsADatedVersionWhenItsClassChanges() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let first = try fixture.example("xa-dak-ro-not-recognized.yaml")
        try fixture.importing([first])
        // The next year the commune is no longer extremely difficult: its class changes.
        var next = first
        next.period = try #require(Period(from: CalendarDate(iso: "2024-11-01")!, to: CalendarDate(iso: "2025-10-31")!))
        let a = try #require(fixture.qd06.standard.attributeIndex("extremelyDifficult"))
        next.unit.attributes[a] = false
        try fixture.importing([next])
        let history = try fixture.store.history(of: "62-dak-ro-ong")
        #expect(history.versions.map(\.validFrom.description) == ["2023-11-01", "2024-11-01"])
        #expect(history.versions.map { $0.attributes.first { $0.id == "extremelyDifficult" }?.value } == [true, false])
        // A record that says it is a ward is refused: a unit keeps its type.
        var ward = first
        ward.unit.unitType = .phuong
        let outcome = try fixture.store.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { session in
            guard case .refused(let why) = try session.add(ward, standard: fixture.qd06.standard) else {
                Issue.record("a changed unit type was accepted")
                return
            }
            #expect(why.en.contains("registered as xa"))
        }
        #expect(outcome.rejected == 1 && outcome.stored == 0)
    }

    @Test func oneImportMayHoldAUnitSeveralTimes() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let original = try fixture.example("xa-dak-ro-not-recognized.yaml")
        var corrected = original
        let f = try #require(fixture.qd06.standard.factIndex("c02.births"))
        corrected.facts[f] = .count(83)
        var nextYear = original
        nextYear.period = try #require(Period(from: CalendarDate(iso: "2024-11-01")!, to: CalendarDate(iso: "2025-10-31")!))
        nextYear.unit.name = "Xã Đắk Rơ Ông (mới)"
        var outcomes: [RevisionOutcome] = []
        let summary = try fixture.store.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { session in
            for evidence in [original, original, corrected, nextYear] {
                outcomes.append(try session.add(evidence, standard: fixture.qd06.standard))
            }
        }
        #expect(outcomes == [.stored(revision: 1), .unchanged(revision: 1), .stored(revision: 2), .stored(revision: 1)])
        #expect(summary.stored == 3 && summary.unchanged == 1)
        let history = try fixture.store.history(of: "62-dak-ro-ong")
        #expect(history.versions.map(\.name) == ["Xã Đắk Rơ Ông", "Xã Đắk Rơ Ông (mới)"])
        #expect(history.revisions.map(\.revision) == [1, 2, 1])
    }
}

