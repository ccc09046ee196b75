/// The standard reduced to what scoring reads: fact indices, bounds, points and provenance
/// flags, without the names, citations and notes.
///
/// Built once per `Evaluator`. Every variable-length part (bands, fact lists, samples) lives in
/// one flat array and indicators hold ranges into it, so an indicator is plain data: reading it
/// in the hot loop copies no reference and allocates nothing, which keeps a decision to a few
/// microseconds.
struct EvaluationPlan: Sendable {
    struct Band: Sendable {
        var lower: Bound?
        var upper: Bound?
        var points: Int
        var provisional: Bool

        @inline(__always)
        func contains(_ value: Rational) -> Bool {
            if let lower, lower.inclusive ? value < lower.value : value <= lower.value { return false }
            if let upper, upper.inclusive ? value > upper.value : value >= upper.value { return false }
            return true
        }
    }

    struct Sample: Sendable {
        var fact: Int
        var atLeast: Int64
        var provisional: Bool
    }

    enum Kind: Sendable {
        case activity
        case count
        case ratio
    }

    struct Indicator: Sendable {
        var kind: Kind
        /// The fact of an activity or count; the share fact of a ratio given as a share, else -1.
        var fact: Int
        var points: Int
        var pointsProvisional: Bool
        var bands: Range<Int>
        var numerator: Range<Int>
        var denominator: Range<Int>
        var samples: Range<Int>
        /// The incidence multiplier, or 0 for a rate.
        var per: Int64
        var perProvisional: Bool
        var zero: ZeroDenominatorRule?
        var zeroProvisional: Bool
        var maximumPoints: Int
        var provisional: Bool
    }

    struct Criterion: Sendable {
        var indicators: Range<Int>
        var maximum: Int
        var maximumProvisional: Bool
        var provisional: Bool
    }

    private(set) var criteria: [Criterion] = []
    private(set) var indicators: [Indicator] = []
    private(set) var bands: [Band] = []
    private(set) var facts: [Int] = []
    private(set) var samples: [Sample] = []

    init(_ standard: Standard) {
        for criterion in standard.criteria {
            let first = indicators.count
            for indicator in criterion.indicators {
                var plan = Indicator(
                    kind: .activity, fact: -1, points: 0, pointsProvisional: false, bands: 0..<0, numerator: 0..<0,
                    denominator: 0..<0, samples: 0..<0, per: 0, perProvisional: false, zero: nil,
                    zeroProvisional: false, maximumPoints: indicator.maximumPoints,
                    provisional: indicator.provenance == .provisional)
                switch indicator.scoring {
                case .activity(let fact, let points):
                    plan.fact = fact
                    plan.points = points.value
                    plan.pointsProvisional = points.isProvisional
                case .count(let fact, let list):
                    plan.kind = .count
                    plan.fact = fact
                    plan.bands = append(list)
                case .ratio(let ratio):
                    plan.kind = .ratio
                    switch ratio.source {
                    case .counts(let numerator, let denominator):
                        plan.numerator = append(numerator)
                        plan.denominator = append(denominator)
                    case .share(let fact):
                        plan.fact = fact
                    }
                    plan.per = ratio.per.map { Int64($0.value) } ?? 0
                    plan.perProvisional = ratio.per?.isProvisional ?? false
                    plan.zero = ratio.ifDenominatorZero?.value
                    plan.zeroProvisional = ratio.ifDenominatorZero?.isProvisional ?? false
                    let start = samples.count
                    samples += ratio.minimumSample.map {
                        Sample(fact: $0.fact, atLeast: $0.atLeast, provisional: $0.provenance == .provisional)
                    }
                    plan.samples = start..<samples.count
                    plan.bands = append(ratio.bands)
                }
                indicators.append(plan)
            }
            criteria.append(Criterion(
                indicators: first..<indicators.count, maximum: criterion.maximum.value,
                maximumProvisional: criterion.maximum.isProvisional, provisional: criterion.provenance == .provisional))
        }
    }

    var indicatorCount: Int { indicators.count }

    private mutating func append(_ list: [PhuhopCore.Band]) -> Range<Int> {
        let start = bands.count
        bands += list.map { Band(lower: $0.lower, upper: $0.upper, points: $0.points, provisional: $0.provenance == .provisional) }
        return start..<bands.count
    }

    private mutating func append(_ list: [Int]) -> Range<Int> {
        let start = facts.count
        facts += list
        return start..<facts.count
    }
}
