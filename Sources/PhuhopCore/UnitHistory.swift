/// Everything kept about one unit, oldest first: what it was, what it came from or went into,
/// every evidence revision and every decision. Stores fill it; reports render it.
public struct UnitHistory: Sendable, Equatable {
    /// What the unit was from a date on.
    public struct Version: Sendable, Equatable {
        public var validFrom: CalendarDate
        public var name: String
        public var province: String
        public var commune: String?
        public var attributes: [(id: String, value: Bool)]
        public var recordedAt: String

        public init(validFrom: CalendarDate, name: String, province: String, commune: String?,
                    attributes: [(id: String, value: Bool)], recordedAt: String) {
            self.validFrom = validFrom
            self.name = name
            self.province = province
            self.commune = commune
            self.attributes = attributes
            self.recordedAt = recordedAt
        }

        public static func == (a: Version, b: Version) -> Bool {
            a.validFrom == b.validFrom && a.name == b.name && a.province == b.province && a.commune == b.commune
                && a.attributes.map(\.id) == b.attributes.map(\.id) && a.attributes.map(\.value) == b.attributes.map(\.value)
                && a.recordedAt == b.recordedAt
        }
    }

    /// A merger or split that links this unit to another.
    public struct Link: Sendable, Equatable {
        public var unit: String
        public var name: String?
        public var date: CalendarDate
        public var document: String?

        public init(unit: String, name: String?, date: CalendarDate, document: String?) {
            self.unit = unit
            self.name = name
            self.date = date
            self.document = document
        }
    }

    /// One evidence revision.
    public struct Revision: Sendable, Equatable {
        public var id: Int64
        public var standard: String
        public var period: String
        public var revision: Int
        public var author: String
        public var recordedAt: String
        public var reason: String
        public var document: String?

        public init(id: Int64, standard: String, period: String, revision: Int, author: String, recordedAt: String,
                    reason: String, document: String?) {
            self.id = id
            self.standard = standard
            self.period = period
            self.revision = revision
            self.author = author
            self.recordedAt = recordedAt
            self.reason = reason
            self.document = document
        }
    }

    /// One stored decision.
    public struct DecisionEntry: Sendable, Equatable {
        public var id: Int64
        /// The unit decided on: this one, or a predecessor.
        public var unit: String
        public var standard: String
        public var period: String
        public var outcome: Outcome
        public var provisional: Bool
        public var total: Int?
        public var threshold: Int?
        public var revision: Int
        public var decidedAt: String
        public var decidedBy: String
        public var supersedes: Int64?
        /// Whether a later decision superseded it.
        public var superseded: Bool
        public var decisionHash: String

        public init(id: Int64, unit: String, standard: String, period: String, outcome: Outcome, provisional: Bool,
                    total: Int?, threshold: Int?, revision: Int, decidedAt: String, decidedBy: String,
                    supersedes: Int64?, superseded: Bool, decisionHash: String) {
            self.id = id
            self.unit = unit
            self.standard = standard
            self.period = period
            self.outcome = outcome
            self.provisional = provisional
            self.total = total
            self.threshold = threshold
            self.revision = revision
            self.decidedAt = decidedAt
            self.decidedBy = decidedBy
            self.supersedes = supersedes
            self.superseded = superseded
            self.decisionHash = decisionHash
        }
    }

    public var unit: String
    public var unitType: UnitType
    public var versions: [Version] = []
    /// Units this one was formed from.
    public var predecessors: [Link] = []
    /// Units this one went into.
    public var successors: [Link] = []
    /// Schools and homes attached to this commune, by id.
    public var attached: [String] = []
    public var revisions: [Revision] = []
    public var decisions: [DecisionEntry] = []
    /// The current decisions of the units this one was formed from: their past, kept.
    public var predecessorDecisions: [DecisionEntry] = []

    public init(unit: String, unitType: UnitType) {
        self.unit = unit
        self.unitType = unitType
    }
}
