/// What it would take for a unit to be recognised: the points it is short, its zero criteria,
/// for each indicator below its top band the smallest change in the evidence that reaches a
/// better band and the points that brings, and the fewest such changes that together would
/// recognise it.
///
/// Computed from a decision's own trace (the facts it read, the bands it matched); it never
/// re-scores the unit.
public struct DistanceToRecognition: Sendable {
    /// One change in the evidence and what it brings.
    public struct Change: Sendable, Equatable {
        public var criterion: Int
        public var indicator: Int
        /// The band the change reaches (index into the indicator's bands), or nil for an activity.
        public var band: Int?
        public var change: Kind
        /// Points the criterion gains (after its cap); in a plan, what this change adds there.
        public var gain: Int
        /// The indicator's points before and after.
        public var from: Int
        public var to: Int
        /// The indicator's position in `Decision.indicators`.
        var flat: Int = 0
    }

    /// The change itself.
    public enum Kind: Sendable, Equatable {
        /// An activity to hold (its boolean fact set to true).
        case hold(fact: Int)
        /// A count (or a numerator sum) to move by `by` (negative: fewer), from `from`.
        case count(facts: [Int], from: Int64, by: Int64)
        /// A share to bring into a band's range.
        case share(fact: Int, from: Rational)
    }

    /// Points short of the threshold (0 when the total reaches it).
    public var shortfall: Int
    /// Criteria at zero, which must each rise above zero.
    public var zeroCriteria: [Int]
    /// For each indicator below its top band, the change to the nearest better band.
    public var options: [Change]
    /// The fewest changes that would recognise the unit, or nil when the options cannot.
    public var plan: [Change]?

    /// The distance for a decision that did not recognise its unit; nil when it did, or when
    /// its total or class is not known (the facts to collect come first).
    public init?(_ decision: Decision, standard: Standard) {
        // A checklist's way forward is its remediation plan (every unmet item), not a points search.
        guard decision.outcome == .notRecognized, decision.checklist == nil, let total = decision.total,
              let threshold = decision.threshold else {
            return nil
        }
        shortfall = max(0, threshold - total)
        zeroCriteria = decision.criteria.filter { $0.points == 0 }.map(\.criterion)
        var all: [Change] = []
        var nearest: [Change] = []
        var targets: [(band: Int?, points: Int)] = []  // reused for every indicator
        var raw = [Int](repeating: 0, count: standard.criteria.count)
        var maxima = [Int](repeating: 0, count: standard.criteria.count)
        for result in decision.criteria {
            let c = result.criterion
            maxima[c] = standard.criteria[c].maximum.value
            for flat in result.indicators {
                let r = decision.indicators[flat]
                guard let points = r.points else { continue }
                raw[c] += points
                var first = true
                let indicator = standard.criteria[c].indicators[r.indicator]
                DistanceToRecognition.betterTargets(indicator, current: points, into: &targets)
                for target in targets {
                    guard let kind = DistanceToRecognition.change(indicator, r, band: target.band, decision: decision) else { continue }
                    let criterionPoints = result.points ?? 0
                    let gain = min(maxima[c], criterionPoints - points + target.points) - criterionPoints
                    guard gain > 0 else { continue }
                    let change = Change(criterion: c, indicator: r.indicator, band: target.band, change: kind, gain: gain,
                                        from: points, to: target.points, flat: flat)
                    all.append(change)
                    if first { nearest.append(change) }
                    first = false
                }
            }
        }
        options = nearest
        plan = DistanceToRecognition.fewestChanges(all, zeroCriteria: zeroCriteria, shortfall: shortfall,
                                                   raw: raw, maxima: maxima, indicators: decision.indicators.count)
    }

    /// Bands worth more than `current`, cheapest first (fewest extra points, i.e. nearest),
    /// written into a buffer the caller reuses: this runs for every indicator of every refusal.
    static func betterTargets(_ indicator: borrowing Indicator, current: Int, into targets: inout [(band: Int?, points: Int)]) {
        targets.removeAll(keepingCapacity: true)
        switch indicator.scoring {
        case .activity(_, let points):
            if points.value > current { targets.append((nil, points.value)) }
        case .item:
            break
        case .count(_, let bands):
            for (b, band) in bands.enumerated() where band.points > current { targets.append((b, band.points)) }
        case .ratio(let ratio):
            for (b, band) in ratio.bands.enumerated() where band.points > current { targets.append((b, band.points)) }
        }
        // Insertion sort: a band table has a handful of rows.
        for i in targets.indices.dropFirst() {
            var j = i
            while j > 0 && targets[j - 1].points > targets[j].points {
                targets.swapAt(j - 1, j)
                j -= 1
            }
        }
    }

    /// The smallest change in the evidence that moves the indicator into `band`.
    static func change(_ indicator: borrowing Indicator, _ result: IndicatorResult, band: Int?, decision: borrowing Decision) -> Kind? {
        switch indicator.scoring {
        case .activity(let fact, _):
            return .hold(fact: fact)
        case .item:
            return nil
        case .count(let fact, let bands):
            guard let band, case .count(let value)? = decision.facts[fact],
                  let target = nearest(to: value, in: bands[band], scale: (1, 1), limit: nil) else { return nil }
            return .count(facts: [fact], from: value, by: target - value)
        case .ratio(let ratio):
            guard let band else { return nil }
            switch ratio.source {
            case .share(let fact):
                guard case .share(let value)? = decision.facts[fact] else { return nil }
                return .share(fact: fact, from: value)
            case .counts(let numeratorFacts, _):
                guard case .ratio(let numerator, let denominator, _)? = result.measure, denominator > 0 else { return nil }
                // value = numerator × per / denominator; only the numerator moves, within 0...denominator.
                let per = Int64(ratio.per?.value ?? 1)
                guard let target = nearest(to: numerator, in: ratio.bands[band], scale: (per, denominator),
                                           limit: denominator) else { return nil }
                return .count(facts: numeratorFacts, from: numerator, by: target - numerator)
            }
        }
    }

    /// The integer n nearest to `value` with n × scale.0 / scale.1 inside the band, 0 ≤ n ≤ limit.
    static func nearest(to value: Int64, in band: Band, scale: (Int64, Int64), limit: Int64?) -> Int64? {
        // n × a / b compared with bound p / q  ⇔  n × a × q compared with p × b.
        let (a, b) = (Int128(scale.0), Int128(scale.1))
        var low: Int128 = 0
        var high: Int128 = Int128(limit ?? Int64.max)
        if let lower = band.lower {
            let (p, q) = (Int128(lower.value.numerator), Int128(lower.value.denominator))
            // smallest n with n·a·q ≥ p·b (inclusive) or > p·b (exclusive)
            let numerator = p * b
            let step = a * q
            var n = numerator >= 0 ? (numerator + step - 1) / step : numerator / step
            if !lower.inclusive && n * step == numerator { n += 1 }
            low = max(low, n)
        }
        if let upper = band.upper {
            let (p, q) = (Int128(upper.value.numerator), Int128(upper.value.denominator))
            let numerator = p * b
            let step = a * q
            var n = numerator >= 0 ? numerator / step : (numerator - step + 1) / step
            if !upper.inclusive && n * step == numerator { n -= 1 }
            high = min(high, n)
        }
        guard low <= high else { return nil }
        let current = Int128(value)
        let target = min(max(current, low), high)
        return Int64(target)
    }

    /// Every zero criterion raised by its smallest change; then, while points are short, the
    /// smallest change that covers what is left, or failing that the largest gain. A later change
    /// to an indicator already changed replaces the earlier one, and gains are recomputed against
    /// each criterion's running sum and cap, so two changes in one criterion never count past its
    /// maximum. "Smallest" counts the units of evidence moved (an activity or a share is one).
    static func fewestChanges(_ options: [Change], zeroCriteria: [Int], shortfall: Int,
                              raw: [Int], maxima: [Int], indicators: Int) -> [Change]? {
        var raw = raw
        var level = [Int?](repeating: nil, count: indicators)  // an indicator's points in the plan so far
        var order: [Int] = []
        var chosen = [Change?](repeating: nil, count: indicators)
        func gain(_ o: Change) -> Int {
            let current = level[o.flat] ?? o.from
            guard o.to > current else { return 0 }
            let sum = raw[o.criterion]
            return min(maxima[o.criterion], sum + o.to - current) - min(maxima[o.criterion], sum)
        }
        func apply(_ o: Change, _ g: Int) {
            let current = level[o.flat] ?? o.from
            raw[o.criterion] += o.to - current
            level[o.flat] = o.to
            var change = o
            change.gain = (chosen[o.flat]?.gain ?? 0) + g
            if chosen[o.flat] == nil { order.append(o.flat) }
            chosen[o.flat] = change
        }
        for c in zeroCriteria {
            var cheapest: Change?
            for o in options where o.criterion == c && gain(o) > 0 {
                if let best = cheapest, (magnitude(best), best.to) <= (magnitude(o), o.to) { continue }
                cheapest = o
            }
            guard let cheapest else { return nil }
            apply(cheapest, gain(cheapest))
        }
        var left = shortfall - order.reduce(0) { $0 + (chosen[$1]?.gain ?? 0) }
        while left > 0 {
            // The smallest change covering what is left; failing that, the largest gain.
            var covering: (Change, Int)?
            var largest: (Change, Int)?
            for o in options {
                let g = gain(o)
                guard g > 0 else { continue }
                if g >= left, covering.map({ (magnitude(o), g) < (magnitude($0.0), $0.1) }) ?? true { covering = (o, g) }
                if largest.map({ (g, -magnitude(o)) > ($0.1, -magnitude($0.0)) }) ?? true { largest = (o, g) }
            }
            guard let (option, g) = covering ?? largest else { return nil }
            apply(option, g)
            left -= g
        }
        return order.compactMap { chosen[$0] }
    }

    private static func magnitude(_ change: Change) -> Int64 {
        switch change.change {
        case .hold: 1
        case .count(_, _, let by): by.magnitude > UInt64(Int64.max) ? Int64.max : Int64(by.magnitude)
        case .share: 1
        }
    }
}
