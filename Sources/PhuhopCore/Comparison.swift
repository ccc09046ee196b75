/// How two versions of a standard line up: criteria and indicators matched by id, so a variant
/// may add, remove or reorder them.
public struct StandardPairing: Sendable {
    /// One criterion of either version: its index in each, nil where that version lacks it.
    public struct Pair: Sendable, Equatable {
        public var id: String
        public var baseline: Int?
        public var variant: Int?
    }

    /// One indicator of either version: its criterion and index in each.
    public struct IndicatorPair: Sendable {
        public var id: String
        public var baseline: (criterion: Int, indicator: Int)?
        public var variant: (criterion: Int, indicator: Int)?
    }

    /// The variant's criteria in its order, then those only the baseline has.
    public let criteria: [Pair]
    public let indicators: [IndicatorPair]

    public init(baseline: Standard, variant: Standard) {
        var criteria: [Pair] = []
        for (c, criterion) in variant.criteria.enumerated() {
            criteria.append(Pair(id: criterion.id, baseline: baseline.criteria.firstIndex { $0.id == criterion.id }, variant: c))
        }
        for (c, criterion) in baseline.criteria.enumerated() where !variant.criteria.contains(where: { $0.id == criterion.id }) {
            criteria.append(Pair(id: criterion.id, baseline: c, variant: nil))
        }
        func places(_ standard: Standard) -> [String: (criterion: Int, indicator: Int)] {
            var out: [String: (criterion: Int, indicator: Int)] = [:]
            for (c, criterion) in standard.criteria.enumerated() {
                for (i, indicator) in criterion.indicators.enumerated() { out[indicator.id] = (c, i) }
            }
            return out
        }
        let before = places(baseline)
        let after = places(variant)
        var indicators: [IndicatorPair] = []
        for criterion in variant.criteria {
            for indicator in criterion.indicators {
                indicators.append(IndicatorPair(id: indicator.id, baseline: before[indicator.id], variant: after[indicator.id]))
            }
        }
        for criterion in baseline.criteria {
            for indicator in criterion.indicators where after[indicator.id] == nil {
                indicators.append(IndicatorPair(id: indicator.id, baseline: before[indicator.id], variant: nil))
            }
        }
        self.criteria = criteria
        self.indicators = indicators
    }
}

/// How one unit's decision changes from a baseline standard to a variant.
public struct UnitComparison: Sendable {
    public var baseline: Decision
    public var variant: Decision
    public let pairing: StandardPairing

    public init(baseline: Decision, variant: Decision, pairing: StandardPairing) {
        self.baseline = baseline
        self.variant = variant
        self.pairing = pairing
    }

    /// Whether the outcome or the total differs.
    public var changed: Bool { baseline.outcome != variant.outcome || baseline.total != variant.total }

    /// +1 when the unit gains recognition, -1 when it loses it, 0 otherwise.
    public var flip: Int {
        if baseline.outcome != .recognized && variant.outcome == .recognized { return 1 }
        if baseline.outcome == .recognized && variant.outcome != .recognized { return -1 }
        return 0
    }

    /// A criterion whose points differ, or that only one version has.
    public struct CriterionChange: Sendable, Equatable {
        public var id: String
        public var from: Int?
        public var to: Int?
        /// Whether the baseline, or the variant, has the criterion at all.
        public var inBaseline: Bool
        public var inVariant: Bool
    }

    /// Criteria whose points differ, matched by id; one only a version has counts as changed.
    public var criteriaChanges: [CriterionChange] {
        pairing.criteria.compactMap { pair in
            let from = pair.baseline.flatMap { baseline.criteria[$0].points }
            let to = pair.variant.flatMap { variant.criteria[$0].points }
            guard pair.baseline == nil || pair.variant == nil || from != to else { return nil }
            return CriterionChange(id: pair.id, from: from, to: to, inBaseline: pair.baseline != nil, inVariant: pair.variant != nil)
        }
    }

    /// Indicators whose result differs (band, points or status), matched by id, or that only one
    /// version has.
    public var indicatorChanges: [StandardPairing.IndicatorPair] {
        pairing.indicators.filter { pair in
            guard let a = pair.baseline.map({ result(baseline, $0) }), let b = pair.variant.map({ result(variant, $0) }) else {
                return true
            }
            return a.points != b.points || a.status != b.status
        }
    }

    /// The result of the indicator at this place in a decision.
    public func result(_ decision: Decision, _ place: (criterion: Int, indicator: Int)) -> IndicatorResult {
        decision.indicators[decision.criteria[place.criterion].indicators.lowerBound + place.indicator]
    }
}

/// Counts over the compared units: who gains and loses recognition, by class and province,
/// and which indicators (clauses) caused the flips.
public struct ComparisonSummary: Sendable {
    public private(set) var units = 0
    public private(set) var changed = 0
    public private(set) var gains = 0
    public private(set) var losses = 0
    /// Gains and losses per class id (of the baseline decision) and per province.
    public private(set) var byClass: [String: (gains: Int, losses: Int)] = [:]
    public private(set) var byProvince: [String: (gains: Int, losses: Int)] = [:]
    /// How many flips each indicator's changed result took part in, keyed by indicator id.
    public private(set) var causes: [String: Int] = [:]

    public init() {}

    public mutating func add(_ comparison: UnitComparison, standard: Standard) {
        units += 1
        if comparison.changed { changed += 1 }
        let flip = comparison.flip
        guard flip != 0 else { return }
        if flip > 0 { gains += 1 } else { losses += 1 }
        let unitClass = comparison.baseline.unitClass.map { standard.recognition.classes[$0].id } ?? "undetermined"
        func bump(_ entry: inout (gains: Int, losses: Int)) {
            if flip > 0 { entry.gains += 1 } else { entry.losses += 1 }
        }
        bump(&byClass[unitClass, default: (0, 0)])
        bump(&byProvince[comparison.baseline.unit.province, default: (0, 0)])
        for change in comparison.indicatorChanges {
            causes[change.id, default: 0] += 1
        }
    }
}
