import GRDB

/// One line of the append-only audit log: who wrote what, when.
public struct AuditEntry: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "auditLog"

    /// The kinds of write the log records.
    public enum Action: String, Sendable, Codable, CaseIterable {
        case initialize = "init"
        case `import`
        case merge
        case decide
        /// A user added (by `phuhop user add` or an administrator).
        case user
        case signIn
        case signInFailed
        /// A request refused because the unit is outside the user's scope.
        case denied
        /// A checklist draft saved.
        case draft
    }

    public var id: Int64?
    public var at: String
    public var actor: String
    public var action: Action
    /// What was written: `database`, `import:12`, `unit:01-00004`, `decisions`.
    public var subject: String
    public var detail: String

    init(action: Action, subject: String, detail: String) {
        id = nil
        at = ""
        actor = ""
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    /// Appends the entry, in the caller's transaction: a write and its log line land together.
    func append(_ db: Database, actor: String, at time: String) throws {
        try db.execute(sql: "INSERT INTO auditLog (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [time, actor, action.rawValue, subject, detail])
    }
}
