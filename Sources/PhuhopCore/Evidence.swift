/// The evidence for one unit and one period, bound to the facts of one standard.
public struct Evidence: Sendable {
    public var unit: UnitInfo
    public var period: Period
    /// One slot per fact of the standard, by index; nil is a fact not supplied (missing).
    public var facts: [FactValue?]
    /// Where each fact came from, by the same index.
    public var sources: [FactSource?]

    public init(unit: UnitInfo, period: Period, facts: [FactValue?], sources: [FactSource?]) {
        self.unit = unit
        self.period = period
        self.facts = facts
        self.sources = sources
    }
}

/// The unit an evidence record is about.
public struct UnitInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var province: String
    public var unitType: UnitType
    /// One slot per attribute of the standard; nil is not recorded.
    public var attributes: [Bool?]

    public init(id: String, name: String, province: String, unitType: UnitType, attributes: [Bool?]) {
        self.id = id
        self.name = name
        self.province = province
        self.unitType = unitType
        self.attributes = attributes
    }
}

/// The value of one fact.
public enum FactValue: Sendable, Hashable {
    case count(Int64)
    case boolean(Bool)
    /// A fraction of one (12.5% is 1/8).
    case share(Rational)
}

/// Where a fact came from: the document, its date, who collected it.
public struct FactSource: Sendable, Hashable {
    public var document: String?
    public var date: CalendarDate?
    public var collectedBy: String?

    public init(document: String?, date: CalendarDate?, collectedBy: String?) {
        self.document = document
        self.date = date
        self.collectedBy = collectedBy
    }
}
