import PhuhopCore

/// Renders a unit's history for people: what it was, what it merged from or into, every
/// evidence revision and every decision, oldest first.
public struct HistoryReport: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ history: UnitHistory) -> String {
        let vi = language == .vi
        let markup = Markup(style: .text)
        var out: [String] = []
        let name = history.versions.last?.name ?? history.unit
        out.append(markup.heading(1, (vi ? "Lịch sử: " : "History: ") + "\(name) (\(history.unit))"))
        out.append(markup.fields([(vi ? "Loại đơn vị" : "Unit type", history.unitType.name(language))]))

        out.append(markup.heading(2, vi ? "Thông tin đơn vị theo thời gian" : "The unit over time"))
        out.append(markup.list(history.versions.map { v in
            let attributes = v.attributes.map { "\($0.id)=\($0.value)" }.joined(separator: ", ")
            let commune = v.commune.map { vi ? ", thuộc xã \($0)" : ", in commune \($0)" } ?? ""
            return (vi ? "từ \(v.validFrom.vietnamese): " : "from \(v.validFrom): ") + "\(v.name), \(v.province)\(commune)"
                + (attributes.isEmpty ? "" : " [\(attributes)]") + (vi ? " (ghi ngày \(v.recordedAt))" : " (recorded \(v.recordedAt))")
        }))
        if !history.predecessors.isEmpty {
            out.append(markup.heading(2, vi ? "Hình thành từ" : "Formed from"))
            out.append(markup.list(history.predecessors.map { link($0, vi: vi) }))
        }
        if !history.successors.isEmpty {
            out.append(markup.heading(2, vi ? "Đã sáp nhập vào" : "Merged into"))
            out.append(markup.list(history.successors.map { link($0, vi: vi) }))
        }
        if !history.attached.isEmpty {
            out.append(markup.heading(2, vi ? "Trường học, hộ gia đình trực thuộc" : "Schools and homes attached"))
            out.append(markup.list([history.attached.joined(separator: ", ")]))
        }
        out.append(markup.heading(2, vi ? "Các lần ghi bằng chứng" : "Evidence revisions"))
        out.append(history.revisions.isEmpty ? (vi ? "  (chưa có)" : "  (none)") : markup.list(history.revisions.map { r in
            let document = r.document.map { vi ? "; tài liệu: \($0)" : "; document: \($0)" } ?? ""
            return "\(r.standard) \(r.period) " + (vi ? "lần \(r.revision)" : "revision \(r.revision)")
                + " — \(r.author), \(r.recordedAt): \(r.reason)\(document)"
        }))
        out.append(markup.heading(2, vi ? "Các quyết định" : "Decisions"))
        out.append(history.decisions.isEmpty ? (vi ? "  (chưa có)" : "  (none)") : markup.list(history.decisions.map { entry($0, vi: vi) }))
        if !history.predecessorDecisions.isEmpty {
            out.append(markup.heading(2, vi ? "Quyết định hiện hành của các đơn vị cũ" : "Current decisions of the former units"))
            out.append(markup.list(history.predecessorDecisions.map { "\($0.unit): " + entry($0, vi: vi) }))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func link(_ link: UnitHistory.Link, vi: Bool) -> String {
        let name = link.name.map { " \($0)" } ?? ""
        let document = link.document.map { vi ? " theo \($0)" : " under \($0)" } ?? ""
        return "\(link.unit)\(name)" + (vi ? ", từ \(link.date.vietnamese)" : ", from \(link.date)") + document
    }

    private func entry(_ d: UnitHistory.DecisionEntry, vi: Bool) -> String {
        let outcome = ReasonText.outcome(d.outcome)(language)
        let total = d.total.map { t in d.threshold.map { "\(t)/\($0)" } ?? "\(t)" } ?? "—"
        let provisional = d.provisional ? (vi ? " — TẠM THỜI" : " — PROVISIONAL") : ""
        let state = d.superseded ? (vi ? " [đã được thay]" : " [superseded]") : (vi ? " [hiện hành]" : " [current]")
        let replaces = d.supersedes.map { vi ? ", thay #\($0)" : ", supersedes #\($0)" } ?? ""
        return "#\(d.id) \(d.standard) \(d.period): \(outcome) (\(total))\(provisional)\(state)"
            + (vi ? " — bằng chứng lần \(d.revision), \(d.decidedBy), \(d.decidedAt)\(replaces); mã băm \(d.decisionHash.prefix(12))…"
                : " — evidence revision \(d.revision), \(d.decidedBy), \(d.decidedAt)\(replaces); hash \(d.decisionHash.prefix(12))…")
    }
}
