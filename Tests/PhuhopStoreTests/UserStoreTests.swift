import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats
import Testing
@testable import PhuhopStore

/// The third migration: users and their scope, checklist drafts, settings, and the audit log's
/// new actions, with the log's old lines kept.
@Suite struct UserStoreTests {
    static let hash = "$2b$04$" + String(repeating: "a", count: 53)

    @Test func aUserIsKeptWithRoleAndScopeAndTheAdditionIsLogged() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        let eva = UserAccount(name: "eva", role: .evaluator, passwordHash: Self.hash, units: ["01-00004", "62-dak-ro-ong"])
        try fixture.store.addUser(eva, by: "admin")
        #expect(try fixture.store.user(named: "eva") == eva)
        #expect(try fixture.store.user(named: "nobody") == nil)
        #expect(try !fixture.store.hasAdministrator())
        let line = try #require(try fixture.store.auditLog().last)
        #expect(line.action == .user)
        #expect(line.actor == "admin")
        #expect(line.detail == "role evaluator; units 01-00004, 62-dak-ro-ong")
        #expect(throws: StoreError.userExists("eva")) { try fixture.store.addUser(eva, by: "admin") }
        #expect(throws: StoreError.unknownUnit("nope")) {
            try fixture.store.addUser(UserAccount(name: "x", role: .evaluator, passwordHash: Self.hash, units: ["nope"]), by: "admin")
        }
    }

    @Test func theSchemaRefusesWhatTheRulesForbid() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        // A school account without its school, a plain-text password, an unknown role.
        #expect(throws: DatabaseError.self) {
            try fixture.store.addUser(UserAccount(name: "s", role: .school, passwordHash: Self.hash), by: "a")
        }
        #expect(throws: DatabaseError.self) {
            try fixture.store.addUser(UserAccount(name: "p", role: .viewer, passwordHash: "hunter22"), by: "a")
        }
        try fixture.store.addUser(UserAccount(name: "v", role: .viewer, passwordHash: Self.hash), by: "a")
        try fixture.store.pool.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE user SET role = 'owner' WHERE name = 'v'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM user WHERE name = 'v'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE auditLog SET actor = 'x'") }
        }
    }

    @Test func aDraftIsReplacedAtEachSaveAndRemovedOnSubmission() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        try fixture.store.saveDraft(unit: "01-00004", standard: "tt18-2023", answers: ["items.a.1": "dat"], by: "t")
        try fixture.store.saveDraft(unit: "01-00004", standard: "tt18-2023", answers: ["items.a.1": "chuaDat", "items.a.2": "dat"], by: "u")
        let draft = try #require(try fixture.store.draft(unit: "01-00004", standard: "tt18-2023"))
        #expect(draft.answers == ["items.a.1": "chuaDat", "items.a.2": "dat"])
        #expect(draft.savedBy == "u")
        #expect(try fixture.store.auditLog().filter { $0.action == .draft }.count == 2)
        let version = try fixture.store.version()
        try fixture.store.removeDraft(unit: "01-00004", standard: "tt18-2023", by: "u")
        #expect(try fixture.store.draft(unit: "01-00004", standard: "tt18-2023") == nil)
        // Every write raises the version pages are kept under.
        #expect(try fixture.store.version() > version)
    }

    @Test func settingsAreKeptAndReplaced() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.store.setting(Store.demoSetting) == nil)
        try fixture.store.setSetting(Store.demoSetting, "1", by: "t")
        try fixture.store.setSetting(Store.demoSetting, "0", by: "t")
        #expect(try fixture.store.setting(Store.demoSetting) == "0")
    }

    @Test func upgradingKeepsEveryOldAuditLineWithItsId() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let old = try Store(path: path, create: true, clock: { "2026-01-01T00:00:00Z" }, migratingUpTo: "v2-decisions")
        let qd06 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
        let data = try Data(contentsOf: RepositoryPaths.examples.appendingPathComponent("xa-dak-ro-not-recognized.yaml"))
        let evidence = try EvidenceReader.read(data, file: "x", standard: qd06.standard)
        _ = try old.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { _ = try $0.add(evidence, standard: qd06.standard) }
        let before = try old.auditLog()
        #expect(before.count == 2)
        let upgraded = try Store(path: path)
        #expect(try upgraded.appliedMigrations() == Store.knownMigrations)
        #expect(try upgraded.auditLog() == before)
        try upgraded.log(.denied, subject: "unit:x", detail: "role viewer", by: "v")
        #expect(try upgraded.auditLog().last?.id == (before.last?.id ?? 0) + 1)
    }
}
