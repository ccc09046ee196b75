import ArgumentParser
import Foundation
import PhuhopStore

/// Options of the commands that use the database.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: phuhop.sqlite).")
    var db: String = "phuhop.sqlite"

    /// Opens the database, which must exist (`phuhop db init` creates it).
    func open() throws -> Store {
        try Store(path: db)
    }
}

/// Who writes, for the commands that write.
struct AuthorOption: ParsableArguments {
    @Option(help: "Who makes the change, recorded with it (default: the login name).")
    var author: String?

    var name: String {
        if let author, !author.trimmingCharacters(in: .whitespaces).isEmpty { return author }
        let login = ProcessInfo.processInfo.environment["USER"] ?? ""
        return login.isEmpty ? "phuhop" : login
    }
}
