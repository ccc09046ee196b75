import ArgumentParser
import Foundation
import PhuhopStore

/// `phuhop db`: the database itself.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Cơ sở dữ liệu / The database (SQLite).", subcommands: [DatabaseInit.self])
}

/// `phuhop db init`: creates the database, or upgrades an existing one to this version's schema.
struct DatabaseInit: PhuhopCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo hoặc nâng cấp cơ sở dữ liệu / Create the database, or upgrade an existing one.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let existed = FileManager.default.fileExists(atPath: store.db)
        let opened = try Store(path: store.db, create: true)
        let applied = try opened.appliedMigrations()
        let vi = existed ? "Cơ sở dữ liệu \(store.db) đã có; lược đồ: \(applied.joined(separator: ", "))\n"
            : "Đã tạo cơ sở dữ liệu \(store.db); lược đồ: \(applied.joined(separator: ", "))\n"
        let en = existed ? "Database \(store.db) exists; schema: \(applied.joined(separator: ", "))\n"
            : "Created database \(store.db); schema: \(applied.joined(separator: ", "))\n"
        console.write(shared.lang == .vi ? vi : en)
        return 0
    }
}
