/// The outcome of evaluating one unit.
///
/// A checklist's pass is the same outcome as a recognition, named in its own words: `id(for:)`
/// gives `pass` and `notYetPassed` for a checklist standard.
public enum Outcome: String, Sendable, CaseIterable {
    case recognized
    case notRecognized
    case undetermined

    /// The outcome's identifier in the words of a standard of this kind.
    public func id(for kind: StandardKind) -> String {
        switch (kind, self) {
        case (.checklist, .recognized): "pass"
        case (.checklist, .notRecognized): "notYetPassed"
        default: rawValue
        }
    }

    /// The outcome read back from an identifier in the words of a standard of this kind.
    public init?(id: String, kind: StandardKind) {
        guard let outcome = Outcome.allCases.first(where: { $0.id(for: kind) == id }) else { return nil }
        self = outcome
    }
}

/// The counts a checklist decision rests on: "41 of 49 applicable items, needs 40; mandatory 24 of 25".
public struct ChecklistTally: Sendable, Equatable {
    /// Every item of the checklist.
    public var items = 0
    public var met = 0
    public var notMet = 0
    /// Items answered not applicable where the standard allows it.
    public var notApplicable = 0
    public var unanswered = 0
    public var mandatory = 0
    public var mandatoryMet = 0
    public var mandatoryNotApplicable = 0
    /// Items met needed: by the share rule over the applicable items, or the class threshold.
    public var required: Int?
    /// Mandatory items met needed: all applicable ones, or the class's mandatory threshold.
    public var mandatoryRequired: Int?

    public init() {}

    /// The items that count: all but those not applicable (when the standard excludes them).
    public var applicable: Int { items - notApplicable }
    public var mandatoryApplicable: Int { mandatory - mandatoryNotApplicable }
}

/// A decision with its whole trace: every criterion and indicator result, the reasons,
/// the facts still missing and the provisional values it used.
///
/// Everything here was produced by the one evaluation that decided; reports only render it.
public struct Decision: Sendable {
    public var unit: UnitInfo
    public var period: Period
    /// The evidence's facts and their sources, by fact index, so a decision shows what it read.
    public var facts: [FactValue?]
    public var sources: [FactSource?]
    public var outcome: Outcome
    /// True when the outcome rests on a provisional value (see `Evaluator`).
    public var provisional: Bool
    /// The total when every criterion could be scored.
    public var total: Int?
    /// The least and most the total can be, given what is missing.
    public var lowestTotal: Int
    public var highestTotal: Int
    public var maximum: Int
    /// Index of the unit's class, when it could be derived.
    public var unitClass: Int?
    /// Index of the class rule that gave the class.
    public var classRule: Int?
    public var threshold: Int?
    public var criteria: [CriterionResult]
    /// Every indicator result, criterion after criterion; `CriterionResult.indicators` slices it.
    public var indicators: [IndicatorResult]
    /// The reasons that explain the outcome (class, zero criteria, threshold, missing facts,
    /// samples, provisional), in the order a reader needs them.
    public var decisiveReasons: [Reason]
    public var missing: [MissingItem]
    /// Which values of the standard the evaluation used that are provisional: bit n stands
    /// for `valueTable[n]`. A bit set is what the hot path can afford; `provisionalValues` names them.
    public var provisionalSlots: [UInt64]
    /// `Standard.allValues` of the standard that decided, shared by every decision.
    public var valueTable: [ValueReference]
    /// The counts of a checklist; nil for a standard without items.
    public var checklist: ChecklistTally?
    /// The veto events the evidence declared (nil: not declared).
    public var vetoEvents: [VetoEvent]?
    /// Who assessed.
    public var assessment: Assessment = .selfAssessment

    /// Every provisional value the evaluation used, in the standard's reading order.
    public var provisionalValues: [ValueReference] {
        var out: [ValueReference] = []
        forEachProvisionalSlot { out.append(valueTable[$0]) }
        return out
    }

    /// Calls `body` with the slot in `valueTable` of each provisional value the evaluation used,
    /// in the standard's reading order.
    ///
    /// Over the bits set only: the table holds every value of the standard, and walking it
    /// copied each one, on every decision rendered. A renderer that keeps something per slot
    /// looks it up by index rather than by the value's hash.
    public func forEachProvisionalSlot(_ body: (Int) -> Void) {
        for (w, word) in provisionalSlots.enumerated() {
            var bits = word
            while bits != 0 {
                body(w << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// How many provisional values the evaluation used.
    public var provisionalValueCount: Int {
        provisionalSlots.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// An empty decision for a unit, to be filled by `Evaluator.evaluate(_:into:)`.
    init(unit: UnitInfo, period: Period, valueTable: [ValueReference]) {
        self.unit = unit
        self.period = period
        facts = []
        sources = []
        outcome = .undetermined
        provisional = false
        total = nil
        lowestTotal = 0
        highestTotal = 0
        maximum = 0
        unitClass = nil
        classRule = nil
        threshold = nil
        criteria = []
        indicators = []
        decisiveReasons = []
        missing = []
        provisionalSlots = []
        self.valueTable = valueTable
    }

    /// Every reason: the decisive ones, then one per scored indicator and one per capped criterion.
    ///
    /// The per-indicator reasons are the statuses the evaluation recorded, read as reasons:
    /// storing them twice would cost the hot path a third of its appends for nothing.
    public var reasons: [Reason] {
        var out = decisiveReasons
        for result in criteria {
            for r in indicators[result.indicators] {
                let subject = ReasonSubject.indicator(criterion: r.criterion, indicator: r.indicator)
                switch r.status {
                case .band: out.append(Reason(.bandMatched, subject))
                case .activity(let held): out.append(Reason(held ? .activityMet : .activityNotMet, subject))
                case .denominatorZero: out.append(Reason(.denominatorZero, subject))
                case .denominatorZeroUndetermined: out.append(Reason(.denominatorZeroUndetermined, subject))
                case .outsideBands: out.append(Reason(.outsideBands, subject))
                case .answer(.dat): out.append(Reason(.itemMet, subject))
                case .answer(.chuaDat): out.append(Reason(.itemNotMet, subject))
                case .answer(.notApplicable): out.append(Reason(.itemNotApplicable, subject))
                case .missing, .insufficientSample: break
                }
            }
            if result.capped { out.append(Reason(.criterionCapped, .criterion(result.criterion))) }
        }
        return out
    }

    /// Points short of the threshold, when the total and the class are known and it falls short.
    public var shortfall: Int? {
        guard let total, let threshold, total < threshold else { return nil }
        return threshold - total
    }
}

/// The result of one criterion.
public struct CriterionResult: Sendable {
    public var criterion: Int
    /// The points, when every indicator could be scored.
    public var points: Int?
    public var lowest: Int
    public var highest: Int
    /// Whether the indicators' sum exceeded the maximum and was capped.
    public var capped: Bool
    /// Whether the points were reached through a provisional value.
    public var restsOnProvisional: Bool
    /// The slice of `Decision.indicators` that belongs to this criterion.
    public var indicators: Range<Int>
}

/// The result of one indicator.
///
/// Indices and points are stored in 32 bits: a decision appends one result per indicator, and
/// the narrower layout is a fifth less memory to write in the hot path.
public struct IndicatorResult: Sendable {
    private var storedCriterion: Int32
    private var storedIndicator: Int32
    private var storedPoints: Int32
    private var storedHighest: Int32
    public var status: IndicatorStatus
    /// The value measured, when the facts were there.
    public var measure: Measure?

    init(criterion: Int, indicator: Int, points: Int?, highest: Int, status: IndicatorStatus, measure: Measure?) {
        storedCriterion = Int32(truncatingIfNeeded: criterion)
        storedIndicator = Int32(truncatingIfNeeded: indicator)
        storedPoints = points.map { Int32(truncatingIfNeeded: $0) } ?? Int32.min
        storedHighest = Int32(truncatingIfNeeded: highest)
        self.status = status
        self.measure = measure
    }

    public var criterion: Int { Int(storedCriterion) }
    public var indicator: Int { Int(storedIndicator) }
    /// The points, when the indicator could be scored.
    public var points: Int? { storedPoints == Int32.min ? nil : Int(storedPoints) }
    /// The most points still possible (the points themselves once scored).
    public var highest: Int { Int(storedHighest) }
}

/// How an indicator was scored, or why it was not.
public enum IndicatorStatus: Sendable, Equatable {
    /// A band matched (index into the indicator's bands).
    case band(Int)
    /// An activity held or did not.
    case activity(Bool)
    /// The denominator was zero and the indicator's rule gave its points.
    case denominatorZero
    /// The denominator was zero and the rule leaves the indicator unscored.
    case denominatorZeroUndetermined
    /// A fact is missing.
    case missing
    /// A sample fact is below its minimum (index into `minimumSample`).
    case insufficientSample(Int)
    /// The value fell outside every band (the lint reports such gaps).
    case outsideBands
    /// A checklist item was answered.
    case answer(ItemAnswer)
}

/// The value an indicator measured.
public enum Measure: Sendable, Equatable {
    case flag(Bool)
    case count(Int64)
    /// Numerator and denominator counts; `value` is the fraction, or the incidence for `per`.
    case ratio(numerator: Int64, denominator: Int64, value: Rational)
    case share(Rational)
    case answer(ItemAnswer)
}

/// A fact or attribute still to collect.
public enum MissingItem: Sendable, Hashable {
    case fact(Int)
    case attribute(Int)
    /// Whether any veto event happened: the evidence does not say.
    case vetoEvents
}
