/// Words for a distance to recognition.
public enum DistanceText {
    /// One change, such as `c07.1: +2 c07.under1-fully-immunised (114 → 116) → >= 98% → +15`.
    public static func change(_ change: DistanceToRecognition.Change, standard: Standard, language l: Language) -> String {
        TextBytes.text(capacity: 160) { write(change, standard: standard, language: l, into: &$0) }
    }

    /// Writes `change(_:standard:language:)`: every decision short of its threshold lists its
    /// options.
    public static func write<Sink: TextSink & ~Copyable>(_ change: DistanceToRecognition.Change, standard: Standard,
                                                         language l: Language, into text: inout Sink) {
        let indicator = standard.criteria[change.criterion].indicators[change.indicator]
        text.write(indicator.id)
        text.write(": ")
        switch change.change {
        case .hold(let fact):
            if l == .vi { text.write("thực hiện: ") } else { text.write("hold: ") }
            text.write(standard.facts[fact].name(l))
            text.write(" (")
            text.write(standard.facts[fact].id)
            text.write(" = true)")
        case .count(let facts, let from, let by):
            if by >= 0 {
                if l == .vi { text.write("thêm ") } else { text.write("add ") }
            } else {
                if l == .vi { text.write("bớt ") } else { text.write("remove ") }
            }
            DecimalText.writeGrouped(Int64(by.magnitude), language: l, into: &text)
            text.write(" (")
            for (n, fact) in facts.enumerated() {
                if n > 0 { text.write(" + ") }
                text.write(standard.facts[fact].id)
            }
            text.write(": ")
            DecimalText.writeGrouped(from, language: l, into: &text)
            text.write(" → ")
            DecimalText.writeGrouped(from + by, language: l, into: &text)
            text.write(")")
        case .share(let fact, let from):
            if l == .vi { text.write("đưa ") } else { text.write("bring ") }
            text.write(standard.facts[fact].id)
            if l == .vi { text.write(" từ ") } else { text.write(" from ") }
            text.write(DecimalText.percent(from, language: l))
        }
        if let b = change.band {
            if l == .vi { text.write(" → dải ") } else { text.write(" → band ") }
            indicator.bands[b].writeRange(percent: indicator.isRate, language: l, into: &text)
        }
        text.write(" → +")
        text.write(change.gain)
        if l == .vi { text.write(" điểm") } else { text.write(" points") }
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
