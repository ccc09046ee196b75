import PhuhopCore

/// Renders a self-assessment against an inspection: the items where they disagree and the
/// two outcomes, as text or Markdown.
public struct ReviewReport: Sendable {
    public let markdown: Bool
    public let language: Language

    public init(markdown: Bool, language: Language) {
        self.markdown = markdown
        self.language = language
    }

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    public func render(_ review: AssessmentReview, _ reference: StandardReference) -> String {
        let standard = reference.standard
        let l = language
        let a = review.selfAssessment, b = review.inspection
        var out: [String] = []
        let title = t("Đối chiếu tự đánh giá và kết quả kiểm tra: ", "Self-assessment against inspection: ") + a.unit.name
        out.append(markdown ? "# \(title)\n" : title.uppercased() + "\n" + String(repeating: "=", count: min(title.count, 78)))
        if a.provisional || b.provisional {
            let text = t("KẾT QUẢ TẠM THỜI — ít nhất một kết luận dựa trên giá trị tạm dùng chưa đối chiếu văn bản chính thức.",
                         "PROVISIONAL — at least one outcome rests on working values not yet checked against the official text.")
            out.append(markdown ? "> **⚠ \(text)**\n" : "\n!! \(text)\n")
        }
        func outcome(_ d: Decision) -> String {
            var text = ReasonText.outcome(d.outcome, kind: standard.kind)(l)
            if let tally = d.checklist { text += " (" + ReasonText.tally(tally, language: l) + ")" }
            if d.provisional { text += t(" — tạm thời", " — provisional") }
            return text
        }
        let rows = [
            (t("Đơn vị", "Unit"), "\(a.unit.name) (\(a.unit.id)), \(a.unit.province)"),
            (t("Kỳ đánh giá", "Period"), "\(a.period.from.vietnamese) – \(a.period.to.vietnamese)"),
            (t("Bộ tiêu chí", "Standard"), "\(standard.title(l)) (\(standard.id))"),
            (t("Tự đánh giá", "Self-assessment"), outcome(a)),
            (t("Kiểm tra", "Inspection"), outcome(b)),
            (t("Kết luận thay đổi", "Outcome changes"), review.outcomeChanges ? t("CÓ", "YES") : t("không", "no")),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        out.append(rows.map { markdown ? "- **\($0.0):** \($0.1)" : $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
            .joined(separator: "\n"))
        let heading = t("Khác nhau ở \(review.differences.count) tiêu chí", "They differ on \(review.differences.count) items")
        out.append(markdown ? "\n## \(heading)\n" : "\n\(heading)\n" + String(repeating: "-", count: heading.count))
        if review.differences.isEmpty {
            out.append(t("Hai kết quả trùng khớp ở mọi tiêu chí.", "The two agree on every item."))
        }
        for d in review.differences {
            let value: (FactValue?) -> String = { $0.map { ReasonText.fact($0, language: l) } ?? t("chưa có", "none") }
            var name = standard.facts[d.fact].name(l)
            var id = standard.facts[d.fact].id
            if let (c, i) = d.item { id = standard.criteria[c].indicators[i].id; name = standard.criteria[c].indicators[i].name(l) }
            let mandatory = d.mandatory ? t(" (bắt buộc)", " (mandatory)") : ""
            let line = "\(markdown ? "`\(id)`" : "[\(id)]")\(mandatory) \(name): "
                + t("tự đánh giá ", "self-assessed ") + value(d.selfValue) + ", " + t("kiểm tra ", "inspected ") + value(d.inspectionValue)
            out.append(markdown ? "- \(line)" : "  - \(line)")
        }
        out.append("\n" + t("Mã băm bộ tiêu chí (SHA-256): ", "Criteria hash (SHA-256): ") + reference.hash)
        return out.joined(separator: "\n") + "\n"
    }
}
