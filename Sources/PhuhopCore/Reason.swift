/// One reason in a decision: a code and what it is about. Texts and citations are derived
/// from the reason, the decision and the standard by `ReasonText`.
public struct Reason: Sendable, Hashable {
    public var code: ReasonCode
    public var subject: ReasonSubject

    public init(_ code: ReasonCode, _ subject: ReasonSubject) {
        self.code = code
        self.subject = subject
    }
}

/// What a reason says.
public enum ReasonCode: String, Sendable, CaseIterable {
    // Decisive: they explain the outcome.
    case classApplied
    case classUndetermined
    case allCriteriaAboveZero
    case zeroCriterion
    case thresholdReached
    case belowThreshold
    case missingFact
    case insufficientSample
    case shareReached
    case shareBelow
    case allMandatoryMet
    case mandatoryItemNotMet
    case mandatoryThresholdReached
    case mandatoryBelowThreshold
    case noVetoEvent
    case vetoEvent
    case vetoesNotDeclared
    case restsOnProvisional
    // Detail: they explain one indicator's or criterion's points.
    case bandMatched
    case activityMet
    case activityNotMet
    case denominatorZero
    case denominatorZeroUndetermined
    case outsideBands
    case criterionCapped
    case itemMet
    case itemNotMet
    case itemNotApplicable

    /// Whether the reason explains the outcome rather than one indicator's points.
    public var isDecisive: Bool {
        switch self {
        case .classApplied, .classUndetermined, .allCriteriaAboveZero, .zeroCriterion, .thresholdReached,
             .belowThreshold, .missingFact, .insufficientSample, .shareReached, .shareBelow, .allMandatoryMet,
             .mandatoryItemNotMet, .mandatoryThresholdReached, .mandatoryBelowThreshold, .noVetoEvent, .vetoEvent, .vetoesNotDeclared,
             .restsOnProvisional:
            true
        case .bandMatched, .activityMet, .activityNotMet, .denominatorZero, .denominatorZeroUndetermined,
             .outsideBands, .criterionCapped, .itemMet, .itemNotMet, .itemNotApplicable:
            false
        }
    }
}

/// What a reason is about.
public enum ReasonSubject: Sendable, Hashable {
    case decision
    case criterion(Int)
    case indicator(criterion: Int, indicator: Int)
    case fact(Int)
    case attribute(Int)
    case classRule(Int)
    case veto(Int)
}
