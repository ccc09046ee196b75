import GRDB
import PhuhopCore

/// A merger (or split) to record: old units going into a new one on a date.
public struct Merger: Sendable {
    public var predecessors: [String]
    public var successor: String
    public var date: CalendarDate
    public var document: String?
    /// The successor's name, province and type, needed when it is not registered yet.
    public var name: String?
    public var province: String?
    public var unitType: UnitType?

    public init(predecessors: [String], successor: String, date: CalendarDate, document: String?,
                name: String? = nil, province: String? = nil, unitType: UnitType? = nil) {
        self.predecessors = predecessors
        self.successor = successor
        self.date = date
        self.document = document
        self.name = name
        self.province = province
        self.unitType = unitType
    }
}

extension Store {
    /// Records a merger: the successor is registered if new, each predecessor is linked to it
    /// and keeps its identity, evidence and decisions. One transaction, one audit line.
    public func merge(_ merger: Merger, by actor: String) throws {
        let time = clock()
        try pool.write { db in
            let day = merger.date.description
            if merger.predecessors.isEmpty {
                throw StoreError.invalidMerger(LocalizedText(vi: "cần ít nhất một đơn vị cũ", en: "give at least one old unit"))
            }
            if Set(merger.predecessors).count != merger.predecessors.count {
                throw StoreError.invalidMerger(LocalizedText(vi: "một đơn vị cũ được nêu hai lần", en: "an old unit is named twice"))
            }
            for old in merger.predecessors {
                // The new unit must not have gone into one of the old ones: a merger cannot go round.
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM unitLineage WHERE predecessor = ? AND successor = ?",
                                     arguments: [merger.successor, old]) == true {
                    throw StoreError.invalidMerger(LocalizedText(vi: "\(merger.successor) đã sáp nhập vào \(old); không thể sáp nhập ngược lại",
                                                                 en: "\(merger.successor) was merged into \(old); it cannot go the other way"))
                }
                if old == merger.successor {
                    throw StoreError.invalidMerger(LocalizedText(vi: "đơn vị \(old) không thể sáp nhập vào chính nó",
                                                                 en: "unit \(old) cannot be merged into itself"))
                }
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [old]) == true else {
                    throw StoreError.unknownUnit(old)
                }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM unitLineage WHERE predecessor = ? AND successor = ?",
                                     arguments: [old, merger.successor]) == true {
                    throw StoreError.invalidMerger(LocalizedText(vi: "\(old) đã được ghi là sáp nhập vào \(merger.successor)",
                                                                 en: "\(old) is already recorded as merged into \(merger.successor)"))
                }
            }
            let registered = try String.fetchOne(db, sql: "SELECT unitType FROM unit WHERE id = ?", arguments: [merger.successor])
            if registered == nil {
                guard let name = merger.name, let province = merger.province, let type = merger.unitType else {
                    throw StoreError.invalidMerger(LocalizedText(
                        vi: "đơn vị mới \(merger.successor) chưa có: cần --name, --province và --unit-type",
                        en: "the new unit \(merger.successor) is not registered: give --name, --province and --unit-type"))
                }
                try db.execute(sql: "INSERT OR IGNORE INTO province (name) VALUES (?)", arguments: [province])
                try db.execute(sql: """
                    INSERT INTO unit (id, unitType, validFrom, name, province, commune, attributes, registeredAt)
                    VALUES (?, ?, ?, ?, ?, NULL, '{}', ?)
                    """, arguments: [merger.successor, type.rawValue, day, name, province, time])
            }
            for old in merger.predecessors {
                try db.execute(sql: """
                    INSERT INTO unitLineage (predecessor, successor, effectiveDate, document, recordedAt) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [old, merger.successor, day, merger.document, time])
            }
            try AuditEntry(action: .merge, subject: "unit:\(merger.successor)",
                           detail: "\(merger.predecessors.joined(separator: ", ")) → \(merger.successor) from \(day)"
                               + (merger.document.map { "; \($0)" } ?? ""))
                .append(db, actor: actor, at: time)
        }
    }
}
