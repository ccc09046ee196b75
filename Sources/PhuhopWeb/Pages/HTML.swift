import PhuhopCore
import PhuhopReports

/// Small helpers for writing HTML by hand: every text from data passes through `escape`.
enum HTML {
    /// Text made safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }

    /// The text of `text` in the language, escaped.
    static func t(_ text: LocalizedText, _ language: Language) -> String {
        escape(text(language))
    }

    /// A moment the store recorded (`2026-11-26T14:49:11Z`), as people read it, escaped:
    /// `26/11/2026 14:49 UTC` in Vietnamese, `2026-11-26 14:49 UTC` in English. Any other text
    /// is shown as it is.
    static func moment(_ stamp: String, _ language: Language) -> String {
        let c = Array(stamp.utf8)
        let digits: Set = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard c.count == 20, c[4] == UInt8(ascii: "-"), c[7] == UInt8(ascii: "-"), c[10] == UInt8(ascii: "T"),
              c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":"), c[19] == UInt8(ascii: "Z"),
              digits.allSatisfy({ (0x30...0x39).contains(c[$0]) }) else { return escape(stamp) }
        let part = { (r: Range<Int>) in String(decoding: c[r], as: UTF8.self) }
        let time = part(11..<16) + " UTC"
        return language == .vi ? "\(part(8..<10))/\(part(5..<7))/\(part(0..<4)) \(time)" : "\(part(0..<10)) \(time)"
    }

    /// A hidden field carrying the session's CSRF token.
    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">"
    }

    /// `<option>` elements; `selected` is the value to mark.
    static func options(_ choices: [(value: String, label: String)], selected: String?) -> String {
        choices.map { choice -> String in
            let mark = choice.value == selected ? " selected" : ""
            return "<option value=\"\(escape(choice.value))\"\(mark)>\(escape(choice.label))</option>"
        }.joined()
    }

    /// The words of an outcome for a standard's kind, as a badge.
    static func outcomeBadge(_ outcome: String, kind: StandardKind, provisional: Bool, _ language: Language) -> String {
        let value = Outcome(rawValue: outcome)
        let words = value.map { ReasonText.outcome($0, kind: kind)(language) } ?? outcome
        let mark = provisional ? (language == .vi ? " (tạm thời)" : " (provisional)") : ""
        return "<span class=\"badge \(escape(outcome))\">\(escape(words + mark))</span>"
    }
}
