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
        // The date is read and shown as a period's dates are (`CalendarDate`); the time is HH:MM.
        let parts = stamp.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else { return escape(stamp) }
        let time = Array(parts[1].utf8)
        guard time.count == 9, time[2] == UInt8(ascii: ":"), time[5] == UInt8(ascii: ":"), time[8] == UInt8(ascii: "Z"),
              [0, 1, 3, 4, 6, 7].allSatisfy({ (0x30...0x39).contains(time[$0]) }) else { return escape(stamp) }
        let shown = (language == .vi ? date.vietnamese : date.description) + " " + String(decoding: time[0..<5], as: UTF8.self)
        return shown + " UTC"
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
