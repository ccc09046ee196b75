import PhuhopCore

/// The markup of a report for people: plain text for a terminal, Markdown for documents, HTML
/// for the browser and the printer. The decision, checklist, review and roll-up reports each
/// make one walk over what they show and call these, so their formats always say the same thing.
///
/// Arguments are taken as already escaped (`escape`), so pieces of markup nest: a list item may
/// hold a `code` span. For text and Markdown, escaping changes nothing.
struct Markup: Sendable {
    enum Style: Sendable {
        case text
        case markdown
        case html
    }

    let style: Style

    /// Text made safe for the style: HTML's special characters as entities.
    func escape(_ text: String) -> String {
        style == .html ? HTMLText.escape(text) : text
    }

    /// A table cell for text and Markdown: one line, pipes escaped.
    static func tableCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    func heading(_ level: Int, _ text: String) -> String {
        switch style {
        case .html: return "<h\(level)>\(text)</h\(level)>"
        case .markdown: return "\n" + String(repeating: "#", count: level) + " \(text)\n"
        case .text:
            switch level {
            case 1: return text.uppercased() + "\n" + String(repeating: "=", count: min(text.count, 78))
            case 2: return "\n" + text + "\n" + String(repeating: "-", count: min(text.count, 78))
            default: return "\n" + text
            }
        }
    }

    func banner(_ text: String) -> String {
        switch style {
        case .html: return "<p class=\"banner\" role=\"alert\">⚠ \(text)</p>"
        case .markdown: return "\n> **⚠ \(text)**\n"
        case .text: return "\n!! \(text)\n"
        }
    }

    func fields(_ pairs: [(String, String)]) -> String {
        switch style {
        case .html:
            return "<table class=\"fields\">\n" + pairs.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }
                .joined(separator: "\n") + "\n</table>"
        case .markdown: return pairs.map { "- **\($0.0):** \($0.1)" }.joined(separator: "\n")
        case .text:
            let width = pairs.map(\.0.count).max() ?? 0
            return pairs.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
                .joined(separator: "\n")
        }
    }

    func list(_ items: [String]) -> String {
        switch style {
        case .html: return "<ul>\n" + items.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>"
        case .markdown: return items.map { "- \($0)" }.joined(separator: "\n")
        case .text: return items.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// A table; as text, one list item per row with its non-empty cells.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        switch style {
        case .html:
            let head = "<tr>" + header.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr>"
            let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table>\n<thead>\(head)</thead>\n<tbody>\n\(body)\n</tbody>\n</table>"
        case .markdown:
            return "| " + header.map(Markup.tableCell).joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined()
                + "\n" + rows.map { "| " + $0.map(Markup.tableCell).joined(separator: " | ") + " |" }.joined(separator: "\n")
        case .text:
            return rows.map { row in "  - " + row.filter { !$0.isEmpty }.joined(separator: " — ") }.joined(separator: "\n")
        }
    }

    func paragraph(_ text: String) -> String {
        style == .html ? "<p>\(text)</p>" : "\n" + text
    }

    func strong(_ text: String) -> String {
        switch style {
        case .html: "<strong>\(text.uppercased())</strong>"
        case .markdown: "**\(text)**"
        case .text: text.uppercased()
        }
    }

    func code(_ text: String) -> String {
        switch style {
        case .html: "<code>\(text)</code>"
        case .markdown: "`\(text)`"
        case .text: "[\(text)]"
        }
    }

    /// A reason as one line: its key, its sentence and the clause behind it.
    func reason(_ reason: Reason, _ decision: Decision, _ standard: Standard, language: Language) -> String {
        let text = ReasonText.text(reason, decision: decision, standard: standard, language: language)
        let citation = ReasonText.citation(reason, decision: decision, standard: standard)
        let cite = citation.map { language == .vi ? " Căn cứ: \($0)." : " Source: \($0)." } ?? ""
        return code(escape(ReasonText.key(reason, standard: standard))) + " " + escape(text + cite)
    }

    /// A signature block: the date line, the signer's role and the hint under it.
    func signature(_ date: String, _ role: String, _ hint: String) -> String {
        switch style {
        case .html: return "<div class=\"signature\"><p><em>\(date)</em></p><p><strong>\(role)</strong></p><p>\(hint)</p></div>"
        default: return "\n\(date)\n\n**\(role)**\n\n\(hint)"
        }
    }
}
