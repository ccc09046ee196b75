/// A standard as data: the criteria, the facts they read, and the recognition rules.
///
/// A checklist (safe school, safe home) is a standard too: its groups are criteria and its
/// items are indicators worth one point each, read from an answer fact per item.
///
/// Facts, attributes and classes are referred to by their index in this standard, so that
/// evaluation reads arrays rather than hashing identifiers: the loader resolves every id once.
public struct Standard: Sendable {
    /// Stable identifier such as `qd06-2019`.
    public var id: String
    public var version: String
    /// Points (recognised or not) or checklist (passed or not yet passed): the words of the outcome.
    public var kind: StandardKind = .points
    public var title: LocalizedText
    public var citation: String
    public var provenance: Provenance
    public var effective: Marked<EffectivePeriod>
    /// The declared maximum total; the lint checks that the criteria maxima add up to it.
    public var maximum: Marked<Int>
    public var attributes: [AttributeDefinition]
    public var facts: [FactDefinition]
    public var criteria: [Criterion]
    public var recognition: RecognitionRules
    /// Programme targets for the share of units recognised, which batch summaries report against.
    public var targets: [RecognitionTarget] = []
    /// The unit types the standard applies to; empty for any.
    public var unitTypes: [UnitType] = []
    /// The declared number of mandatory items of a checklist; the lint counts them.
    public var mandatoryItems: Marked<Int>?

    public init(
        id: String, version: String, title: LocalizedText, citation: String, provenance: Provenance,
        effective: Marked<EffectivePeriod>, maximum: Marked<Int>, attributes: [AttributeDefinition],
        facts: [FactDefinition], criteria: [Criterion], recognition: RecognitionRules
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.citation = citation
        self.provenance = provenance
        self.effective = effective
        self.maximum = maximum
        self.attributes = attributes
        self.facts = facts
        self.criteria = criteria
        self.recognition = recognition
    }

    /// The index of the fact with this id.
    public func factIndex(_ id: String) -> Int? { facts.firstIndex { $0.id == id } }

    /// The index of the attribute with this id.
    public func attributeIndex(_ id: String) -> Int? { attributes.firstIndex { $0.id == id } }

    /// Whether the standard has checklist items.
    /// Calls `body` with indicator `i` of criterion `c` read in place: an indicator copied out of
    /// the standard retains every text in it, and releases them all again.
    @inlinable
    public func withIndicator<R>(_ c: Int, _ i: Int, _ body: (Indicator) throws -> R) rethrows -> R {
        try criteria[c].indicators.withUnsafeBufferPointer { try body($0[i]) }
    }

    public var hasItems: Bool {
        // By index: iterating copies each criterion and indicator, retaining every text in them.
        criteria.indices.contains { c in criteria[c].indicators.indices.contains { criteria[c].indicators[$0].item != nil } }
    }
}

/// What a standard's outcome means: a points recognition or a checklist pass.
public enum StandardKind: String, Sendable, CaseIterable {
    /// Recognised (công nhận) or not recognised: the commune standard.
    case points
    /// Passed (Đạt) or not yet passed (Chưa đạt): safe school, safe home, safe community.
    case checklist
}

/// A programme target: by `year`, this share of units recognised.
public struct RecognitionTarget: Sendable {
    public var id: String
    public var year: Int
    public var name: LocalizedText
    /// The share as a fraction of one (65% is 13/20).
    public var share: Marked<Rational>

    public init(id: String, year: Int, name: LocalizedText, share: Marked<Rational>) {
        self.id = id
        self.year = year
        self.name = name
        self.share = share
    }
}

/// The days a standard is in force; `to` is nil while it still is.
public struct EffectivePeriod: Sendable, Equatable {
    public var from: CalendarDate
    public var to: CalendarDate?

    public init(from: CalendarDate, to: CalendarDate?) {
        self.from = from
        self.to = to
    }

    /// Whether the standard is in force on that day.
    public func contains(_ date: CalendarDate) -> Bool {
        date >= from && (to.map { date <= $0 } ?? true)
    }
}

/// A boolean attribute of a unit that the class rules read, such as `mountainous`.
public struct AttributeDefinition: Sendable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}

/// The kind of value a fact holds.
public enum FactType: String, Sendable, CaseIterable {
    /// A non-negative whole number of children, cases, births...
    case count
    /// Yes or no: an activity held, a person assigned.
    case boolean
    /// A percentage between 0% and 100%, for figures published only as shares.
    case share
    /// A checklist item's answer: met, not yet met, or not applicable.
    case answer
}

/// A fact the evidence must supply, such as the number of births in the period.
public struct FactDefinition: Sendable {
    public var id: String
    public var type: FactType
    public var name: LocalizedText
    /// Index of a count fact this one may not exceed (a numerator and its denominator).
    public var atMost: Int?
    /// How a commune roll-up computes this fact from its schools' or households' results.
    public var rollUp: RollUpRule?

    public init(id: String, type: FactType, name: LocalizedText, atMost: Int? = nil, rollUp: RollUpRule? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.atMost = atMost
        self.rollUp = rollUp
    }
}

/// A count a commune roll-up supplies: how many units of these types were assessed, or passed.
public struct RollUpRule: Sendable, Equatable {
    public enum Count: String, Sendable, CaseIterable {
        /// Every unit assessed (surveyed homes, assessed schools).
        case assessed
        /// The units whose outcome is a pass.
        case passed
    }

    public var unitTypes: [UnitType]
    public var count: Count

    public init(unitTypes: [UnitType], count: Count) {
        self.unitTypes = unitTypes
        self.count = count
    }
}
