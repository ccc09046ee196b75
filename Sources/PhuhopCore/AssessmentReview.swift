/// A self-assessment set beside an inspection of the same unit and period: where the two
/// disagree, item by item (or fact by fact), and whether the outcome changes.
///
/// Both decisions come from the one evaluator; this only reads them side by side.
public struct AssessmentReview: Sendable {
    /// One fact (for a checklist, one item's answer) on which the two disagree.
    public struct Difference: Sendable {
        public var fact: Int
        /// The item the fact answers, when it is a checklist item.
        public var item: (criterion: Int, indicator: Int)?
        public var selfValue: FactValue?
        public var inspectionValue: FactValue?
        /// Whether the item is mandatory.
        public var mandatory: Bool
    }

    public var selfAssessment: Decision
    public var inspection: Decision
    public var differences: [Difference]

    public init(selfAssessment: Decision, inspection: Decision, standard: Standard) {
        self.selfAssessment = selfAssessment
        self.inspection = inspection
        var items: [Int: (Int, Int, Bool)] = [:]
        for (c, criterion) in standard.criteria.enumerated() {
            for (i, indicator) in criterion.indicators.enumerated() {
                if let item = indicator.item { items[item.fact] = (c, i, item.mandatory.value) }
            }
        }
        var differences: [Difference] = []
        for f in standard.facts.indices {
            let a = selfAssessment.facts.indices.contains(f) ? selfAssessment.facts[f] : nil
            let b = inspection.facts.indices.contains(f) ? inspection.facts[f] : nil
            guard a != b else { continue }
            let item = items[f]
            differences.append(Difference(fact: f, item: item.map { ($0.0, $0.1) }, selfValue: a, inspectionValue: b,
                                          mandatory: item?.2 ?? false))
        }
        self.differences = differences
    }

    /// Whether the inspection's outcome differs from the self-assessment's.
    public var outcomeChanges: Bool { selfAssessment.outcome != inspection.outcome }
}
