/// One criterion of a standard: a maximum and the indicators whose points add up to it.
public struct Criterion: Sendable {
    public var id: String
    public var number: Int
    public var name: LocalizedText
    public var citation: String?
    /// How well the criterion itself (its existence and name) is known.
    public var provenance: Provenance
    public var note: LocalizedText?
    /// The cap on the sum of the indicators' points.
    public var maximum: Marked<Int>
    public var indicators: [Indicator]
    /// Who acts on an unmet item of this group in a remediation plan (a checklist's groups).
    public var responsible: LocalizedText?

    public init(
        id: String, number: Int, name: LocalizedText, citation: String?, provenance: Provenance,
        note: LocalizedText? = nil, maximum: Marked<Int>, indicators: [Indicator], responsible: LocalizedText? = nil
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.citation = citation
        self.provenance = provenance
        self.note = note
        self.maximum = maximum
        self.indicators = indicators
        self.responsible = responsible
    }
}

/// A scored activity or measure inside a criterion.
public struct Indicator: Sendable {
    public var id: String
    public var name: LocalizedText
    public var citation: String?
    /// How well the indicator's definition is known; a provisional definition makes every
    /// result it gives provisional.
    public var provenance: Provenance
    public var note: LocalizedText?
    public var scoring: Scoring

    public init(
        id: String, name: LocalizedText, citation: String?, provenance: Provenance,
        note: LocalizedText? = nil, scoring: Scoring
    ) {
        self.id = id
        self.name = name
        self.citation = citation
        self.provenance = provenance
        self.note = note
        self.scoring = scoring
    }

    /// The most points the indicator can give.
    public var maximumPoints: Int {
        switch scoring {
        case .activity(_, let points): points.value
        case .item: 1
        case .count(_, let bands): bands.map(\.points).max() ?? 0
        case .ratio(let ratio):
            max(ratio.bands.map(\.points).max() ?? 0, ratio.ifDenominatorZero?.value.points ?? 0)
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
