import GRDB
import GRDBSQLite

/// A value bound to a statement parameter.
enum Bound {
    case text(String)
    case integer(Int64)
    case null

    static func text(_ value: String?) -> Bound { value.map { .text($0) } ?? .null }

    static func integer<N: BinaryInteger>(_ value: N?) -> Bound { value.map { .integer(Int64($0)) } ?? .null }
}

/// An INSERT prepared once and run for every row of an import through SQLite's C API.
///
/// GRDB's arguments box every value; an import binds a dozen values per row for 100,000 rows,
/// and the boxing cost a tenth of the whole import. The statement stays GRDB's (cached, in
/// GRDB's transaction), so constraints, triggers and rollback behave exactly as elsewhere.
struct FastInsert {
    private let statement: Statement
    private let sql: String

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        self.sql = sql
    }

    /// Binds `values` to the parameters in order and runs the statement once.
    func run(_ values: Bound...) throws {
        try run(values)
    }

    /// Binds `values` to the parameters in order and runs the statement once.
    func run(_ values: [Bound]) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (n, value) in values.enumerated() {
            let index = Int32(n + 1)
            let code: Int32
            switch value {
            case .text(let text) where text.isEmpty:
                // An empty buffer has no address, and a null address would bind NULL.
                code = sqlite3_bind_text(handle, index, "", 0, nil)
            case .text(let text):
                var text = text
                code = text.withUTF8 { bytes in
                    sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                      Int32(bytes.count), Self.transient)
                }
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .null:
                code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes, which only live for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// Rows for one table gathered and inserted many to a statement: an import writes three rows
/// per record, and a statement per row cost more in SQLite's per-statement work than in the
/// rows themselves. The owner flushes, so it can keep the order foreign keys need.
struct BatchedInsert {
    private let db: Database
    private let prefix: String
    private let columns: Int
    private var pending: [Bound] = []

    /// `prefix` is the statement up to `VALUES` (`INSERT OR FAIL INTO t (a, b)`), for `columns` columns.
    init(_ db: Database, prefix: String, columns: Int) {
        self.db = db
        self.prefix = prefix
        self.columns = columns
    }

    /// Adds a row to write at the next flush.
    mutating func add(_ values: Bound...) {
        pending += values
    }

    /// Writes the rows waiting, in one statement (prepared once per row count, then cached).
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let rows = Array(repeating: row, count: pending.count / columns).joined(separator: ", ")
        try FastInsert(db, sql: prefix + " VALUES " + rows).run(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
