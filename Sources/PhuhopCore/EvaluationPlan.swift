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
        /// Index of this band in `Standard.allValues`.
        var slot: Int

        @inline(__always)
        func contains(_ value: Rational) -> Bool {
            Bound.range(lower: lower, upper: upper, contains: value)
        }
    }

    struct Sample: Sendable {
        var fact: Int
        var atLeast: Int64
        var provisional: Bool
        var slot: Int
    }

    enum Kind: Sendable {
        case activity
        case item
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
        /// Indices in `Standard.allValues` of the definition, the activity points, the
        /// multiplier and the zero-denominator rule (-1 where there is none).
        var slot: Int
        var pointsSlot: Int
        var perSlot: Int
        var zeroSlot: Int
        /// A checklist item's mandatory mark and whether it may be not applicable.
        var mandatory = false
        var mandatoryProvisional = false
        var mandatorySlot = -1
        var mayBeNotApplicable = false
    }

    struct Criterion: Sendable {
        var indicators: Range<Int>
        var maximum: Int
        var maximumProvisional: Bool
        var provisional: Bool
        var slot: Int
        var maximumSlot: Int
    }

    /// A class rule as plain data: the unit types as a bit set, the conditions as a range.
    struct ClassRule: Sendable {
        var unitClass: Int
        /// Bit `n` set when `UnitType.allCases[n]` is allowed; 0 allows every type.
        var unitTypes: UInt8
        var conditions: Range<Int>
        var provisional: Bool
        var slot: Int
    }

    private(set) var criteria: [Criterion] = []
    private(set) var classRules: [ClassRule] = []
    /// Slot of each class's threshold in `Standard.allValues`.
    private(set) var thresholdSlots: [Int] = []
    /// Slot of each class's mandatory threshold, -1 where it has none.
    private(set) var mandatoryThresholdSlots: [Int] = []
    /// Slot of each veto.
    private(set) var vetoSlots: [Int] = []
    /// Slots of the checklist rules (-1 when the standard has none).
    private(set) var noZeroSlot = -1
    private(set) var minimumShareSlot = -1
    private(set) var allMandatorySlot = -1
    private(set) var notApplicableSlot = -1
    /// Flat indices of the checklist items, in reading order.
    private(set) var items: [Int] = []
    /// Attribute index and required value, for every class rule, by range.
    private(set) var conditions: [(attribute: Int, value: Bool)] = []
    private(set) var indicators: [Indicator] = []
    private(set) var bands: [Band] = []
    private(set) var facts: [Int] = []
    private(set) var samples: [Sample] = []
    /// `Standard.allValues`, which slots index; decisions share it to name their provisional values.
    let values: [ValueReference]

    init(_ standard: Standard) {
        values = standard.allValues
        var slots: [ValueReference: Int] = [:]
        for (n, value) in values.enumerated() { slots[value] = n }
        for (c, criterion) in standard.criteria.enumerated() {
            let first = indicators.count
            for (i, indicator) in criterion.indicators.enumerated() {
                var plan = Indicator(
                    kind: .activity, fact: -1, points: 0, pointsProvisional: false, bands: 0..<0, numerator: 0..<0,
                    denominator: 0..<0, samples: 0..<0, per: 0, perProvisional: false, zero: nil,
                    zeroProvisional: false, maximumPoints: indicator.maximumPoints,
                    provisional: indicator.provenance == .provisional,
                    slot: slots[.indicator(criterion: c, indicator: i)] ?? -1,
                    pointsSlot: slots[.activityPoints(criterion: c, indicator: i)] ?? -1,
                    perSlot: slots[.per(criterion: c, indicator: i)] ?? -1,
                    zeroSlot: slots[.zeroDenominator(criterion: c, indicator: i)] ?? -1)
                func bandSlots(_ list: [PhuhopCore.Band]) -> [Int] {
                    list.indices.map { slots[.band(criterion: c, indicator: i, band: $0)] ?? -1 }
                }
                switch indicator.scoring {
                case .activity(let fact, let points):
                    plan.fact = fact
                    plan.points = points.value
                    plan.pointsProvisional = points.isProvisional
                case .item(let item):
                    plan.kind = .item
                    plan.fact = item.fact
                    plan.points = 1
                    plan.mandatory = item.mandatory.value
                    plan.mandatoryProvisional = item.mandatory.isProvisional
                    plan.mandatorySlot = slots[.itemMandatory(criterion: c, indicator: i)] ?? -1
                    plan.mayBeNotApplicable = item.mayBeNotApplicable
                    items.append(indicators.count)
                case .count(let fact, let list):
                    plan.kind = .count
                    plan.fact = fact
                    plan.bands = append(list, slots: bandSlots(list))
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
                    for (k, sample) in ratio.minimumSample.enumerated() {
                        samples.append(Sample(
                            fact: sample.fact, atLeast: sample.atLeast, provisional: sample.provenance == .provisional,
                            slot: slots[.sampleMinimum(criterion: c, indicator: i, sample: k)] ?? -1))
                    }
                    plan.samples = start..<samples.count
                    plan.bands = append(ratio.bands, slots: bandSlots(ratio.bands))
                }
                indicators.append(plan)
            }
            criteria.append(Criterion(
                indicators: first..<indicators.count, maximum: criterion.maximum.value,
                maximumProvisional: criterion.maximum.isProvisional, provisional: criterion.provenance == .provisional,
                slot: slots[.criterion(c)] ?? -1, maximumSlot: slots[.criterionMaximum(c)] ?? -1))
        }
        thresholdSlots = standard.recognition.classes.indices.map { slots[.threshold(unitClass: $0)] ?? -1 }
        mandatoryThresholdSlots = standard.recognition.classes.indices.map { slots[.mandatoryThreshold(unitClass: $0)] ?? -1 }
        vetoSlots = standard.recognition.vetoes.indices.map { slots[.veto($0)] ?? -1 }
        noZeroSlot = slots[.noZeroCriterion] ?? -1
        minimumShareSlot = slots[.minimumShare] ?? -1
        allMandatorySlot = slots[.allMandatory] ?? -1
        notApplicableSlot = slots[.notApplicable] ?? -1
        for (r, rule) in standard.recognition.classRules.enumerated() {
            let start = conditions.count
            conditions += rule.attributes
            classRules.append(ClassRule(
                unitClass: rule.unitClass, unitTypes: rule.unitTypes.reduce(0) { $0 | Self.bit($1) },
                conditions: start..<conditions.count, provisional: rule.provenance == .provisional,
                slot: slots[.classRule(r)] ?? -1))
        }
    }

    var indicatorCount: Int { indicators.count }

    /// The bit for a unit type in `ClassRule.unitTypes`.
    static func bit(_ type: UnitType) -> UInt8 {
        switch type {
        case .xa: 1
        case .phuong: 2
        case .thiTran: 4
        case .dacKhu: 8
        case .truong: 16
        case .nhomLopDocLap: 32
        case .hoGiaDinh: 64
        }
    }

    private mutating func append(_ list: [PhuhopCore.Band], slots: [Int]) -> Range<Int> {
        let start = bands.count
        for (band, slot) in zip(list, slots) {
            bands.append(Band(lower: band.lower, upper: band.upper, points: band.points,
                              provisional: band.provenance == .provisional, slot: slot))
        }
        return start..<bands.count
    }

    private mutating func append(_ list: [Int]) -> Range<Int> {
        let start = facts.count
        facts += list
        return start..<facts.count
    }
}
