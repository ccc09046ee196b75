import GRDB
import PhuhopCore
import PhuhopFormats

/// The headline of a current decision: what lists and dashboards show without its trace.
public struct DecisionHeadline: Sendable, Equatable, Codable, FetchableRecord {
    public var id: Int64
    public var unitId: String
    public var standardId: String
    public var periodFrom: String
    public var periodTo: String
    public var outcome: String
    public var provisional: Bool
    public var total: Int?
    public var maximum: Int
    public var threshold: Int?
    public var unitClass: String?
    public var itemsMet: Int?
    public var itemsApplicable: Int?
    public var decidedAt: String
    public var decidedBy: String

    public var period: String { periodFrom + "/" + periodTo }

    public init(id: Int64, unitId: String, standardId: String, periodFrom: String, periodTo: String, outcome: String,
                provisional: Bool, total: Int?, maximum: Int, threshold: Int?, unitClass: String?, itemsMet: Int?,
                itemsApplicable: Int?, decidedAt: String, decidedBy: String) {
        self.id = id
        self.unitId = unitId
        self.standardId = standardId
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.outcome = outcome
        self.provisional = provisional
        self.total = total
        self.maximum = maximum
        self.threshold = threshold
        self.unitClass = unitClass
        self.itemsMet = itemsMet
        self.itemsApplicable = itemsApplicable
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}

/// A unit as it is now (its latest version) with its current decision for each standard.
public struct UnitSummary: Sendable, Equatable {
    public var id: String
    public var unitType: UnitType
    public var name: String
    public var province: String
    public var commune: String?
    /// The current decision on the latest period, one per standard, by standard id.
    public var decisions: [DecisionHeadline]

    public init(id: String, unitType: UnitType, name: String, province: String, commune: String?, decisions: [DecisionHeadline]) {
        self.id = id
        self.unitType = unitType
        self.name = name
        self.province = province
        self.commune = commune
        self.decisions = decisions
    }
}

extension Store {
    /// A number that grows with every write: the id of the audit log's last line. Every write
    /// appends a line in its own transaction, so what was read after seeing a version is at
    /// least as new as that version; pages built from reads may be kept until it changes.
    public func version() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM auditLog")) ?? 0 }
    }

    /// `version()`, read again only when this store has committed a write since it was last
    /// read, or when that was `maximumAge` ago or more: writes by other processes show within
    /// that time, this store's own at once.
    public func version(maximumAge: Duration) throws -> Int64 {
        try versionWatch.version(maximumAge: maximumAge) { try version() }
    }

    /// Every unit as it is now, with its current decisions; or the one unit asked for.
    public func unitSummaries(unit: String? = nil) throws -> [UnitSummary] {
        try pool.read { db in
            let only = unit == nil ? "" : " WHERE v.unitId = ?"
            let arguments: StatementArguments = unit.map { [$0] } ?? []
            var units: [String: UnitSummary] = [:]
            var order: [String] = []
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT v.unitId, u.unitType, v.name, v.province, v.commune FROM unitVersions v JOIN unit u ON u.id = v.unitId
                \(only) ORDER BY v.unitId, v.validFrom, v.seq
                """), arguments: arguments) {
                let id: String = row["unitId"]
                guard let type = UnitType(rawValue: row["unitType"]) else { throw StoreError.damaged("type of unit \(id)") }
                if units[id] == nil { order.append(id) }
                units[id] = UnitSummary(id: id, unitType: type, name: row["name"], province: row["province"],
                                        commune: row["commune"], decisions: [])
            }
            let decisions = try DecisionHeadline.fetchAll(db.cachedStatement(sql: """
                SELECT d.id, d.unitId, d.standardId, d.periodFrom, d.periodTo, d.outcome, d.provisional, d.total, d.maximum,
                    d.threshold, d.unitClass, d.itemsMet, d.itemsApplicable, d.decidedAt, d.decidedBy
                FROM decision d WHERE NOT \(StoreSQL.isSuperseded)\(unit == nil ? "" : " AND d.unitId = ?")
                ORDER BY d.unitId, d.standardId, d.periodTo, d.periodFrom
                """), arguments: arguments)
            // Ordered by period within a unit and standard: the last one seen is the latest.
            var latest: [String: DecisionHeadline] = [:]
            for decision in decisions { latest[decision.unitId + "\u{0}" + decision.standardId] = decision }
            for decision in latest.values.sorted(by: { $0.standardId < $1.standardId }) {
                units[decision.unitId]?.decisions.append(decision)
            }
            return order.compactMap { units[$0] }
        }
    }

    /// A stored decision, made again from its evidence revision with the criteria kept under its
    /// hash (or with `current` when that is the same criteria, as it usually is): what a page
    /// shows is what `verify` checks.
    public func storedDecision(id: Int64, current: DecidingStandard?) throws -> (record: DecisionRecord, decision: Decision, standard: LoadedStandard) {
        try pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.*, r.snapshot AS snapshot FROM decision d JOIN evidenceRevision r ON r.id = d.evidenceRevisionId
                WHERE d.id = ?
                """), arguments: [id]) else { throw StoreError.damaged("no decision \(id)") }
            let record = try DecisionRecord(row: row)
            let standard: DecidingStandard
            if let current, current.loaded.hash == record.criteriaHash {
                standard = current
            } else if let kept = try keptStandard(db, hash: record.criteriaHash) {
                standard = kept
            } else {
                throw StoreError.damaged("criteria \(record.criteriaHash) of decision \(id)")
            }
            let target = StoredRevision(id: record.evidenceRevisionId, unitId: record.unitId, standardId: record.standardId,
                                        periodFrom: record.periodFrom, periodTo: record.periodTo, snapshot: row["snapshot"])
            let reader = ReaderCache(layouts: try Self.layouts(db)).reader(standard.loaded.standard, key: record.criteriaHash)
            let made = try Self.make(target, standard, reader)
            return (record, made.decision, standard.loaded)
        }
    }

    /// The latest revision of one unit and standard: the latest period's latest revision.
    private static let latestOfUnit = """
        FROM evidenceRevision r WHERE r.unitId = ? AND r.standardId = ? AND \(StoreSQL.isLatestRevision)
        ORDER BY r.periodTo DESC, r.periodFrom DESC LIMIT 1
        """

    /// The id of the unit's latest evidence revision for the standard, if any: what a page keyed
    /// on the latest evidence asks before reading it.
    public func latestRevisionID(unit: String, standard: String) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT r.id " + Self.latestOfUnit), arguments: [unit, standard])
        }
    }

    /// The evidence of the unit's latest revision for the standard, read with `standard`.
    public func latestEvidence(unit: String, standard: Standard) throws -> Evidence? {
        try latestRevision(unit: unit, standard: standard)?.evidence
    }

    /// The unit's latest revision for the standard, its id and its evidence read together.
    public func latestRevision(unit: String, standard: Standard) throws -> (id: Int64, evidence: Evidence)? {
        try pool.read { db in
            guard let revision = try StoredRevision.fetchOne(db.cachedStatement(
                sql: "SELECT r.id, r.unitId, r.standardId, r.periodFrom, r.periodTo, r.snapshot " + Self.latestOfUnit),
                arguments: [unit, standard.id]) else { return nil }
            let reader = ReaderCache(layouts: try Self.layouts(db)).reader(standard, key: standard.id)
            do {
                return (revision.id, try reader.read(revision.snapshot))
            } catch let error as SnapshotError {
                throw StoreError.unreadableEvidence(revision: revision.id, unit: unit, problem: error.problem)
            }
        }
    }
}
