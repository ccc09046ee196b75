import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats

/// What `verify` found for one stored decision that does not hold.
public struct VerificationProblem: Sendable, Equatable {
    /// One way a stored decision no longer holds.
    public enum Kind: Sendable, Equatable {
        /// The criteria files kept under the decision's hash are missing or no longer hash to it.
        case criteriaAltered(stored: String, computed: String?)
        /// The evidence revision no longer hashes to what the decision recorded.
        case evidenceAltered(stored: String, computed: String)
        /// Re-evaluating gives another decision.
        case decisionDiffers(storedOutcome: String, computedOutcome: String, storedHash: String, computedHash: String,
                             firstDifference: String?)
        /// The decision was made by another version of the engine (reported with a difference).
        case engineChanged(stored: String, current: String)
        /// The stored evidence can no longer be read (its record or its layout was altered).
        case evidenceUnreadable(String)
        /// A column of the stored decision (or a criterion's points) is not what its trace says.
        case recordDiffers(field: String, stored: String, computed: String)
    }

    public var decision: DecisionRecord
    public var kinds: [Kind]
}

/// The result of `verify`.
public struct VerificationReport: Sendable {
    public var checked = 0
    public var problems: [VerificationProblem] = []
}

extension Store {
    /// Re-makes every stored decision from its stored evidence revision and the criteria files
    /// kept under its hash, and reports each that no longer gives the same result and hash.
    public func verify() throws -> VerificationReport {
        try pool.read { db in
            var report = VerificationReport()
            var standards: [String: DecidingStandard?] = [:]
            let layouts = try Self.layouts(db)
            let workers = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in ReaderCache(layouts: layouts) }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.*, r.snapshot AS snapshot FROM decision d JOIN evidenceRevision r ON r.id = d.evidenceRevisionId
                ORDER BY d.id
                """)
            var chunk: [(DecisionRecord, String)] = []
            func check() throws {
                // The criteria kept under each hash are read back once, before the workers need them.
                for (record, _) in chunk where standards[record.criteriaHash] == nil {
                    standards[record.criteriaHash] = .some(try keptStandard(db, hash: record.criteriaHash))
                }
                let kept = standards
                // Each decision's criterion rows, read for the chunk at once.
                var points: [Int64: [String: Int?]] = [:]
                if let low = chunk.first?.0.id, let high = chunk.last?.0.id {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT decisionId, criterionId, points FROM decisionCriterion WHERE decisionId BETWEEN ? AND ?
                        """, arguments: [low, high]) {
                        points[row["decisionId"], default: [:]][row["criterionId"]] = .some(row["points"])
                    }
                }
                let pairs = chunk.map { Pair(record: $0.0, snapshot: $0.1, points: points[$0.0.id] ?? [:]) }
                let found = try ParallelMap.map(pairs, workers: workers.count) { pair, worker in
                    try Self.check(pair.record, snapshot: pair.snapshot, points: pair.points,
                                   kept: kept[pair.record.criteriaHash] ?? nil, reader: workers[worker])
                }
                report.checked += chunk.count
                report.problems += found.compactMap { $0 }
                chunk.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                chunk.append((try DecisionRecord(row: row), row["snapshot"]))
                if chunk.count == 1024 { try check() }
            }
            try check()
            return report
        }
    }

    /// A decision and the evidence it was made from, handed to a worker.
    private struct Pair: Sendable {
        var record: DecisionRecord
        var snapshot: String
        var points: [String: Int?]
    }

    /// What no longer holds about one stored decision, re-made with the criteria kept under its hash.
    private static func check(_ record: DecisionRecord, snapshot: String, points: [String: Int?], kept standard: DecidingStandard?,
                              reader cache: ReaderCache) throws -> VerificationProblem? {
        guard let standard else {
            return VerificationProblem(decision: record, kinds: [.criteriaAltered(stored: record.criteriaHash, computed: nil)])
        }
        var kinds: [VerificationProblem.Kind] = []
        if standard.loaded.hash != record.criteriaHash {
            kinds.append(.criteriaAltered(stored: record.criteriaHash, computed: standard.loaded.hash))
        }
        let evidenceHash = SHA256Text.hex(snapshot)
        if evidenceHash != record.evidenceHash {
            kinds.append(.evidenceAltered(stored: record.evidenceHash, computed: evidenceHash))
        }
        let target = StoredRevision(id: record.evidenceRevisionId, unitId: record.unitId, standardId: record.standardId,
                                    periodFrom: record.periodFrom, periodTo: record.periodTo, snapshot: snapshot)
        let made: (decision: Decision, trace: String, evidenceHash: String, hash: String)
        do {
            made = try make(target, standard, cache.reader(standard.loaded.standard, key: record.criteriaHash))
        } catch StoreError.unreadableEvidence(_, _, let problem) {
            kinds.append(.evidenceUnreadable(problem))
            return VerificationProblem(decision: record, kinds: kinds)
        }
        let hash = DecisionRecord.hash(criteria: record.criteriaHash, evidence: record.evidenceHash,
                                       engine: record.engineVersion, trace: made.trace)
        if hash != record.decisionHash || made.trace != record.trace {
            let stored = record.trace.split(separator: "\n")
            let computed = made.trace.split(separator: "\n")
            let first = zip(stored, computed).first { $0 != $1 }.map { "\($0.0) → \($0.1)" }
                ?? (stored.count != computed.count ? "\(stored.count) → \(computed.count) lines" : nil)
            kinds.append(.decisionDiffers(storedOutcome: record.outcome, computedOutcome: made.decision.outcome.rawValue,
                                          storedHash: record.decisionHash, computedHash: made.hash, firstDifference: first))
            if record.engineVersion != DecisionTrace.engineVersion {
                kinds.append(.engineChanged(stored: record.engineVersion, current: DecisionTrace.engineVersion))
            }
        }
        // The columns history and export show must say what the decision said.
        let d = made.decision
        let tally = d.checklist
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "-" }
        let columns: [(String, String, String)] = [
            ("outcome", record.outcome, d.outcome.rawValue),
            ("provisional", "\(record.provisional)", "\(d.provisional)"),
            ("total", text(record.total), text(d.total)),
            ("maximum", "\(record.maximum)", "\(d.maximum)"),
            ("threshold", text(record.threshold), text(d.threshold)),
            ("unitClass", text(record.unitClass), text(d.unitClass.map { standard.loaded.standard.recognition.classes[$0].id })),
            ("itemsMet", text(record.itemsMet), text(tally?.met)),
            ("itemsApplicable", text(record.itemsApplicable), text(tally?.applicable)),
            ("mandatoryMet", text(record.mandatoryMet), text(tally?.mandatoryMet)),
            ("mandatoryApplicable", text(record.mandatoryApplicable), text(tally?.mandatoryApplicable)),
            ("unitId", record.unitId, d.unit.id),
        ]
        for (field, stored, computed) in columns where stored != computed {
            kinds.append(.recordDiffers(field: field, stored: stored, computed: computed))
        }
        var computedPoints: [String: Int?] = [:]
        for result in d.criteria { computedPoints[standard.loaded.standard.criteria[result.criterion].id] = result.points }
        for id in Set(points.keys).union(computedPoints.keys).sorted() where points[id] != computedPoints[id] {
            kinds.append(.recordDiffers(field: "points \(id)", stored: text(points[id] ?? nil), computed: text(computedPoints[id] ?? nil)))
        }
        return kinds.isEmpty ? nil : VerificationProblem(decision: record, kinds: kinds)
    }

    /// The standard whose files are kept under `hash`, read back through the criteria loader;
    /// nil when no files are kept or they no longer load.
    func keptStandard(_ db: Database, hash: String) throws -> DecidingStandard? {
        guard let row = try Row.fetchOne(db, sql: "SELECT standardId, files FROM criteriaVersion WHERE hash = ?", arguments: [hash]),
              let text: String = row["files"], let data = text.data(using: .utf8),
              let files = try JSONSerialization.jsonObject(with: data) as? [String: String] else { return nil }
        let id: String = row["standardId"]
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("phuhop-verify-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .appendingPathComponent(id)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files {
            // Names come from the store; a path separator would escape the scratch folder.
            guard !name.contains("/") else { return nil }
            try Data(content.utf8).write(to: folder.appendingPathComponent(name))
        }
        guard let loaded = try? CriteriaLoader.load(folder: folder, displayPath: "criteriaVersion \(hash.prefix(12))/\(id)") else {
            return nil
        }
        return DecidingStandard(loaded: loaded)
    }
}
