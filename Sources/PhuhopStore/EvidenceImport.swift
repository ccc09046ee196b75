import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats

/// Who writes a batch of evidence, and why: kept on the import, which each revision it stores names.
public struct Authorship: Sendable {
    public var author: String
    public var reason: String
    /// The source document the batch comes from, when one document covers it all.
    public var document: String?

    public init(author: String, reason: String, document: String? = nil) {
        self.author = author
        self.reason = reason
        self.document = document
    }
}

/// What an import stored.
public struct ImportSummary: Sendable, Equatable {
    public var importID: Int64
    /// New revisions written.
    public var stored = 0
    /// Records identical to the unit's latest revision, so not written again.
    public var unchanged = 0
    /// Rows the reader or the store refused (only with `--skip-invalid`; otherwise nothing lands).
    public var rejected = 0
}

/// What became of one evidence record.
public enum RevisionOutcome: Sendable, Equatable {
    /// Stored as this revision of the unit's evidence for the period.
    case stored(revision: Int)
    /// Identical to the latest revision, which stands.
    case unchanged(revision: Int)
    /// Refused by the store, with the reason (a merged unit, a unit type that changed).
    case refused(LocalizedText)
}

/// An evidence record made ready to store: encoded, with what the session would otherwise
/// compute inside the transaction. Preparing needs no database, so an import prepares records
/// on one core while the other writes.
public struct PreparedRecord: Sendable {
    /// The unit and period: all the writer needs of the evidence, whose facts are already
    /// encoded (and freed on the preparing thread).
    let unit: UnitInfo
    let from: String
    let to: String
    let standardID: String
    let layout: EvidenceLayout
    let snapshot: String
    /// The record's own attributes as stored (`UnitAttributes`), in id order.
    let attributesText: String
    let document: String?
}

/// Prepares records for one import, keeping each standard's layout.
public final class RecordPreparer {
    /// Each standard's layout, and its attribute indices in id order (the order they are stored in).
    private var shapes: [String: (layout: EvidenceLayout, order: [Int])] = [:]

    public init() {}

    public func prepare(_ evidence: Evidence, standard: Standard, document: String?) -> PreparedRecord {
        let shape = shapes[standard.id]
            ?? (EvidenceLayout(standard: standard),
                standard.attributes.indices.sorted { standard.attributes[$0].id < standard.attributes[$1].id })
        shapes[standard.id] = shape
        let (layout, order) = shape
        var attributes: [(id: String, value: Bool)] = []
        for a in order where a < evidence.unit.attributes.count {
            if let value = evidence.unit.attributes[a] { attributes.append((standard.attributes[a].id, value)) }
        }
        return PreparedRecord(
            unit: evidence.unit, from: evidence.period.from.description, to: evidence.period.to.description,
            standardID: standard.id, layout: layout,
            snapshot: StoredEvidence.encode(evidence, standard: standard, layout: layout),
            attributesText: UnitAttributes.write(sorted: attributes),
            document: document)
    }
}

extension Store {
    /// Imports evidence in one transaction: `body` adds records to the session; the import lands
    /// whole when `body` returns, and not at all when it throws or the process dies.
    public func importEvidence(files: [String], by authorship: Authorship,
                               _ body: (ImportSession) throws -> Void) throws -> ImportSummary {
        let time = clock()
        return try pool.write { db in
            let filesJSON = "[" + files.map(EvidenceSnapshot.quoted).joined(separator: ",") + "]"
            try db.execute(sql: "INSERT INTO evidenceImport (startedAt, author, reason, files) VALUES (?, ?, ?, ?)",
                           arguments: [time, authorship.author, authorship.reason, filesJSON])
            let session = try ImportSession(db: db, importID: db.lastInsertedRowID, authorship: authorship, time: time)
            try body(session)
            try session.flush()
            let summary = session.summary
            try db.execute(sql: "UPDATE evidenceImport SET stored = ?, unchanged = ?, rejected = ? WHERE id = ?",
                           arguments: [summary.stored, summary.unchanged, summary.rejected, summary.importID])
            try AuditEntry(action: .import, subject: "import:\(summary.importID)",
                           detail: "files \(filesJSON); stored \(summary.stored), unchanged \(summary.unchanged), rejected \(summary.rejected); reason: \(authorship.reason)")
                .append(db, actor: authorship.author, at: time)
            return summary
        }
    }
}

/// One import in progress, inside its transaction. Not to be kept after `importEvidence` returns.
///
/// What the database already holds about units is read once, or once per unit, and kept in
/// memory for the session: an import of a whole province would otherwise ask for it row by row.
public final class ImportSession {
    /// What a unit was from a date on, as `unitVersions` holds it (seq 0: the registration).
    private struct Version {
        var validFrom: String
        var seq: Int
        var name: String
        var province: String
        var commune: String?
        var attributes: String
    }

    private let db: Database
    private let authorship: Authorship
    private let time: String
    private(set) var summary: ImportSummary
    /// Every registered unit, with its type. A unit not in it is new: its record is stored
    /// without asking the database anything; any other asks for its versions and revisions.
    private var units: [String: String] = [:]
    /// The versions of the known units this import touched, by date.
    private var versions: [String: [Version]] = [:]
    private var provinces: Set<String> = []
    /// The layouts stored by this import.
    private var storedLayouts: Set<String> = []
    /// Prepares records given as evidence (`add(_:standard:document:)`).
    private let preparer = RecordPreparer()
    // Rows wait here and are written many to a statement; `flush` writes them before any read
    // that must see them, units before the rows that refer to them.
    private var insertRevision: BatchedInsert
    private var insertUnit: BatchedInsert
    private var insertVersion: BatchedInsert
    /// Records whose rows wait to be written.
    private var waiting = 0
    /// Units merged away: their successor and the date, read once.
    private var mergers: [String: (successor: String, date: String)] = [:]

    init(db: Database, importID: Int64, authorship: Authorship, time: String) throws {
        self.db = db
        self.authorship = authorship
        self.time = time
        summary = ImportSummary(importID: importID)
        for row in try Row.fetchAll(db, sql: "SELECT predecessor, successor, min(effectiveDate) AS date FROM unitLineage GROUP BY predecessor") {
            mergers[row["predecessor"]] = (row["successor"], row["date"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, unitType FROM unit") {
            units[row["id"]] = row["unitType"]
        }
        provinces = Set(try String.fetchAll(db, sql: "SELECT name FROM province"))
        insertRevision = BatchedInsert(db, prefix: """
            INSERT OR FAIL INTO evidenceRevision (unitId, standardId, periodFrom, periodTo, revision, layoutId, snapshot,
                                                  document, importId)
            """, columns: 9)
        insertUnit = BatchedInsert(db, prefix: """
            INSERT OR FAIL INTO unit (id, unitType, validFrom, name, province, commune, attributes, registeredAt)
            """, columns: 8)
        insertVersion = BatchedInsert(db, prefix: """
            INSERT OR FAIL INTO unitVersion (unitId, validFrom, seq, name, province, commune, attributes, recordedAt)
            """, columns: 8)
    }

    /// Writes every row still waiting, in the order the foreign keys need.
    func flush() throws {
        waiting = 0
        try insertUnit.flush()
        try insertVersion.flush()
        try insertRevision.flush()
    }

    /// Counts a record the reader refused (kept out with `--skip-invalid`).
    public func countRejected() {
        summary.rejected += 1
    }

    /// Stores `evidence` for `standard` as the next revision of the unit's evidence for its
    /// period, registering the unit or a new version of it as needed.
    public func add(_ evidence: Evidence, standard: Standard, document: String? = nil) throws -> RevisionOutcome {
        try add(preparer.prepare(evidence, standard: standard, document: document))
    }

    /// Stores a prepared record (see `add(_:standard:document:)`).
    public func add(_ record: PreparedRecord) throws -> RevisionOutcome {
        let unit = record.unit
        let from = record.from
        let to = record.to
        if let merger = mergers[unit.id], merger.date <= from {
            summary.rejected += 1
            return .refused(LocalizedText(
                vi: "đơn vị \(unit.id) đã sáp nhập vào \(merger.successor) từ \(merger.date); ghi bằng chứng kỳ này cho \(merger.successor)",
                en: "unit \(unit.id) was merged into \(merger.successor) on \(merger.date); record this period's evidence for \(merger.successor)"))
        }
        // A unit already registered (before or earlier in this import) is looked up: what waits
        // to be written is written first, so the lookups see it.
        let isNew = units[unit.id] == nil
        if !isNew { try flush() }
        if let refusal = try register(record, from: from) {
            summary.rejected += 1
            return .refused(refusal)
        }
        try storeLayout(record)
        var revision: Int64 = 1
        if !isNew {
            let latest = try db.cachedStatement(sql: """
                SELECT revision, snapshot FROM evidenceRevision
                WHERE unitId = ? AND standardId = ? AND periodFrom = ? AND periodTo = ?
                ORDER BY revision DESC LIMIT 1
                """)
            if let row = try Row.fetchOne(latest, arguments: [unit.id, record.standardID, from, to]) {
                let number: Int64 = row["revision"]
                if row["snapshot"] == record.snapshot {
                    summary.unchanged += 1
                    return .unchanged(revision: Int(number))
                }
                revision = number + 1
            }
        }
        insertRevision.add(.text(unit.id), .text(record.standardID), .text(from), .text(to), .integer(revision),
                               .text(record.layout.id), .text(record.snapshot), .text(record.document ?? authorship.document),
                               .integer(summary.importID))
        summary.stored += 1
        waiting += 1
        if waiting == 64 { try flush() }
        return .stored(revision: Int(revision))
    }

    /// Keeps the layout of a record's standard in the store the first time it is used.
    private func storeLayout(_ record: PreparedRecord) throws {
        guard storedLayouts.insert(record.layout.id).inserted else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO evidenceLayout (id, standardId, columns) VALUES (?, ?, ?)",
                       arguments: [record.layout.id, record.standardID, record.layout.text])
    }

    /// Registers the unit, or a new dated version of it when the record says something new
    /// about its name, province, commune or attributes. Returns why the unit is refused, if it is.
    private func register(_ record: PreparedRecord, from: String) throws -> LocalizedText? {
        let unit = record.unit
        let type = unit.unitType.rawValue
        if let registered = units[unit.id], registered != type {
            return LocalizedText(vi: "đơn vị \(unit.id) đã đăng ký là \(registered), bản ghi này ghi \(type)",
                                 en: "unit \(unit.id) is registered as \(registered), this record says \(type)")
        }
        if provinces.insert(unit.province).inserted {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO province (name) VALUES (?)").execute(arguments: [unit.province])
        }
        guard units[unit.id] != nil else {
            // A new unit is registered with what this record says of it: its first version.
            insertUnit.add(.text(unit.id), .text(type), .text(from), .text(unit.name), .text(unit.province),
                           .text(unit.commune), .text(record.attributesText), .text(time))
            units[unit.id] = type
            return nil
        }
        if versions[unit.id] == nil {
            versions[unit.id] = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT validFrom, seq, name, province, commune, attributes FROM unitVersions WHERE unitId = ? ORDER BY validFrom, seq
                """), arguments: [unit.id]).map {
                Version(validFrom: $0["validFrom"], seq: $0["seq"], name: $0["name"], province: $0["province"],
                        commune: $0["commune"], attributes: $0["attributes"])
            }
        }
        let known = versions[unit.id] ?? []
        // The version holding on the period's first day: the last one that starts by then.
        let holding = known.last { $0.validFrom <= from }
        var attributesText = record.attributesText
        if let holding {
            // What the record does not say about the unit stays as it was.
            var attributes = UnitAttributes.read(holding.attributes)
            for (id, value) in UnitAttributes.read(record.attributesText) { attributes[id] = value }
            attributesText = UnitAttributes.write(attributes)
        }
        let seq = (known.filter { $0.validFrom == from }.map(\.seq).max() ?? 0) + 1
        let version = Version(validFrom: from, seq: seq, name: unit.name, province: unit.province,
                              commune: unit.commune ?? holding?.commune, attributes: attributesText)
        if let holding, holding.name == version.name, holding.province == version.province,
           holding.commune == version.commune, holding.attributes == version.attributes {
            return nil
        }
        insertVersion.add(.text(unit.id), .text(from), .integer(seq), .text(unit.name), .text(unit.province),
                          .text(version.commune), .text(version.attributes), .text(time))
        versions[unit.id, default: []].append(version)
        versions[unit.id]?.sort { ($0.validFrom, $0.seq) < ($1.validFrom, $1.seq) }
        return nil
    }
}

/// A unit's attributes as stored: a JSON object of booleans in key order, so equal sets give
/// equal text.
enum UnitAttributes {
    static func write(_ attributes: [String: Bool]) -> String {
        write(sorted: attributes.keys.sorted().map { ($0, attributes[$0] == true) })
    }

    /// The text of attributes already in id order.
    static func write(sorted attributes: [(id: String, value: Bool)]) -> String {
        var out = "{"
        for (n, attribute) in attributes.enumerated() {
            if n > 0 { out += "," }
            out += "\"" + attribute.id + (attribute.value ? "\":true" : "\":false")
        }
        return out + "}"
    }

    /// Reads what `write` wrote. Attribute ids are identifiers (no quotes or commas), so the
    /// text splits plainly; an import reads one per unit, and a JSON parser cost a tenth of it.
    static func read(_ text: String?) -> [String: Bool] {
        guard let text, text.count > 2 else { return [:] }
        var out: [String: Bool] = [:]
        for pair in text.dropFirst().dropLast().split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2 else { continue }
            out[String(parts[0].dropFirst().dropLast())] = parts[1] == "true"
        }
        return out
    }
}

extension Store {
    /// Every import: its id, the revisions it says it stored and left unchanged, and the
    /// revisions present that name it. The two stored counts differ only in a damaged database.
    public func importCounts() throws -> [(id: Int64, stored: Int, unchanged: Int, present: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.stored, i.unchanged, (SELECT count(*) FROM evidenceRevision r WHERE r.importId = i.id) AS present
                FROM evidenceImport i ORDER BY i.id
                """).map { ($0["id"], $0["stored"], $0["unchanged"], $0["present"]) }
        }
    }

    /// How many evidence revisions the store holds.
    public func revisionCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evidenceRevision") ?? 0 }
    }
}
