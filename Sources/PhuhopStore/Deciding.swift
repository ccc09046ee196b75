import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats

/// A standard ready to decide with: its files (kept with the decisions) and its evaluator.
public struct DecidingStandard: Sendable {
    public let loaded: LoadedStandard
    public let evaluator: Evaluator

    public init(loaded: LoadedStandard) {
        self.loaded = loaded
        evaluator = Evaluator(standard: loaded.standard)
    }

    public init(loaded: LoadedStandard, evaluator: Evaluator) {
        self.loaded = loaded
        self.evaluator = evaluator
    }
}

/// Which evidence to decide on.
public enum DecisionSelection: Sendable, Equatable {
    /// One unit: every period it has evidence for, or the one period given (`FROM/TO`, or a
    /// year matching the period's end).
    case unit(String, period: String?)
    /// The latest evidence of every unit and period.
    case all
}

/// One decision made by `decide`: the stored record, the decision itself, and whether it is new.
public struct Decided: Sendable {
    public var record: DecisionRecord
    public var decision: Decision
    /// False when the current decision already said exactly this and stands unchanged.
    public var isNew: Bool
}

extension Store {
    /// Decides on the latest evidence revisions selected, in one transaction, storing each
    /// decision that differs from the current one and superseding it.
    ///
    /// `standards` gives the standard for an id (the CLI loads them from `criteria/`); `each`
    /// receives every decision, new or standing, in unit order.
    public func decide(_ selection: DecisionSelection, by actor: String,
                       standards: (String) throws -> DecidingStandard,
                       each: (Decided) throws -> Void) throws -> (decided: Int, unchanged: Int) {
        let time = clock()
        return try pool.write { db in
            let targets = try latestRevisions(db, selection)
            var current: [String: DecisionRecord] = [:]
            let currentSQL = """
                SELECT * FROM decision d WHERE NOT EXISTS (SELECT 1 FROM decision s WHERE s.supersedes = d.id)
                """
            let currentRows = selection == .all
                ? try DecisionRecord.fetchAll(db, sql: currentSQL)
                : try DecisionRecord.fetchAll(db, sql: currentSQL + " AND d.unitId = ?", arguments: [targets.first?.unitId ?? ""])
            for record in currentRows {
                current[record.unitId + "\u{0}" + record.standardId + "\u{0}" + record.period] = record
            }
            var storedCriteria = Set<String>()
            var readers: [String: StoredEvidence.Reader] = [:]
            var decided = 0
            var unchanged = 0
            let insert = try db.cachedStatement(sql: """
                INSERT INTO decision (unitId, standardId, periodFrom, periodTo, evidenceRevisionId, evidenceHash,
                    criteriaHash, engineVersion, outcome, provisional, total, maximum, threshold, unitClass, itemsMet,
                    itemsApplicable, mandatoryMet, mandatoryApplicable, trace, decisionHash, supersedes, decidedAt, decidedBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertCriterion = try db.cachedStatement(sql: """
                INSERT INTO decisionCriterion (decisionId, criterionId, points, maximum) VALUES (?, ?, ?, ?)
                """)
            for target in targets {
                let standard = try standards(target.standardId)
                let loaded = standard.loaded
                if storedCriteria.insert(loaded.hash).inserted { try storeCriteria(db, loaded, time: time) }
                let reader = readers[target.standardId] ?? Self.reader(db, loaded.standard)
                readers[target.standardId] = reader
                let made = try Self.make(target, standard, reader)
                let key = target.unitId + "\u{0}" + target.standardId + "\u{0}" + target.periodFrom + "/" + target.periodTo
                let previous = current[key]
                if let previous, previous.evidenceRevisionId == target.id, previous.decisionHash == made.hash {
                    unchanged += 1
                    try each(Decided(record: previous, decision: made.decision, isNew: false))
                    continue
                }
                let d = made.decision
                let tally = d.checklist
                try insert.execute(arguments: [
                    target.unitId, target.standardId, target.periodFrom, target.periodTo, target.id, made.evidenceHash,
                    loaded.hash, DecisionTrace.engineVersion, d.outcome.rawValue, d.provisional, d.total, d.maximum,
                    d.threshold, d.unitClass.map { loaded.standard.recognition.classes[$0].id }, tally?.met,
                    tally?.applicable, tally?.mandatoryMet, tally?.mandatoryApplicable, made.trace, made.hash,
                    previous?.id, time, actor,
                ])
                let id = db.lastInsertedRowID
                for result in d.criteria {
                    let criterion = loaded.standard.criteria[result.criterion]
                    try insertCriterion.execute(arguments: [id, criterion.id, result.points, criterion.maximum.value])
                }
                decided += 1
                let record = DecisionRecord(
                    id: id, unitId: target.unitId, standardId: target.standardId, periodFrom: target.periodFrom,
                    periodTo: target.periodTo, evidenceRevisionId: target.id, evidenceHash: made.evidenceHash,
                    criteriaHash: loaded.hash, engineVersion: DecisionTrace.engineVersion, outcome: d.outcome.rawValue,
                    provisional: d.provisional, total: d.total, maximum: d.maximum, threshold: d.threshold,
                    unitClass: d.unitClass.map { loaded.standard.recognition.classes[$0].id }, itemsMet: tally?.met,
                    itemsApplicable: tally?.applicable, mandatoryMet: tally?.mandatoryMet,
                    mandatoryApplicable: tally?.mandatoryApplicable, trace: made.trace, decisionHash: made.hash,
                    supersedes: previous?.id, decidedAt: time, decidedBy: actor)
                try each(Decided(record: record, decision: d, isNew: true))
            }
            let subject: String
            switch selection {
            case .all: subject = "decisions"
            case .unit(let id, _): subject = "unit:\(id)"
            }
            try AuditEntry(action: .decide, subject: subject, detail: "decided \(decided), unchanged \(unchanged)")
                .append(db, actor: actor, at: time)
            return (decided, unchanged)
        }
    }

    /// A decision made again from a stored revision: what `decide` stores and `verify` compares.
    static func make(_ target: StoredRevision, _ standard: DecidingStandard, _ reader: StoredEvidence.Reader)
        throws -> (decision: Decision, trace: String, evidenceHash: String, hash: String)
    {
        let evidence: Evidence
        do {
            evidence = try reader.read(target.snapshot)
        } catch let error as SnapshotError {
            throw StoreError.unreadableEvidence(revision: target.id, unit: target.unitId, problem: error.problem)
        }
        let decision = standard.evaluator.evaluate(evidence)
        let trace = DecisionTrace.text(decision, standard: standard.loaded.standard)
        let evidenceHash = SHA256Text.hex(target.snapshot)
        let hash = DecisionRecord.hash(criteria: standard.loaded.hash, evidence: evidenceHash,
                                       engine: DecisionTrace.engineVersion, trace: trace)
        return (decision, trace, evidenceHash, hash)
    }

    /// A reader of stored evidence records for `standard`, finding layouts in the database.
    static func reader(_ db: Database, _ standard: Standard) -> StoredEvidence.Reader {
        StoredEvidence.Reader(standard: standard) { id in
            guard let text = try String.fetchOne(db, sql: "SELECT columns FROM evidenceLayout WHERE id = ?", arguments: [id]) else {
                throw SnapshotError(problem: "no evidence layout \(id)")
            }
            return try EvidenceLayout(text: text)
        }
    }

    /// Keeps the criteria files under their hash, once.
    private func storeCriteria(_ db: Database, _ loaded: LoadedStandard, time: String) throws {
        let files = "{" + loaded.files.keys.sorted().map { name in
            EvidenceSnapshot.quoted(name) + ":" + EvidenceSnapshot.quoted(String(decoding: loaded.files[name] ?? Data(), as: UTF8.self))
        }.joined(separator: ",") + "}"
        try db.execute(sql: "INSERT OR IGNORE INTO criteriaVersion (hash, standardId, files, storedAt) VALUES (?, ?, ?, ?)",
                       arguments: [loaded.hash, loaded.standard.id, files, time])
    }

    /// The latest revision of each unit, standard and period selected, in unit order.
    private func latestRevisions(_ db: Database, _ selection: DecisionSelection) throws -> [StoredRevision] {
        let latest = """
            SELECT id, unitId, standardId, periodFrom, periodTo, snapshot FROM evidenceRevision r
            WHERE NOT EXISTS (SELECT 1 FROM evidenceRevision n WHERE n.unitId = r.unitId AND n.standardId = r.standardId
                AND n.periodFrom = r.periodFrom AND n.periodTo = r.periodTo AND n.revision > r.revision)
            """
        switch selection {
        case .all:
            return try StoredRevision.fetchAll(db, sql: latest + " ORDER BY unitId, standardId, periodFrom")
        case .unit(let id, let period):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [id]) == true else {
                throw StoreError.unknownUnit(id)
            }
            let all = try StoredRevision.fetchAll(db, sql: latest + " AND r.unitId = ? ORDER BY standardId, periodFrom",
                                                  arguments: [id])
            guard let period else {
                if all.isEmpty { throw StoreError.noEvidence(unit: id, period: "*") }
                return all
            }
            return try PeriodMatch.select(all, period: period, unit: id)
        }
    }
}

/// An evidence revision with its snapshot, as deciding reads it.
struct StoredRevision: Sendable, Codable, FetchableRecord {
    var id: Int64
    var unitId: String
    var standardId: String
    var periodFrom: String
    var periodTo: String
    var snapshot: String
}

/// Finds the period a user means: `FROM/TO` exactly, or a year that ends one period.
enum PeriodMatch {
    static func select(_ candidates: [StoredRevision], period: String, unit: String) throws -> [StoredRevision] {
        let exact = candidates.filter { $0.periodFrom + "/" + $0.periodTo == period }
        if !exact.isEmpty { return exact }
        let byYear = candidates.filter { period.count == 4 && $0.periodTo.hasPrefix(period) }
        let periods = Set(byYear.map { $0.periodFrom + "/" + $0.periodTo })
        if periods.count > 1 { throw StoreError.ambiguousPeriod(unit: unit, period: period, candidates: periods.sorted()) }
        if byYear.isEmpty { throw StoreError.noEvidence(unit: unit, period: period) }
        return byYear
    }
}
