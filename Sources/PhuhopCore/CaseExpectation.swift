/// What a golden case expects of a decision; each field left nil is not checked.
public struct CaseExpectation: Sendable {
    public var outcome: Outcome
    public var total: Int?
    public var unitClass: String?
    public var provisional: Bool?
    /// Expected points per criterion id; a nil value expects the criterion to be unscored.
    public var criteria: [(id: String, points: Int?)]
    /// The exact set of decisive reasons, as `code` or `code@target`.
    public var reasons: [String]?
    /// The exact set of missing facts (ids, or `unit.attributes.NAME`).
    public var missing: [String]?
    /// What a checklist case expects of the counts.
    public var checklist = Checklist()

    /// A checklist's expected counts; each nil is not checked.
    public struct Checklist: Sendable {
        public var met: Int?
        public var applicable: Int?
        public var required: Int?
        public var mandatoryMet: Int?
        public var mandatoryApplicable: Int?
        /// The exact set of items not met (ids).
        public var notMet: [String]?

        public init(met: Int? = nil, applicable: Int? = nil, required: Int? = nil, mandatoryMet: Int? = nil,
                    mandatoryApplicable: Int? = nil, notMet: [String]? = nil) {
            self.met = met
            self.applicable = applicable
            self.required = required
            self.mandatoryMet = mandatoryMet
            self.mandatoryApplicable = mandatoryApplicable
            self.notMet = notMet
        }
    }

    public init(outcome: Outcome, total: Int?, unitClass: String?, provisional: Bool?,
                criteria: [(id: String, points: Int?)], reasons: [String]?, missing: [String]?) {
        self.outcome = outcome
        self.total = total
        self.unitClass = unitClass
        self.provisional = provisional
        self.criteria = criteria
        self.reasons = reasons
        self.missing = missing
    }

    /// Every way the decision differs from the expectation; empty when it matches.
    public func mismatches(_ decision: Decision, standard: Standard) -> [String] {
        var out: [String] = []
        if decision.outcome != outcome {
            out.append("outcome: expected \(outcome.id(for: standard.kind)), got \(decision.outcome.id(for: standard.kind))")
        }
        let t = decision.checklist
        for (name, want, got) in [("met", checklist.met, t?.met), ("applicable", checklist.applicable, t?.applicable),
                                  ("required", checklist.required, t?.required),
                                  ("mandatoryMet", checklist.mandatoryMet, t?.mandatoryMet),
                                  ("mandatoryApplicable", checklist.mandatoryApplicable, t?.mandatoryApplicable)] {
            if let want, got != want {
                out.append("\(name): expected \(want), got \(got.map(String.init) ?? "none")")
            }
        }
        if let notMet = checklist.notMet {
            let got = Set(RemediationPlan(decision, standard: standard)?.entries.map {
                standard.criteria[$0.criterion].indicators[$0.indicator].id
            } ?? [])
            if got != Set(notMet) {
                out.append("notMet: expected \(notMet.sorted()), got \(got.sorted())")
            }
        }
        if let total, decision.total != total {
            out.append("total: expected \(total), got \(decision.total.map(String.init) ?? "unknown")")
        }
        if let unitClass {
            let got = decision.unitClass.map { standard.recognition.classes[$0].id } ?? "undetermined"
            if got != unitClass { out.append("class: expected \(unitClass), got \(got)") }
        }
        if let provisional, decision.provisional != provisional {
            out.append("provisional: expected \(provisional), got \(decision.provisional)")
        }
        for (id, points) in criteria {
            guard let c = standard.criteria.firstIndex(where: { $0.id == id }) else {
                out.append("criteria: unknown criterion \(id)")
                continue
            }
            let got = decision.criteria[c].points
            if got != points {
                out.append("\(id): expected \(points.map(String.init) ?? "unscored"), got \(got.map(String.init) ?? "unscored")")
            }
        }
        if let reasons {
            let got = Set(decision.decisiveReasons.map { ReasonText.key($0, standard: standard) })
            let want = Set(reasons)
            if got != want {
                let extra = got.subtracting(want).sorted()
                let lacking = want.subtracting(got).sorted()
                out.append("reasons: unexpected \(extra), lacking \(lacking)")
            }
        }
        if let missing {
            let got = Set(decision.missing.map { ReasonText.missingID($0, standard: standard) })
            if got != Set(missing) {
                out.append("missing: expected \(missing.sorted()), got \(got.sorted())")
            }
        }
        return out
    }
}
