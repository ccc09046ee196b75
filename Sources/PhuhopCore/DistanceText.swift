/// Words for a distance to recognition.
public enum DistanceText {
    /// One change, such as `c07.1: +2 c07.under1-fully-immunised (114 → 116) → >= 98% → +15`.
    public static func change(_ change: DistanceToRecognition.Change, standard: Standard, language l: Language) -> String {
        // Put together as bytes (see `TextBytes`): every decision short of its threshold lists
        // its options, and the indicator is read in place rather than copied.
        let (c, i) = (change.criterion, change.indicator)
        var text = TextBytes(capacity: 160)
        text.append(standard.criteria[c].indicators[i].id)
        text.append(": ")
        switch change.change {
        case .hold(let fact):
            if l == .vi { text.append("thực hiện: ") } else { text.append("hold: ") }
            text.append(standard.facts[fact].name(l))
            text.append(" (")
            text.append(standard.facts[fact].id)
            text.append(" = true)")
        case .count(let facts, let from, let by):
            if by >= 0 {
                if l == .vi { text.append("thêm ") } else { text.append("add ") }
            } else {
                if l == .vi { text.append("bớt ") } else { text.append("remove ") }
            }
            text.append(DecimalText.grouped(Int64(by.magnitude), language: l))
            text.append(" (")
            for (n, fact) in facts.enumerated() {
                if n > 0 { text.append(" + ") }
                text.append(standard.facts[fact].id)
            }
            text.append(": ")
            text.append(DecimalText.grouped(from, language: l))
            text.append(" → ")
            text.append(DecimalText.grouped(from + by, language: l))
            text.append(")")
        case .share(let fact, let from):
            if l == .vi { text.append("đưa ") } else { text.append("bring ") }
            text.append(standard.facts[fact].id)
            if l == .vi { text.append(" từ ") } else { text.append(" from ") }
            text.append(DecimalText.percent(from, language: l))
        }
        if let b = change.band {
            if l == .vi { text.append(" → dải ") } else { text.append(" → band ") }
            let isRate = standard.criteria[c].indicators[i].isRate
            text.append(standard.criteria[c].indicators[i].bands[b].rangeText(percent: isRate, language: l))
        }
        text.append(" → +")
        text.append(change.gain)
        if l == .vi { text.append(" điểm") } else { text.append(" points") }
        return text.text
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
