import GRDB

extension Store {
    /// The key of the setting that marks a store seeded with demonstration data.
    public static let demoSetting = "demo"

    /// A store-wide setting, if set.
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets a store-wide setting, and logs it.
    public func setSetting(_ key: String, _ value: String, by actor: String) throws {
        let time = clock()
        try pool.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
            try AuditEntry(action: .initialize, subject: "setting:\(key)", detail: value).append(db, actor: actor, at: time)
        }
    }
}
