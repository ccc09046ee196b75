/// The results of one commune's schools and households added up: the share of safe homes among
/// the homes surveyed, the share of schools that pass, and the safe-community facts that
/// follow from them.
///
/// The commune's child-friendly decision is shown beside these, never changed by them: the
/// official commune table does not say whether its criterion 5 counts safe homes or schools.
public struct CommuneRollUp: Sendable {
    /// How many units of one kind were assessed and how they came out.
    public struct Count: Sendable, Equatable {
        public var assessed = 0
        public var passed = 0
        public var notYetPassed = 0
        public var undetermined = 0
        /// Outcomes that rest on a provisional value.
        public var provisional = 0

        public init() {}

        /// Units that pass among the units assessed; nil when none was.
        public var share: Rational? { Rational(Int64(passed), Int64(assessed)) }
    }

    public var commune: String
    /// Households (safe home).
    public var homes = Count()
    /// Schools, preschools and independent groups (safe school).
    public var schools = Count()

    /// Counts the decisions of units in the commune.
    public init(commune: String, members: [Decision]) {
        self.commune = commune
        for decision in members {
            switch decision.unit.unitType {
            case .hoGiaDinh: Self.add(decision, to: &homes)
            case .truong, .nhomLopDocLap: Self.add(decision, to: &schools)
            case .xa, .phuong, .thiTran, .dacKhu: break
            }
        }
    }

    private static func add(_ decision: Decision, to count: inout Count) {
        count.assessed += 1
        switch decision.outcome {
        case .recognized: count.passed += 1
        case .notRecognized: count.notYetPassed += 1
        case .undetermined: count.undetermined += 1
        }
        if decision.provisional { count.provisional += 1 }
    }

    /// The facts of `standard` that a roll-up supplies (`FactDefinition.rollUp`), computed from
    /// the members; written into `evidence`, replacing what it held, with a note saying so.
    /// Returns the indices of the facts it wrote.
    @discardableResult
    public static func fill(_ evidence: inout Evidence, standard: Standard, members: [Decision]) -> [Int] {
        var written: [Int] = []
        for (f, fact) in standard.facts.enumerated() {
            guard let rule = fact.rollUp else { continue }
            let units = members.filter { rule.unitTypes.contains($0.unit.unitType) }
            guard !units.isEmpty else { continue }
            let value = rule.count == .assessed ? units.count : units.filter { $0.outcome == .recognized }.count
            evidence.facts[f] = .count(Int64(value))
            evidence.sources[f] = FactSource(
                document: "Tổng hợp \(units.count) phiếu đánh giá (phuhop rollup)", date: nil, collectedBy: nil,
                note: rule.count == .assessed ? "số đơn vị được đánh giá" : "số đơn vị đạt")
            written.append(f)
        }
        return written
    }
}
