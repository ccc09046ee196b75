/// A standard as data: the criteria, the facts they read, and the recognition rules.
///
/// A checklist (safe school, safe home) is a standard too: its groups are criteria and its
/// items are indicators worth one point each, read from an answer fact per item.
///
/// Facts, attributes and classes are referred to by their index in this standard, so that
/// evaluation reads arrays rather than hashing identifiers: the loader resolves every id once.
public struct Standard: Sendable {
    private struct Fields: Sendable {
        var id: String
        var version: String
        var kind: StandardKind = .points
        var title: LocalizedText
        var citation: String
        var provenance: Provenance
        var effective: Marked<EffectivePeriod>
        var maximum: Marked<Int>
        var attributes: [AttributeDefinition]
        var facts: [FactDefinition]
        var criteria: [Criterion]
        var recognition: RecognitionRules
        var targets: [RecognitionTarget] = []
        var unitTypes: [UnitType] = []
        var mandatoryItems: Marked<Int>?
    }

    // Shared until one changes (see `SharedFields`): a copy is one retain.
    private var storage: SharedFields<Fields>

    public init(
        id: String, version: String, title: LocalizedText, citation: String, provenance: Provenance,
        effective: Marked<EffectivePeriod>, maximum: Marked<Int>, attributes: [AttributeDefinition],
        facts: [FactDefinition], criteria: [Criterion], recognition: RecognitionRules
    ) {
        storage = SharedFields(Fields(id: id, version: version, title: title, citation: citation, provenance: provenance,
                                 effective: effective, maximum: maximum, attributes: attributes, facts: facts,
                                 criteria: criteria, recognition: recognition))
    }

    /// Stable identifier such as `qd06-2019`.
    public var id: String {
        get { storage.fields.id }
        set { storage.change { $0.id = newValue } }
    }

    public var version: String {
        get { storage.fields.version }
        set { storage.change { $0.version = newValue } }
    }

    /// Points (recognised or not) or checklist (passed or not yet passed): the words of the outcome.
    public var kind: StandardKind {
        get { storage.fields.kind }
        set { storage.change { $0.kind = newValue } }
    }

    public var title: LocalizedText {
        get { storage.fields.title }
        set { storage.change { $0.title = newValue } }
    }

    public var citation: String {
        get { storage.fields.citation }
        set { storage.change { $0.citation = newValue } }
    }

    public var provenance: Provenance {
        get { storage.fields.provenance }
        set { storage.change { $0.provenance = newValue } }
    }

    public var effective: Marked<EffectivePeriod> {
        get { storage.fields.effective }
        set { storage.change { $0.effective = newValue } }
    }

    /// The declared maximum total; the lint checks that the criteria maxima add up to it.
    public var maximum: Marked<Int> {
        get { storage.fields.maximum }
        set { storage.change { $0.maximum = newValue } }
    }

    public var attributes: [AttributeDefinition] {
        get { storage.fields.attributes }
        set { storage.change { $0.attributes = newValue } }
    }

    public var facts: [FactDefinition] {
        get { storage.fields.facts }
        set { storage.change { $0.facts = newValue } }
    }

    public var criteria: [Criterion] {
        get { storage.fields.criteria }
        set { storage.change { $0.criteria = newValue } }
    }

    public var recognition: RecognitionRules {
        get { storage.fields.recognition }
        set { storage.change { $0.recognition = newValue } }
    }

    /// Programme targets for the share of units recognised, which batch summaries report against.
    public var targets: [RecognitionTarget] {
        get { storage.fields.targets }
        set { storage.change { $0.targets = newValue } }
    }

    /// The unit types the standard applies to; empty for any.
    public var unitTypes: [UnitType] {
        get { storage.fields.unitTypes }
        set { storage.change { $0.unitTypes = newValue } }
    }

    /// The declared number of mandatory items of a checklist; the lint counts them.
    public var mandatoryItems: Marked<Int>? {
        get { storage.fields.mandatoryItems }
        set { storage.change { $0.mandatoryItems = newValue } }
    }

    /// The index of the fact with this id.
    public func factIndex(_ id: String) -> Int? { facts.firstIndex { $0.id == id } }

    /// The index of the attribute with this id.
    public func attributeIndex(_ id: String) -> Int? { attributes.firstIndex { $0.id == id } }

    /// Whether the standard has checklist items.
    public var hasItems: Bool {
        criteria.contains { $0.indicators.contains { $0.item != nil } }
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
