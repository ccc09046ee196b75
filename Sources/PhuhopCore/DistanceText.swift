/// Words for a distance to recognition.
public enum DistanceText {
    /// One change, such as `c07.1: +2 c07.under1-fully-immunised (114 → 116) → >= 98% → +15`.
    public static func change(_ change: DistanceToRecognition.Change, standard: Standard, language l: Language) -> String {
        let indicator = standard.criteria[change.criterion].indicators[change.indicator]
        let points = l == .vi ? "điểm" : "points"
        let band = change.band.map { " → " + (l == .vi ? "dải " : "band ") + indicator.bands[$0].rangeText(percent: indicator.isRate, language: l) } ?? ""
        let what: String
        switch change.change {
        case .hold(let fact):
            what = (l == .vi ? "thực hiện: " : "hold: ") + "\(standard.facts[fact].name(l)) (\(standard.facts[fact].id) = true)"
        case .count(let facts, let from, let by):
            let ids = facts.map { standard.facts[$0].id }.joined(separator: " + ")
            let verb = by >= 0 ? (l == .vi ? "thêm" : "add") : (l == .vi ? "bớt" : "remove")
            what = "\(verb) \(DecimalText.grouped(Int64(by.magnitude), language: l)) (\(ids): "
                + "\(DecimalText.grouped(from, language: l)) → \(DecimalText.grouped(from + by, language: l)))"
        case .share(let fact, let from):
            what = (l == .vi ? "đưa \(standard.facts[fact].id) từ " : "bring \(standard.facts[fact].id) from ")
                + DecimalText.percent(from, language: l)
        }
        return "\(indicator.id): \(what)\(band) → +\(change.gain) \(points)"
    }

    /// The changes of a plan in a few words, for a table cell: `c03.1 -1; c11.1 true`.
    public static func brief(_ plan: [DistanceToRecognition.Change], standard: Standard) -> String {
        plan.map { change in
            let id = standard.criteria[change.criterion].indicators[change.indicator].id
            switch change.change {
            case .hold: return "\(id) true"
            case .count(_, _, let by): return "\(id) \(by >= 0 ? "+" : "")\(by)"
            case .share: return "\(id) share"
            }
        }.joined(separator: "; ")
    }
}
