/// Counts over many decisions: by outcome, by class and by province, for progress reports.
public struct BatchSummary: Sendable {
    /// Outcomes counted for one group of units.
    public struct Counts: Sendable, Equatable {
        public var recognized = 0
        public var notRecognized = 0
        public var undetermined = 0
        /// Decisions labelled provisional among them.
        public var provisional = 0

        public var total: Int { recognized + notRecognized + undetermined }

        /// The share recognised, exactly; nil for an empty group.
        public var recognizedShare: Rational? { Rational(Int64(recognized), Int64(total)) }

        mutating func add(_ decision: Decision) {
            switch decision.outcome {
            case .recognized: recognized += 1
            case .notRecognized: notRecognized += 1
            case .undetermined: undetermined += 1
            }
            if decision.provisional { provisional += 1 }
        }
    }

    public private(set) var all = Counts()
    /// By class id; units whose class is unknown are under `undetermined`.
    public private(set) var byClass: [String: Counts] = [:]
    public private(set) var byProvince: [String: Counts] = [:]
    /// Rows or files that could not be read as evidence.
    public var rejected = 0
    /// When set, units whose total is within this many points of their threshold, either side.
    public let near: Int?
    public private(set) var nearUnits: [NearUnit] = []

    /// A unit close to its threshold: where policy changes flip outcomes.
    public struct NearUnit: Sendable {
        public var id: String
        public var name: String
        public var province: String
        public var total: Int
        public var threshold: Int
        public var outcome: Outcome
    }

    public init(near: Int? = nil) {
        self.near = near
    }

    /// Counts one decision.
    public mutating func add(_ decision: Decision, standard: Standard) {
        all.add(decision)
        let unitClass = decision.unitClass.map { standard.recognition.classes[$0].id } ?? "undetermined"
        byClass[unitClass, default: Counts()].add(decision)
        byProvince[decision.unit.province, default: Counts()].add(decision)
        if let near, let total = decision.total, let threshold = decision.threshold, abs(total - threshold) <= near {
            nearUnits.append(NearUnit(id: decision.unit.id, name: decision.unit.name, province: decision.unit.province,
                                      total: total, threshold: threshold, outcome: decision.outcome))
        }
    }

    /// The share recognised as targets count it: a rejected row is a unit not (yet) recognised.
    public var targetShare: Rational? { Rational(Int64(all.recognized), Int64(all.total + rejected)) }

    /// How far the recognised share is from a target: the units still needed (0 when reached).
    /// Rejected rows count as units not recognised, so bad data never makes progress look better.
    public func unitsStillNeeded(for target: RecognitionTarget) -> Int {
        // ceil(share × total) − recognized, in integers.
        let share = target.share.value
        let total = Int128(all.total + rejected)
        let needed = (Int128(share.numerator) * total + Int128(share.denominator) - 1) / Int128(share.denominator)
        return max(0, Int(needed) - all.recognized)
    }
}
