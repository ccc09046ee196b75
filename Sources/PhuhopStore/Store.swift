import Foundation
import PhuhopCore
import GRDB

/// The evidence store: one SQLite database (WAL mode) holding units, evidence revisions,
/// decisions and the audit log. Opening it applies any migration it lacks.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// The time written on every row, as ISO 8601 in UTC; tests fix it.
    let clock: @Sendable () -> String
    /// The commits this store has made and the version it read last (see `version(maximumAge:)`).
    let versionWatch = VersionWatch()

    /// Opens the database at `path`, creating it only when `create` is true, and upgrades it.
    public convenience init(path: String, create: Bool = false, clock: (@Sendable () -> String)? = nil) throws {
        try self.init(path: path, create: create, clock: clock, migratingUpTo: nil)
    }

    /// Opens the database applying migrations up to `last` only: how the tests make a database
    /// as an older Phuhop left it.
    init(path: String, create: Bool, clock: (@Sendable () -> String)?, migratingUpTo last: String?) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw StoreError.noDatabase(path) }
        self.path = path
        self.clock = clock ?? Store.now
        var configuration = Configuration()
        // A second process (a reader, or an import) waits for the lock instead of failing.
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // An import is one transaction. With SQLite's default 2 MB cache and a statement per
            // row, its index pages spilled to the log and were read back for every row; 16 MB with
            // rows written in batches is as fast as 128 MB (measured in pairs) at half the memory,
            // and spills the log while the reading goes on instead of all at the commit.
            try db.execute(sql: "PRAGMA page_size = 8192; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if let last {
                try Migrations.migrator.migrate(pool, upTo: last)
            } else {
                try Migrations.migrator.migrate(pool)
            }
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path, error.message ?? "\(error)")
        }
        pool.add(transactionObserver: versionWatch, extent: .observerLifetime)
        if !exists {
            try pool.write { db in
                try AuditEntry(action: .initialize, subject: "database", detail: path).append(db, actor: "phuhop", at: self.clock())
            }
        }
    }

    /// Folds the write-ahead log into the database file, so that the file alone holds
    /// everything (before it is moved or copied).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// The migrations applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Every migration this version of Phuhop knows.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// The audit log, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try pool.read { db in try AuditEntry.fetchAll(db) }
    }

    /// An error SQLite raised, for people; nil for any other error.
    ///
    /// A schema constraint or a locked or damaged file: the transaction was rolled back, so the
    /// message can say that nothing was written.
    public static func describe(_ error: any Error) -> LocalizedText? {
        guard let error = error as? DatabaseError else { return nil }
        let what = error.message ?? "\(error.resultCode)"
        return LocalizedText(vi: "cơ sở dữ liệu từ chối thao tác (\(what)); không có gì được ghi",
                             en: "the database refused the operation (\(what)); nothing was written")
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Equatable {
    /// No database file at the path (run `phuhop db init`).
    case noDatabase(String)
    /// The file is not a Phuhop database, or SQLite refused it.
    case unreadable(String, String)
    /// No unit with this id.
    case unknownUnit(String)
    /// The unit has no evidence for the period asked.
    case noEvidence(unit: String, period: String)
    /// Several periods match a short period such as a year.
    case ambiguousPeriod(unit: String, period: String, candidates: [String])
    /// A merger that cannot be recorded, with the reason.
    case invalidMerger(LocalizedText)
    /// A stored row that cannot be read back (the file was damaged or edited by hand).
    case damaged(String)
    /// A stored evidence record the criteria cannot read (they no longer have one of its facts).
    case unreadableEvidence(revision: Int64, unit: String, problem: String)
    /// A user with this name exists already.
    case userExists(String)
}

extension StoreError {
    /// The error for people, in both languages.
    public var message: LocalizedText {
        switch self {
        case .noDatabase(let path):
            LocalizedText(vi: "không có cơ sở dữ liệu \(path); tạo bằng: phuhop db init --db \(path)",
                          en: "no database at \(path); create one with: phuhop db init --db \(path)")
        case .unreadable(let path, let why):
            LocalizedText(vi: "không mở được cơ sở dữ liệu \(path): \(why)", en: "cannot open the database \(path): \(why)")
        case .unknownUnit(let id):
            LocalizedText(vi: "không có đơn vị “\(id)” trong cơ sở dữ liệu", en: "no unit “\(id)” in the database")
        case .noEvidence(let unit, let period):
            LocalizedText(vi: "đơn vị \(unit) chưa có bằng chứng cho kỳ \(period)", en: "unit \(unit) has no evidence for period \(period)")
        case .ambiguousPeriod(let unit, let period, let candidates):
            LocalizedText(vi: "kỳ “\(period)” của đơn vị \(unit) ứng với nhiều kỳ: \(candidates.joined(separator: ", ")); ghi đầy đủ TỪ/ĐẾN",
                          en: "period “\(period)” of unit \(unit) matches several: \(candidates.joined(separator: ", ")); give FROM/TO")
        case .invalidMerger(let why):
            LocalizedText(vi: "không ghi được việc sáp nhập: \(why.vi)", en: "cannot record the merger: \(why.en)")
        case .unreadableEvidence(let revision, let unit, let problem):
            LocalizedText(vi: "không đọc được bằng chứng lần ghi #\(revision) của đơn vị \(unit) theo bộ tiêu chí hiện có: \(problem)",
                          en: "evidence revision #\(revision) of unit \(unit) cannot be read with the criteria at hand: \(problem)")
        case .damaged(let what):
            LocalizedText(vi: "dữ liệu lưu bị hỏng: \(what)", en: "stored data is damaged: \(what)")
        case .userExists(let name):
            LocalizedText(vi: "đã có người dùng “\(name)”", en: "a user named “\(name)” exists already")
        }
    }
}
