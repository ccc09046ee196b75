/// One criterion of a standard: a maximum and the indicators whose points add up to it.
///
/// Its fields are shared until one changes (see `SharedFields`): a copy is one retain.
public struct Criterion: Sendable {
    private struct Fields: Sendable {
        var id: String
        var number: Int
        var name: LocalizedText
        var citation: String?
        var provenance: Provenance
        var note: LocalizedText?
        var maximum: Marked<Int>
        var indicators: [Indicator]
        var responsible: LocalizedText?
    }

    private var storage: SharedFields<Fields>

    public init(
        id: String, number: Int, name: LocalizedText, citation: String?, provenance: Provenance,
        note: LocalizedText? = nil, maximum: Marked<Int>, indicators: [Indicator], responsible: LocalizedText? = nil
    ) {
        storage = SharedFields(Fields(id: id, number: number, name: name, citation: citation, provenance: provenance, note: note,
                                 maximum: maximum, indicators: indicators, responsible: responsible))
    }

    public var id: String {
        get { storage.fields.id }
        set { storage.change { $0.id = newValue } }
    }

    public var number: Int {
        get { storage.fields.number }
        set { storage.change { $0.number = newValue } }
    }

    public var name: LocalizedText {
        get { storage.fields.name }
        set { storage.change { $0.name = newValue } }
    }

    public var citation: String? {
        get { storage.fields.citation }
        set { storage.change { $0.citation = newValue } }
    }

    /// How well the criterion itself (its existence and name) is known.
    public var provenance: Provenance {
        get { storage.fields.provenance }
        set { storage.change { $0.provenance = newValue } }
    }

    public var note: LocalizedText? {
        get { storage.fields.note }
        set { storage.change { $0.note = newValue } }
    }

    /// The cap on the sum of the indicators' points.
    public var maximum: Marked<Int> {
        get { storage.fields.maximum }
        set { storage.change { $0.maximum = newValue } }
    }

    public var indicators: [Indicator] {
        get { storage.fields.indicators }
        set { storage.change { $0.indicators = newValue } }
    }

    /// Who acts on an unmet item of this group in a remediation plan (a checklist's groups).
    public var responsible: LocalizedText? {
        get { storage.fields.responsible }
        set { storage.change { $0.responsible = newValue } }
    }
}

/// A scored activity or measure inside a criterion.
///
/// Its fields are shared until one changes (see `SharedFields`): a copy is one retain.
public struct Indicator: Sendable {
    private struct Fields: Sendable {
        var id: String
        var name: LocalizedText
        var citation: String?
        var provenance: Provenance
        var note: LocalizedText?
        var scoring: Scoring
    }

    private var storage: SharedFields<Fields>

    public init(
        id: String, name: LocalizedText, citation: String?, provenance: Provenance,
        note: LocalizedText? = nil, scoring: Scoring
    ) {
        storage = SharedFields(Fields(id: id, name: name, citation: citation, provenance: provenance, note: note, scoring: scoring))
    }

    public var id: String {
        get { storage.fields.id }
        set { storage.change { $0.id = newValue } }
    }

    public var name: LocalizedText {
        get { storage.fields.name }
        set { storage.change { $0.name = newValue } }
    }

    public var citation: String? {
        get { storage.fields.citation }
        set { storage.change { $0.citation = newValue } }
    }

    /// How well the indicator's definition is known; a provisional definition makes every
    /// result it gives provisional.
    public var provenance: Provenance {
        get { storage.fields.provenance }
        set { storage.change { $0.provenance = newValue } }
    }

    public var note: LocalizedText? {
        get { storage.fields.note }
        set { storage.change { $0.note = newValue } }
    }

    public var scoring: Scoring {
        get { storage.fields.scoring }
        set { storage.change { $0.scoring = newValue } }
    }

    /// The most points the indicator can give.
    public var maximumPoints: Int {
        // Lazily, without a mapped array: every decision's JSON asks this of each indicator.
        func most(_ bands: [Band]) -> Int { bands.lazy.map(\.points).max() ?? 0 }
        switch scoring {
        case .activity(_, let points): return points.value
        case .item: return 1
        case .count(_, let bands): return most(bands)
        case .ratio(let ratio): return max(most(ratio.bands), ratio.ifDenominatorZero?.value.points ?? 0)
        }
    }

    /// The band table, empty for an activity.
    public var bands: [Band] {
        switch scoring {
        case .activity, .item: []
        case .count(_, let bands): bands
        case .ratio(let ratio): ratio.bands
        }
    }

    /// Whether the indicator is a rate, whose bands are written in percent.
    public var isRate: Bool {
        if case .ratio(let ratio) = scoring { return ratio.per == nil }
        return false
    }

    /// Every fact the indicator reads.
    public var facts: [Int] {
        switch scoring {
        case .activity(let fact, _), .count(let fact, _): [fact]
        case .item(let item): [item.fact]
        case .ratio(let ratio): ratio.facts
        }
    }

    /// The checklist item, when the indicator is one.
    public var item: ChecklistItem? {
        if case .item(let item) = scoring { return item }
        return nil
    }
}

/// A checklist item: one point when its answer is met.
public struct ChecklistItem: Sendable {
    /// The answer fact (of type `answer`).
    public var fact: Int
    public var mandatory: Marked<Bool>
    /// Whether the item may be answered not applicable ("kitchen, if any").
    public var mayBeNotApplicable: Bool

    public init(fact: Int, mandatory: Marked<Bool>, mayBeNotApplicable: Bool) {
        self.fact = fact
        self.mandatory = mandatory
        self.mayBeNotApplicable = mayBeNotApplicable
    }
}

/// How an indicator turns facts into points.
public enum Scoring: Sendable {
    /// A boolean fact: the points when it holds, zero otherwise.
    case activity(fact: Int, points: Marked<Int>)
    /// A checklist item: one point when met; a not-applicable item counts for nothing.
    case item(ChecklistItem)
    /// A count fact compared with bands (such as "no child abused").
    case count(fact: Int, bands: [Band])
    /// A rate (share in %) or an incidence (cases per 1,000 or 100,000) compared with bands.
    case ratio(RatioScoring)
}

/// A rate or an incidence built from facts.
public struct RatioScoring: Sendable {
    public var source: RatioSource
    /// `nil` for a rate (a fraction of one, shown in %); the multiplier for an incidence.
    public var per: Marked<Int>?
    /// What an empty denominator gives; nil for a share, which has no denominator.
    public var ifDenominatorZero: Marked<ZeroDenominatorRule>?
    public var minimumSample: [SampleMinimum]
    public var bands: [Band]

    public init(
        source: RatioSource, per: Marked<Int>?, ifDenominatorZero: Marked<ZeroDenominatorRule>?,
        minimumSample: [SampleMinimum], bands: [Band]
    ) {
        self.source = source
        self.per = per
        self.ifDenominatorZero = ifDenominatorZero
        self.minimumSample = minimumSample
        self.bands = bands
    }

    /// Every fact the ratio reads, sample facts included.
    public var facts: [Int] {
        var all: [Int]
        switch source {
        case .counts(let numerator, let denominator): all = numerator + denominator
        case .share(let fact): all = [fact]
        }
        for sample in minimumSample where !all.contains(sample.fact) { all.append(sample.fact) }
        return all
    }
}

/// Where a ratio's value comes from.
public enum RatioSource: Sendable {
    /// Sums of count facts: numerator over denominator.
    case counts(numerator: [Int], denominator: [Int])
    /// A share fact given directly as a percentage.
    case share(fact: Int)
}

/// What an indicator gives when its denominator is zero: an empty denominator is a fact, not
/// missing data ("no child in special circumstances"), and each indicator states its rule.
public enum ZeroDenominatorRule: Sendable, Equatable {
    case points(Int)
    /// The indicator cannot be scored; the decision is undetermined.
    case undetermined

    /// The points, when the rule gives points.
    public var points: Int? {
        if case .points(let p) = self { return p }
        return nil
    }
}

/// The least a count fact must reach for a ratio to be evidence enough (a survey sample).
public struct SampleMinimum: Sendable {
    public var fact: Int
    public var atLeast: Int64
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?

    public init(fact: Int, atLeast: Int64, provenance: Provenance, citation: String?, note: LocalizedText?) {
        self.fact = fact
        self.atLeast = atLeast
        self.provenance = provenance
        self.citation = citation
        self.note = note
    }
}
