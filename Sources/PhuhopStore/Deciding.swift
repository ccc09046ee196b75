import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats

/// A standard ready to decide with: its files (kept with the decisions) and its evaluator.
public struct DecidingStandard: Sendable {
    public let loaded: LoadedStandard
    public let evaluator: Evaluator
    let trace: DecisionTrace

    public init(loaded: LoadedStandard) {
        self.init(loaded: loaded, evaluator: Evaluator(standard: loaded.standard))
    }

    public init(loaded: LoadedStandard, evaluator: Evaluator) {
        self.loaded = loaded
        self.evaluator = evaluator
        trace = DecisionTrace(standard: loaded.standard)
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
    /// `standards` gives the standard for an id (the CLI loads them from `criteria/`), asked once
    /// per id; `each` receives every decision, new or standing, in unit order.
    public func decide(_ selection: DecisionSelection, by actor: String,
                       standards: (String) throws -> DecidingStandard,
                       each: (Decided) throws -> Void) throws -> (decided: Int, unchanged: Int) {
        let time = clock()
        return try pool.write { db in
            let targets = try latestRevisions(db, selection)
            var current: [String: DecisionRecord] = [:]
            let currentSQL = """
                SELECT * FROM decision d WHERE NOT \(StoreSQL.isSuperseded)
                """
            let currentRows = selection == .all
                ? try DecisionRecord.fetchAll(db, sql: currentSQL)
                : try DecisionRecord.fetchAll(db, sql: currentSQL + " AND d.unitId = ?", arguments: [targets.first?.unitId ?? ""])
            for record in currentRows {
                current[record.unitId + "\u{0}" + record.standardId + "\u{0}" + record.period] = record
            }
            // Each standard is asked for once (building one compiles its evaluator and trace tables)
            // and its criteria files are kept before any decision names them.
            var deciding: [String: DecidingStandard] = [:]
            for id in Set(targets.map(\.standardId)).sorted() {
                let standard = try standards(id)
                deciding[id] = standard
                try storeCriteria(db, standard.loaded, time: time)
            }
            let layouts = try Self.layouts(db)
            let caches = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in ReaderCache(layouts: layouts) }
            var decided = 0
            var unchanged = 0
            // Rows are written a few decisions to a statement; ids are given here (this transaction
            // holds the write lock) so a decision's criterion rows can wait beside it.
            var insert = BatchedInsert(db, prefix: """
                INSERT OR FAIL INTO decision (id, unitId, standardId, periodFrom, periodTo, evidenceRevisionId, evidenceHash,
                    criteriaHash, engineVersion, outcome, provisional, total, maximum, threshold, unitClass, itemsMet,
                    itemsApplicable, mandatoryMet, mandatoryApplicable, trace, decisionHash, supersedes, decidedAt, decidedBy)
                """, columns: 24)
            var insertCriterion = BatchedInsert(db, prefix: """
                INSERT OR FAIL INTO decisionCriterion (decisionId, criterionId, points, maximum)
                """, columns: 4)
            var nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM decision") ?? 0) + 1
            var waiting = 0
            func flush() throws {
                try insert.flush()
                try insertCriterion.flush()
                waiting = 0
            }
            // Decisions are made on every core, a chunk at a time, and written in order on this one.
            for start in stride(from: 0, to: targets.count, by: 1024) {
                let chunk = Array(targets[start..<min(start + 1024, targets.count)])
                let made = try ParallelMap.map(chunk, workers: caches.count) { target, worker in
                    guard let standard = deciding[target.standardId] else { throw StoreError.damaged("standard \(target.standardId)") }
                    return try Self.make(target, standard, caches[worker].reader(standard.loaded.standard, key: target.standardId))
                }
                for (target, made) in zip(chunk, made) {
                    guard let standard = deciding[target.standardId] else { continue }
                    let loaded = standard.loaded
                    let key = target.unitId + "\u{0}" + target.standardId + "\u{0}" + target.periodFrom + "/" + target.periodTo
                    let previous = current[key]
                    if let previous, previous.evidenceRevisionId == target.id, previous.decisionHash == made.hash {
                        unchanged += 1
                        try each(Decided(record: previous, decision: made.decision, isNew: false))
                        continue
                    }
                    let d = made.decision
                    let tally = d.checklist
                    let record = DecisionRecord(
                        id: nextID, unitId: target.unitId, standardId: target.standardId, periodFrom: target.periodFrom,
                        periodTo: target.periodTo, evidenceRevisionId: target.id, evidenceHash: made.evidenceHash,
                        criteriaHash: loaded.hash, engineVersion: DecisionTrace.engineVersion, outcome: d.outcome.rawValue,
                        provisional: d.provisional, total: d.total, maximum: d.maximum, threshold: d.threshold,
                        unitClass: d.unitClass.map { loaded.standard.recognition.classes[$0].id }, itemsMet: tally?.met,
                        itemsApplicable: tally?.applicable, mandatoryMet: tally?.mandatoryMet,
                        mandatoryApplicable: tally?.mandatoryApplicable, trace: made.trace, decisionHash: made.hash,
                        supersedes: previous?.id, decidedAt: time, decidedBy: actor)
                    nextID += 1
                    // The row is the record, column for column.
                    insert.add(
                        .integer(record.id), .text(record.unitId), .text(record.standardId), .text(record.periodFrom),
                        .text(record.periodTo), .integer(record.evidenceRevisionId), .text(record.evidenceHash),
                        .text(record.criteriaHash), .text(record.engineVersion), .text(record.outcome),
                        .integer(record.provisional ? 1 : 0), .integer(record.total), .integer(record.maximum),
                        .integer(record.threshold), .text(record.unitClass), .integer(record.itemsMet),
                        .integer(record.itemsApplicable), .integer(record.mandatoryMet), .integer(record.mandatoryApplicable),
                        .text(record.trace), .text(record.decisionHash), .integer(record.supersedes), .text(record.decidedAt),
                        .text(record.decidedBy))
                    for result in d.criteria {
                        let criterion = loaded.standard.criteria[result.criterion]
                        insertCriterion.add(.integer(record.id), .text(criterion.id), .integer(result.points),
                                            .integer(criterion.maximum.value))
                    }
                    waiting += 1
                    if waiting == 16 { try flush() }
                    decided += 1
                    try each(Decided(record: record, decision: d, isNew: true))
                }
            }
            try flush()
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
        let trace = standard.trace.text(decision)
        let evidenceHash = SHA256Text.hex(target.snapshot)
        let hash = DecisionRecord.hash(criteria: standard.loaded.hash, evidence: evidenceHash,
                                       engine: DecisionTrace.engineVersion, trace: trace)
        return (decision, trace, evidenceHash, hash)
    }

    /// Every evidence layout the store keeps, by id: read once, so the workers that decide in
    /// parallel never touch the database.
    ///
    /// A layout whose columns no longer hash to its id was altered: it is left out, so the
    /// records that name it cannot be read rather than read with other columns.
    static func layouts(_ db: Database) throws -> [String: EvidenceLayout] {
        var out: [String: EvidenceLayout] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, columns FROM evidenceLayout") {
            guard let layout = try? EvidenceLayout(text: row["columns"]), layout.id == row["id"] else { continue }
            out[layout.id] = layout
        }
        return out
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
            WHERE \(StoreSQL.isLatestRevision)
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

/// One worker's readers of stored evidence, one per standard. A worker is one thread at a time.
final class ReaderCache: @unchecked Sendable {
    private let layouts: [String: EvidenceLayout]
    private var readers: [String: StoredEvidence.Reader] = [:]

    init(layouts: [String: EvidenceLayout]) {
        self.layouts = layouts
    }

    /// The reader for `standard`, kept under `key`: the standard's id while deciding (one
    /// version per id), its criteria hash while verifying (every version ever used).
    func reader(_ standard: Standard, key: String) -> StoredEvidence.Reader {
        if let reader = readers[key] { return reader }
        let layouts = self.layouts
        let reader = StoredEvidence.Reader(standard: standard) { id in
            guard let layout = layouts[id] else { throw SnapshotError(problem: "no evidence layout \(id)") }
            return layout
        }
        readers[key] = reader
        return reader
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
