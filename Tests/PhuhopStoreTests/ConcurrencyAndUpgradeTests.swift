import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats
import Testing
@testable import PhuhopStore

/// A reader alongside a writer, and a database made by an older version of Phuhop.
@Suite struct ConcurrencyAndUpgradeTests {
    @Test func aReaderKeepsReadingWhileAnImportIsOpen() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing([try fixture.example("phuong-ba-dinh-recognized.yaml")])
        let examples = try fixture.examples()
        // A second connection, as a second process would open it.
        let reader = try Store(path: fixture.path)
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let standard = fixture.qd06.standard
        let store = fixture.store
        DispatchQueue.global().async {
            _ = try? store.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { session in
                _ = try session.add(examples[1], standard: standard)
                inside.signal()
                // The transaction stays open until the reader has read.
                release.wait()
                _ = try session.add(examples[2], standard: standard)
            }
            done.signal()
        }
        inside.wait()
        let started = Date()
        let during = try reader.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evidenceRevision") }
        #expect(Date().timeIntervalSince(started) < 5, "the reader waited for the writer")
        // The reader sees the database as it was before the import, never half of it.
        #expect(during == 1)
        release.signal()
        done.wait()
        let after = try reader.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evidenceRevision") }
        #expect(after == 3)
    }

    @Test func aDatabaseFromTheFirstMigrationOpensAndUpgrades() throws {
        // The fixture was made by Phuhop when the schema had only its first migration, with one
        // commune's evidence imported.
        let fixture = RepositoryPaths.root.appendingPathComponent("Tests/PhuhopStoreTests/Fixtures/v1-units-evidence.sqlite")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: fixture, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try DatabaseQueue(path: copy.path)
        #expect(try before.read { db in try Migrations.migrator.appliedMigrations(db) } == ["v1-units-evidence-audit"])
        try before.close()

        let store = try Store(path: copy.path)
        #expect(try store.appliedMigrations() == Store.knownMigrations)
        #expect(try store.integrityCheck() == "ok")
        let history = try store.history(of: "62-dak-ro-ong")
        #expect(history.revisions.count == 1)
        // The old evidence is decided on with the new tables.
        let qd06 = DecidingStandard(loaded: try CriteriaLoader.load(
            folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")))
        let counts = try store.decide(.all, by: "a", standards: { _ in qd06 }, each: { _ in })
        #expect(counts.decided == 1)
        #expect(try store.verify().problems.isEmpty)
    }

    /// Writes the v1 fixture: run once, with PHUHOP_WRITE_V1_FIXTURE=1, when the first migration
    /// landed; the file is committed and never rewritten, as the migration is never edited.
    /// Skipped otherwise.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PHUHOP_WRITE_V1_FIXTURE"] == "1"))
    func writeV1Fixture() throws {
        let path = RepositoryPaths.root.appendingPathComponent("Tests/PhuhopStoreTests/Fixtures/v1-units-evidence.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store(path: path, create: true, clock: { "2026-11-25T00:00:00Z" },
                              migratingUpTo: "v1-units-evidence-audit")
        let qd06 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let data = try Data(contentsOf: RepositoryPaths.examples.appendingPathComponent("xa-dak-ro-not-recognized.yaml"))
        let evidence = try EvidenceReader.read(data, file: "xa-dak-ro-not-recognized.yaml", standard: qd06.standard)
        _ = try store.importEvidence(files: ["examples/xa-dak-ro-not-recognized.yaml"],
                                     by: Authorship(author: "Phuhop", reason: "fixture")) { session in
            _ = try session.add(evidence, standard: qd06.standard)
        }
        // One file: the log is folded into the database before it is committed.
        try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        #expect(try store.appliedMigrations() == ["v1-units-evidence-audit"])
        #expect(try store.revisionCount() == 1)
    }
}
