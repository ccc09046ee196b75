/// How one unit's decision changes from a baseline standard to a variant.
public struct UnitComparison: Sendable {
    public var baseline: Decision
    public var variant: Decision

    public init(baseline: Decision, variant: Decision) {
        self.baseline = baseline
        self.variant = variant
    }

    /// Whether the outcome or the total differs.
    public var changed: Bool { baseline.outcome != variant.outcome || baseline.total != variant.total }

    /// +1 when the unit gains recognition, -1 when it loses it, 0 otherwise.
    public var flip: Int {
        if baseline.outcome != .recognized && variant.outcome == .recognized { return 1 }
        if baseline.outcome == .recognized && variant.outcome != .recognized { return -1 }
        return 0
    }

    /// Criteria whose points differ: (index, baseline points, variant points). Both standards
    /// are assumed to list the same criteria in the same order, as a variant does.
    public var criteriaChanges: [(criterion: Int, from: Int?, to: Int?)] {
        zip(baseline.criteria, variant.criteria).compactMap { a, b in
            a.points == b.points ? nil : (a.criterion, a.points, b.points)
        }
    }

    /// Indicators whose result differs (band, points or status): (criterion, indicator).
    public var indicatorChanges: [(criterion: Int, indicator: Int)] {
        zip(baseline.indicators, variant.indicators).compactMap { a, b in
            a.points == b.points && a.status == b.status ? nil : (a.criterion, a.indicator)
        }
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
        for (c, i) in comparison.indicatorChanges {
            causes[standard.criteria[c].indicators[i].id, default: 0] += 1
        }
    }
}
