import Foundation
import GRDB
import Testing
@testable import PhuhopStore

/// The database wrapper and the invariants its schema holds.
@Suite struct StoreSchemaTests {
    @Test func openingRunsEveryMigrationAndLogsTheCreation() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.store.appliedMigrations() == Store.knownMigrations)
        #expect(try fixture.store.integrityCheck() == "ok")
        #expect(try fixture.store.auditLog().map(\.action) == [.initialize])
        let mode = try fixture.store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aMissingDatabaseIsNotCreatedUnlessAsked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        #expect(throws: StoreError.noDatabase(path)) { try Store(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedWithItsPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("text-\(UUID().uuidString).sqlite").path
        try "not a database".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try Store(path: path)
            Issue.record("a text file opened as a database")
        } catch let error as StoreError {
            guard case .unreadable(let named, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(named == path)
        }
    }

    @Test func storedRowsCannotBeChangedOrDeleted() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        try fixture.decideAll()
        let refused = [
            "UPDATE evidenceRevision SET document = 'x'",
            "DELETE FROM evidenceRevision",
            "UPDATE decision SET outcome = 'recognized'",
            "DELETE FROM decision",
            "UPDATE decisionCriterion SET points = 0",
            "UPDATE auditLog SET actor = 'x'",
            "DELETE FROM auditLog",
            "UPDATE criteriaVersion SET files = '{}'",
            "UPDATE unit SET name = 'x'",
            "DELETE FROM unit",
            "UPDATE evidenceLayout SET columns = '[]'",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql) was allowed") {
                try fixture.store.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try fixture.count("SELECT count(*) FROM evidenceRevision") == 3)
        #expect(try fixture.count("SELECT count(*) FROM decision") == 3)
    }

    @Test func checkConstraintsRefuseImpossibleValues() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        try fixture.decideAll()
        let refused = [
            // A unit type the standards do not know.
            "INSERT INTO unit (id, unitType, registeredAt) VALUES ('x', 'village', 't')",
            // Points above the criterion's maximum, and negative points.
            "INSERT INTO decisionCriterion (decisionId, criterionId, points, maximum) VALUES (1, 'zz', 60, 50)",
            "INSERT INTO decisionCriterion (decisionId, criterionId, points, maximum) VALUES (1, 'zy', -5, 50)",
            // A revision numbered 0, and a period that ends before it starts.
            """
            INSERT INTO evidenceRevision (unitId, standardId, periodFrom, periodTo, revision, layoutId, snapshot, importId)
            SELECT unitId, standardId, periodFrom, periodTo, 0, layoutId, snapshot, importId
            FROM evidenceRevision LIMIT 1
            """,
            """
            INSERT INTO evidenceRevision (unitId, standardId, periodFrom, periodTo, revision, layoutId, snapshot, importId)
            SELECT unitId, standardId, '2030-01-01', '2029-01-01', 9, layoutId, snapshot, importId
            FROM evidenceRevision LIMIT 1
            """,
            // Evidence for a unit that does not exist.
            """
            INSERT INTO evidenceRevision (unitId, standardId, periodFrom, periodTo, revision, layoutId, snapshot, importId)
            SELECT 'nobody', standardId, periodFrom, periodTo, 1, layoutId, snapshot, importId
            FROM evidenceRevision LIMIT 1
            """,
            // A negative count on an import.
            "INSERT INTO evidenceImport (startedAt, author, reason, files, stored) VALUES ('t', 'a', 'r', '[]', -1)",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql) was allowed") {
                try fixture.store.pool.write { db in try db.execute(sql: sql) }
            }
        }
    }
}
