/// What a unit must fix after a checklist: every item not met, who acts on it, and by when.
///
/// Built from the decision's own item results, so the plan lists exactly the items the
/// evaluation counted as not met (Circular 18/2023, Art. 11: a plan for every item "Chưa đạt",
/// to be fixed before the new school year).
public struct RemediationPlan: Sendable {
    /// One item to fix.
    public struct Entry: Sendable {
        public var criterion: Int
        public var indicator: Int
        public var mandatory: Bool
        /// Who acts on it: the group's responsible role, when the criteria name one.
        public var responsible: LocalizedText?
        /// The remark the assessor wrote next to the item.
        public var note: String?
    }

    public var entries: [Entry]
    /// The school year the items are to be fixed before, such as 2026–2027; nil for a household.
    public var beforeSchoolYear: String?

    /// The plan for a checklist decision; nil when the standard has no items.
    public init?(_ decision: Decision, standard: Standard) {
        guard decision.checklist != nil else { return nil }
        var entries: [Entry] = []
        for result in decision.criteria {
            let criterion = standard.criteria[result.criterion]
            for r in decision.indicators[result.indicators] {
                let indicator = criterion.indicators[r.indicator]
                guard let item = indicator.item else { continue }
                let notMet: Bool
                switch r.status {
                case .answer(.chuaDat): notMet = true
                // Not applicable where the standard forbids it counts as not met, and is fixed as such.
                case .answer(.notApplicable): notMet = !(item.mayBeNotApplicable && standard.recognition.notApplicable?.value == true)
                default: notMet = false
                }
                guard notMet else { continue }
                let note = decision.sources.indices.contains(item.fact) ? decision.sources[item.fact]?.note : nil
                entries.append(Entry(criterion: result.criterion, indicator: r.indicator, mandatory: item.mandatory.value,
                                     responsible: criterion.responsible, note: note))
            }
        }
        self.entries = entries
        let unitType = decision.unit.unitType
        if unitType == .truong || unitType == .nhomLopDocLap {
            // A school year runs from September to May: one ending in year Y is followed by Y–(Y+1).
            let end = decision.period.to
            let start = end.month >= 9 ? end.year + 1 : end.year
            beforeSchoolYear = "\(start)–\(start + 1)"
        } else {
            beforeSchoolYear = nil
        }
    }

    /// The deadline in words.
    public var deadline: LocalizedText? {
        beforeSchoolYear.map {
            LocalizedText(vi: "Trước khi bắt đầu năm học mới \($0)", en: "Before the new school year \($0) begins")
        }
    }
}
