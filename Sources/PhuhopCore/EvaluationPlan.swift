/// The standard reduced to what scoring reads: fact indices, bounds, points and provenance
/// flags, without the names, citations and notes.
///
/// Built once per `Evaluator`; the hot loop then never copies a string or allocates to find
/// a fact, which is what keeps a decision to a few microseconds.
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
        case activity(fact: Int, points: Int, provisional: Bool)
        case count(fact: Int, bands: [Band])
        case ratio(Ratio)
    }

    struct Ratio: Sendable {
        var numerator: [Int]
        var denominator: [Int]
        /// The share fact, when the ratio is given as a share.
        var share: Int?
        /// The incidence multiplier, or nil for a rate.
        var per: Int64?
        var perProvisional: Bool
        var zero: ZeroDenominatorRule?
        var zeroProvisional: Bool
        var samples: [Sample]
        var bands: [Band]
    }

    struct Indicator: Sendable {
        var kind: Kind
        var maximumPoints: Int
        var provisional: Bool
    }

    struct Criterion: Sendable {
        var indicators: [Indicator]
        var maximum: Int
        var maximumProvisional: Bool
        var provisional: Bool
    }

    var criteria: [Criterion]
    var indicatorCount: Int

    init(_ standard: Standard) {
        func bands(_ list: [PhuhopCore.Band]) -> [Band] {
            list.map { Band(lower: $0.lower, upper: $0.upper, points: $0.points, provisional: $0.provenance == .provisional) }
        }
        criteria = standard.criteria.map { criterion in
            let indicators = criterion.indicators.map { indicator -> Indicator in
                let kind: Kind
                switch indicator.scoring {
                case .activity(let fact, let points):
                    kind = .activity(fact: fact, points: points.value, provisional: points.isProvisional)
                case .count(let fact, let list):
                    kind = .count(fact: fact, bands: bands(list))
                case .ratio(let ratio):
                    var numerator: [Int] = []
                    var denominator: [Int] = []
                    var share: Int?
                    switch ratio.source {
                    case .counts(let n, let d):
                        numerator = n
                        denominator = d
                    case .share(let fact):
                        share = fact
                    }
                    kind = .ratio(Ratio(
                        numerator: numerator, denominator: denominator, share: share,
                        per: ratio.per.map { Int64($0.value) }, perProvisional: ratio.per?.isProvisional ?? false,
                        zero: ratio.ifDenominatorZero?.value, zeroProvisional: ratio.ifDenominatorZero?.isProvisional ?? false,
                        samples: ratio.minimumSample.map {
                            Sample(fact: $0.fact, atLeast: $0.atLeast, provisional: $0.provenance == .provisional)
                        },
                        bands: bands(ratio.bands)))
                }
                return Indicator(kind: kind, maximumPoints: indicator.maximumPoints,
                                 provisional: indicator.provenance == .provisional)
            }
            return Criterion(indicators: indicators, maximum: criterion.maximum.value,
                             maximumProvisional: criterion.maximum.isProvisional,
                             provisional: criterion.provenance == .provisional)
        }
        indicatorCount = criteria.reduce(0) { $0 + $1.indicators.count }
    }
}
