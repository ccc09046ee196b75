import GRDB
import PhuhopCore
import PhuhopFormats

/// The latest evidence revision of one unit and period, with its current decision if any.
public struct ExportedRecord: Sendable {
    public var revision: RevisionRecord
    /// The evidence, read against the standard asked for.
    public var evidence: Evidence
    public var decision: DecisionRecord?
}

extension Store {
    /// The standards that have evidence, by id.
    public func standardsWithEvidence() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT standardId FROM evidenceRevision ORDER BY standardId") }
    }

    /// Streams the latest revision of every unit and period of `standard` (every revision with
    /// `allRevisions`), in unit order, each with its current decision.
    public func export(standard: Standard, allRevisions: Bool = false, _ each: (ExportedRecord) throws -> Void) throws {
        try pool.read { db in
            let reader = ReaderCache(layouts: try Self.layouts(db)).reader(standard, key: standard.id)
            let latestOnly = allRevisions ? "" : "AND " + StoreSQL.isLatestRevision
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(RevisionRecord.columns), r.snapshot,
                    (SELECT d.id FROM decision d WHERE d.evidenceRevisionId = r.id
                        AND NOT \(StoreSQL.isSuperseded)) AS decisionId
                FROM evidenceRevision r JOIN evidenceImport i ON i.id = r.importId WHERE r.standardId = ? \(latestOnly)
                ORDER BY r.unitId, r.periodFrom, r.revision
                """, arguments: [standard.id])
            while let row = try cursor.next() {
                let decision: DecisionRecord? = try (row["decisionId"] as Int64?).flatMap {
                    try DecisionRecord.fetchOne(db, key: $0)
                }
                let revision = try RevisionRecord(row: row)
                let evidence: Evidence
                do {
                    evidence = try reader.read(row["snapshot"])
                } catch let error as SnapshotError {
                    throw StoreError.unreadableEvidence(revision: revision.id, unit: revision.unitId, problem: error.problem)
                }
                try each(ExportedRecord(revision: revision, evidence: evidence, decision: decision))
            }
        }
    }
}
