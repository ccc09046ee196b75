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
        let markup = Markup(style: markdown ? .markdown : .text)
        var out: [String] = []
        out.append(markup.heading(1, t("Đối chiếu tự đánh giá và kết quả kiểm tra: ", "Self-assessment against inspection: ") + a.unit.name))
        if a.provisional || b.provisional {
            out.append(markup.banner(t(
                "KẾT QUẢ TẠM THỜI — ít nhất một kết luận dựa trên giá trị tạm dùng chưa đối chiếu văn bản chính thức.",
                "PROVISIONAL — at least one outcome rests on working values not yet checked against the official text.")))
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
        out.append(markup.fields(rows))
        out.append(markup.heading(2, t("Khác nhau ở \(review.differences.count) tiêu chí", "They differ on \(review.differences.count) items")))
        if review.differences.isEmpty {
            out.append(t("Hai kết quả trùng khớp ở mọi tiêu chí.", "The two agree on every item."))
        }
        out.append(markup.list(review.differences.map { d in
            let value: (FactValue?) -> String = { $0.map { ReasonText.fact($0, language: l) } ?? t("chưa có", "none") }
            var name = standard.facts[d.fact].name(l)
            var id = standard.facts[d.fact].id
            if let (c, i) = d.item { id = standard.criteria[c].indicators[i].id; name = standard.criteria[c].indicators[i].name(l) }
            let mandatory = d.mandatory ? t(" (bắt buộc)", " (mandatory)") : ""
            return "\(markup.code(id))\(mandatory) \(name): "
                + t("tự đánh giá ", "self-assessed ") + value(d.selfValue) + ", " + t("kiểm tra ", "inspected ") + value(d.inspectionValue)
        }))
        out.append("\n" + t("Mã băm bộ tiêu chí (SHA-256): ", "Criteria hash (SHA-256): ") + reference.hash)
        return out.joined(separator: "\n") + "\n"
    }
}
