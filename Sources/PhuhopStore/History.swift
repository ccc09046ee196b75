import GRDB
import PhuhopCore

extension Store {
    /// Everything kept about a unit, with the current decisions of the units it was formed from.
    public func history(of id: String) throws -> UnitHistory {
        try pool.read { db in
            guard let typeName = try String.fetchOne(db.cachedStatement(sql: "SELECT unitType FROM unit WHERE id = ?"), arguments: [id]),
                  let type = UnitType(rawValue: typeName) else { throw StoreError.unknownUnit(id) }
            var history = UnitHistory(unit: id, unitType: type)
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT validFrom, name, province, commune, attributes, recordedAt FROM unitVersions
                WHERE unitId = ? ORDER BY validFrom, seq
                """), arguments: [id]) {
                let attributes = UnitAttributes.read(row["attributes"])
                history.versions.append(UnitHistory.Version(
                    validFrom: try date(row["validFrom"]), name: row["name"], province: row["province"], commune: row["commune"],
                    attributes: attributes.keys.sorted().map { ($0, attributes[$0] == true) }, recordedAt: row["recordedAt"]))
            }
            history.predecessors = try links(db, sql: """
                SELECT l.predecessor AS unit, l.effectiveDate, l.document, (SELECT name FROM unitVersions v WHERE v.unitId = l.predecessor
                    ORDER BY validFrom DESC, seq DESC LIMIT 1) AS name
                FROM unitLineage l WHERE l.successor = ? ORDER BY l.predecessor
                """, id)
            history.successors = try links(db, sql: """
                SELECT l.successor AS unit, l.effectiveDate, l.document, (SELECT name FROM unitVersions v WHERE v.unitId = l.successor
                    ORDER BY validFrom DESC, seq DESC LIMIT 1) AS name
                FROM unitLineage l WHERE l.predecessor = ? ORDER BY l.successor
                """, id)
            history.attached = try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT unitId FROM unitVersions WHERE commune = ? ORDER BY unitId
                """), arguments: [id])
            history.revisions = try RevisionRecord.fetchAll(db.cachedStatement(sql: """
                SELECT \(RevisionRecord.columns) FROM evidenceRevision r JOIN evidenceImport i ON i.id = r.importId
                WHERE r.unitId = ? ORDER BY r.standardId, r.periodFrom, r.revision
                """), arguments: [id]).map {
                UnitHistory.Revision(id: $0.id, standard: $0.standardId, period: $0.period, revision: $0.revision,
                                     author: $0.author, recordedAt: $0.recordedAt, reason: $0.reason, document: $0.document)
            }
            history.decisions = try decisions(db, where: "d.unitId = ?", [id])
            let predecessors = history.predecessors.map(\.unit)
            if !predecessors.isEmpty {
                let marks = predecessors.map { _ in "?" }.joined(separator: ",")
                history.predecessorDecisions = try decisions(
                    db, where: "d.unitId IN (\(marks)) AND NOT \(StoreSQL.isSuperseded)",
                    StatementArguments(predecessors))
            }
            return history
        }
    }

    private func links(_ db: Database, sql: String, _ id: String) throws -> [UnitHistory.Link] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id]).map {
            UnitHistory.Link(unit: $0["unit"], name: $0["name"], date: try date($0["effectiveDate"]), document: $0["document"])
        }
    }

    private func decisions(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [UnitHistory.DecisionEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.id, d.unitId, d.standardId, d.periodFrom, d.periodTo, d.outcome, d.provisional, d.total, d.threshold,
                d.decidedAt, d.decidedBy, d.supersedes, d.decisionHash, r.revision,
                \(StoreSQL.isSuperseded) AS superseded
            FROM decision d JOIN evidenceRevision r ON r.id = d.evidenceRevisionId
            WHERE \(condition) ORDER BY d.unitId, d.standardId, d.periodFrom, d.id
            """), arguments: arguments).map { row in
            guard let outcome = Outcome(rawValue: row["outcome"]) else { throw StoreError.damaged("decision \(row["id"] ?? 0)") }
            return UnitHistory.DecisionEntry(
                id: row["id"], unit: row["unitId"], standard: row["standardId"],
                period: (row["periodFrom"] as String) + "/" + (row["periodTo"] as String), outcome: outcome,
                provisional: row["provisional"], total: row["total"], threshold: row["threshold"], revision: row["revision"],
                decidedAt: row["decidedAt"], decidedBy: row["decidedBy"], supersedes: row["supersedes"],
                superseded: row["superseded"], decisionHash: row["decisionHash"])
        }
    }

    private func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw StoreError.damaged("date \(text)") }
        return date
    }
}
