import GRDB
import PhuhopCore

/// A decision as stored: immutable once written; deciding again writes a new one that
/// supersedes it.
public struct DecisionRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "decision"

    public var id: Int64
    public var unitId: String
    public var standardId: String
    public var periodFrom: String
    public var periodTo: String
    public var evidenceRevisionId: Int64
    /// SHA-256 of the evidence snapshot the decision read.
    public var evidenceHash: String
    /// SHA-256 of the criteria files (kept in the store under this hash).
    public var criteriaHash: String
    public var engineVersion: String
    public var outcome: String
    public var provisional: Bool
    public var total: Int?
    public var maximum: Int
    public var threshold: Int?
    public var unitClass: String?
    public var itemsMet: Int?
    public var itemsApplicable: Int?
    public var mandatoryMet: Int?
    public var mandatoryApplicable: Int?
    /// The decision's canonical trace (`DecisionTrace`), which the hash covers.
    public var trace: String
    /// SHA-256 over the criteria hash, the evidence hash, the engine version and the trace.
    public var decisionHash: String
    /// The decision this one replaces, if any.
    public var supersedes: Int64?
    public var decidedAt: String
    public var decidedBy: String

    /// The period as `FROM/TO`.
    public var period: String { periodFrom + "/" + periodTo }

    /// The hash a decision with these parts has.
    static func hash(criteria: String, evidence: String, engine: String, trace: String) -> String {
        SHA256Text.hex("criteria \(criteria)\nevidence \(evidence)\nengine \(engine)\n" + trace)
    }
}

/// A stored evidence revision, without its snapshot, with the author, time and reason of the
/// import that stored it.
public struct RevisionRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "evidenceRevision"

    public var id: Int64
    public var unitId: String
    public var standardId: String
    public var periodFrom: String
    public var periodTo: String
    public var revision: Int
    public var author: String
    public var recordedAt: String
    public var reason: String
    public var document: String?
    public var importId: Int64

    public var period: String { periodFrom + "/" + periodTo }

    /// The columns to select, from `evidenceRevision r` joined with its `evidenceImport i`.
    static let columns = """
        r.id, r.unitId, r.standardId, r.periodFrom, r.periodTo, r.revision, i.author, i.startedAt AS recordedAt, i.reason,
        r.document, r.importId
        """
}
