import GRDB

/// What a signed-in person may do; the rules that apply it are the web application's.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Everything, including adding users.
    case admin
    /// Reads everything; enters evidence and decides for the units assigned to them.
    case evaluator
    /// Its own school only: fills in and submits the school's checklist.
    case school
    /// Reads decisions and the dashboard, and tries criteria changes (what-if).
    case viewer
}

/// A person who signs in: the password is kept as a bcrypt hash only.
public struct UserAccount: Sendable, Equatable {
    public var name: String
    public var role: UserRole
    public var passwordHash: String
    /// The school of a school account.
    public var school: String?
    /// The units an evaluator is assigned.
    public var units: Set<String>

    public init(name: String, role: UserRole, passwordHash: String, school: String? = nil, units: Set<String> = []) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.school = school
        self.units = units
    }
}

extension Store {
    /// Adds a user, with the units an evaluator is assigned; refuses a name already taken.
    public func addUser(_ account: UserAccount, by actor: String) throws {
        let time = clock()
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [account.name]) == true {
                throw StoreError.userExists(account.name)
            }
            for unit in [account.school].compactMap({ $0 }) + account.units.sorted()
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [unit]) != true {
                throw StoreError.unknownUnit(unit)
            }
            try db.execute(sql: """
                INSERT INTO user (name, role, passwordHash, school, createdAt, createdBy) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [account.name, account.role.rawValue, account.passwordHash, account.school, time, actor])
            for unit in account.units.sorted() {
                try db.execute(sql: "INSERT INTO userUnit (userName, unitId, assignedAt) VALUES (?, ?, ?)",
                               arguments: [account.name, unit, time])
            }
            let scope = account.school.map { "; school \($0)" }
                ?? (account.units.isEmpty ? "" : "; units \(account.units.sorted().joined(separator: ", "))")
            try AuditEntry(action: .user, subject: "user:\(account.name)", detail: "role \(account.role.rawValue)\(scope)")
                .append(db, actor: actor, at: time)
        }
    }

    /// The user with this name, if any.
    public func user(named name: String) throws -> UserAccount? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]) else { return nil }
            return try account(db, row)
        }
    }

    /// Every user, by name.
    public func users() throws -> [UserAccount] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map { try account(db, $0) }
        }
    }

    /// Whether any administrator exists (the demo seed and `user add` ask).
    public func hasAdministrator() throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE role = 'admin'") == true }
    }

    /// Appends one line to the audit log, for what the web application records beside the data
    /// writes (sign-ins, refused requests).
    public func log(_ action: AuditEntry.Action, subject: String, detail: String, by actor: String) throws {
        let time = clock()
        try pool.write { db in
            try AuditEntry(action: action, subject: subject, detail: detail).append(db, actor: actor, at: time)
        }
    }

    private func account(_ db: Database, _ row: Row) throws -> UserAccount {
        let name: String = row["name"]
        guard let role = UserRole(rawValue: row["role"]) else { throw StoreError.damaged("role of user \(name)") }
        let units = try String.fetchAll(db, sql: "SELECT unitId FROM userUnit WHERE userName = ?", arguments: [name])
        return UserAccount(name: name, role: role, passwordHash: row["passwordHash"], school: row["school"], units: Set(units))
    }
}
