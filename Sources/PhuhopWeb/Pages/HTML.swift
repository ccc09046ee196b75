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
