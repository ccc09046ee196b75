import Foundation
import GRDB

/// A checklist being filled in and not yet submitted: the answers by item id, as typed.
public struct ChecklistDraft: Sendable, Equatable {
    public var unitId: String
    public var standardId: String
    /// Form field name to value, as the form sent them.
    public var answers: [String: String]
    public var savedBy: String
    public var savedAt: String
}

extension Store {
    /// Saves a draft in place of the unit's previous one for the standard, and logs the save.
    public func saveDraft(unit: String, standard: String, answers: [String: String], by actor: String) throws {
        let time = clock()
        let data = try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])
        let json = String(decoding: data, as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO checklistDraft (unitId, standardId, answers, savedBy, savedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(unitId, standardId) DO UPDATE SET answers = excluded.answers, savedBy = excluded.savedBy,
                    savedAt = excluded.savedAt
                """, arguments: [unit, standard, json, actor, time])
            try AuditEntry(action: .draft, subject: "unit:\(unit)", detail: "\(standard); \(answers.count) fields")
                .append(db, actor: actor, at: time)
        }
    }

    /// The unit's draft for the standard, if one is saved.
    public func draft(unit: String, standard: String) throws -> ChecklistDraft? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM checklistDraft WHERE unitId = ? AND standardId = ?",
                                             arguments: [unit, standard]) else { return nil }
            let text: String = row["answers"]
            let answers = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
            return ChecklistDraft(unitId: unit, standardId: standard, answers: answers, savedBy: row["savedBy"], savedAt: row["savedAt"])
        }
    }

    /// Removes the draft once it is submitted as evidence, and logs it.
    public func removeDraft(unit: String, standard: String, by actor: String) throws {
        let time = clock()
        try pool.write { db in
            try db.execute(sql: "DELETE FROM checklistDraft WHERE unitId = ? AND standardId = ?", arguments: [unit, standard])
            try AuditEntry(action: .draft, subject: "unit:\(unit)", detail: "\(standard); removed on submission")
                .append(db, actor: actor, at: time)
        }
    }
}
