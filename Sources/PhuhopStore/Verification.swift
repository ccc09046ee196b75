import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats

/// What `verify` found for one stored decision that does not hold.
public struct VerificationProblem: Sendable, Equatable {
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
                let found = try ParallelMap.map(chunk.map { Pair(record: $0.0, snapshot: $0.1) }, workers: workers.count) {
                    pair, worker in
                    try Self.check(pair.record, snapshot: pair.snapshot, kept: kept[pair.record.criteriaHash] ?? nil,
                                   reader: workers[worker])
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
    }

    /// What no longer holds about one stored decision, re-made with the criteria kept under its hash.
    private static func check(_ record: DecisionRecord, snapshot: String, kept standard: DecidingStandard?,
                              reader cache: ReaderCache) throws -> VerificationProblem? {
        guard let standard else {
            return VerificationProblem(decision: record, kinds: [.criteriaAltered(stored: record.criteriaHash, computed: nil)])
        }
        var kinds: [VerificationProblem.Kind] = []
        if standard.loaded.hash != record.criteriaHash {
            kinds.append(.criteriaAltered(stored: record.criteriaHash, computed: standard.loaded.hash))
        }
        let target = StoredRevision(id: record.evidenceRevisionId, unitId: record.unitId, standardId: record.standardId,
                                    periodFrom: record.periodFrom, periodTo: record.periodTo, snapshot: snapshot)
        let made = try make(target, standard, cache.reader(standard.loaded.standard, key: record.criteriaHash))
        if made.evidenceHash != record.evidenceHash {
            kinds.append(.evidenceAltered(stored: record.evidenceHash, computed: made.evidenceHash))
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
        return kinds.isEmpty ? nil : VerificationProblem(decision: record, kinds: kinds)
    }

    /// The standard whose files are kept under `hash`, read back through the criteria loader;
    /// nil when no files are kept or they no longer load.
    private func keptStandard(_ db: Database, hash: String) throws -> DecidingStandard? {
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
