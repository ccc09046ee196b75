import PhuhopCore
import PhuhopReports
import PhuhopStore

/// A stored decision as a page shows it: the record, the decision made again, its criteria.
struct ShownDecision: Sendable {
    var record: DecisionRecord
    var decision: Decision
    var reference: StandardReference
}
