import PhuhopCore

/// Renders a checklist decision (safe school, safe home) as the report a school posts: the
/// result, the counts that decided it, the reasons with their clauses, the remediation plan and
/// every item's answer; as text, Markdown or printable HTML, in Vietnamese or English.
///
/// One walk writes all three markups, so they always say the same thing. Every piece of text
/// from the evidence or the criteria passes through `escape` before any markup is added.
public struct ChecklistReport: Sendable {
    public enum Style: Sendable {
        case text
        case markdown
        /// A whole printable page (A4).
        case html
        /// The report's HTML alone, for a page that has its own head and layout.
        case htmlBody
    }

    public let style: Style
    public let language: Language

    public init(style: Style, language: Language) {
        self.style = style
        self.language = language
    }

    private func t(_ vi: String, _ en: String) -> String { escape(language == .vi ? vi : en) }

    /// The report for one checklist decision (`decision.checklist` must be set).
    public func render(_ decision: Decision, _ reference: StandardReference) -> String {
        let standard = reference.standard
        let l = language
        guard let tally = decision.checklist else { return "" }
        var out: [String] = []
        let kind = decision.assessment == .inspection ? t("Kết quả kiểm tra", "Inspection result") : t("Kết quả tự đánh giá", "Self-assessment result")
        let title = "\(kind): \(escape(standard.title(l)))"
        if style == .html { out.append(PrintablePage.head(title: title, language: l)) }
        // Inside a page the page's own heading names the unit.
        if style != .htmlBody { out.append(markup.heading(1, title)) }
        if decision.provisional {
            out.append(markup.banner(t(
                "KẾT QUẢ TẠM THỜI — một phần bảng kiểm là giá trị tạm dùng, chưa đối chiếu văn bản chính thức; danh sách ở cuối báo cáo.",
                "PROVISIONAL — part of this checklist is made of working values not yet checked against the official text; they are listed at the end.")))
        }
        let unit = decision.unit
        var rows: [(String, String)] = [
            (t("Đơn vị", "Unit"), escape("\(unit.name) (\(unit.id)), \(unit.unitType.name(l)), \(unit.province)")),
            (t("Kỳ đánh giá", "Period"), escape("\(decision.period.from.vietnamese) – \(decision.period.to.vietnamese)")),
            (t("Bộ tiêu chí", "Standard"), escape("\(standard.title(l)) — \(standard.citation) (\(standard.id) \(standard.version))")),
            (t("Hình thức", "Assessed by"), escape(decision.assessment.name(l))),
            (t("Kết quả", "Result"), markup.strong(escape(ReasonText.outcome(decision.outcome, kind: standard.kind)(l)))),
            (t("Số tiêu chí", "Items"), escape(ReasonText.tally(tally, language: l))),
        ]
        if let k = decision.unitClass {
            rows.append((t("Loại đơn vị", "Class"), escape(standard.recognition.classes[k].name(l))))
        }
        out.append(markup.fields(rows))

        out.append(markup.heading(2, t("Căn cứ kết luận", "Why")))
        out.append(markup.list(decision.decisiveReasons.map { reasonLine($0, decision, standard) }))

        if let plan = RemediationPlan(decision, standard: standard), !plan.entries.isEmpty {
            out.append(markup.heading(2, t("Kế hoạch khắc phục", "Remediation plan")))
            if plan.deadline != nil {
                out.append(markup.paragraph(t(
                    "Mỗi tiêu chí chưa đạt được khắc phục trước năm học mới, hoặc nhà trường đề nghị cơ quan có thẩm quyền hỗ trợ khắc phục (Thông tư 18/2023/TT-BGDĐT, Điều 11). Người thực hiện là gợi ý, nhà trường điều chỉnh cho phù hợp.",
                    "Each item not met is to be fixed before the new school year, or the school asks the competent authority to fix it (Circular 18/2023/TT-BGDĐT, Art. 11). The responsible roles are suggestions for the school to adjust.")))
            } else {
                out.append(markup.paragraph(t("Các tiêu chí cần khắc phục để đạt chuẩn:", "The items to fix to pass:")))
            }
            let header = [t("Tiêu chí", "Item"), t("Nội dung", "What"), t("Bắt buộc", "Mandatory"),
                          t("Người thực hiện", "Responsible"), t("Thời hạn", "Deadline"), t("Ghi chú", "Note")]
            out.append(markup.table(header, plan.entries.map { entry in
                let indicator = standard.criteria[entry.criterion].indicators[entry.indicator]
                return [markup.code(escape(indicator.id)), escape(indicator.name(l)), entry.mandatory ? t("có", "yes") : "",
                        escape(entry.responsible.map { $0(l) } ?? ""), escape(plan.deadline.map { $0(l) } ?? ""),
                        escape(entry.note ?? "")]
            }))
        }

        if let events = decision.vetoEvents, !events.isEmpty {
            out.append(markup.heading(2, t("Sự việc loại trừ trong năm", "Veto events in the year")))
            out.append(markup.list(events.map { event in
                let veto = standard.recognition.vetoes[event.veto]
                let when = event.date.map { " (\($0.vietnamese))" } ?? ""
                return escape(veto.name(l) + when + (event.description.map { ": \($0)" } ?? ""))
            }))
        }

        out.append(markup.heading(2, t("Bảng kiểm chi tiết", "The checklist, item by item")))
        for result in decision.criteria {
            let criterion = standard.criteria[result.criterion]
            let met = decision.indicators[result.indicators].filter { $0.status == .answer(.dat) }.count
            out.append(markup.heading(3, escape("\(criterion.number). \(criterion.name(l))") + " — \(met)/\(result.indicators.count)"))
            out.append(markup.table([t("Tiêu chí", "Item"), t("Nội dung", "What"), t("Đánh giá", "Answer"), t("Ghi chú, minh chứng", "Note, evidence")],
                             decision.indicators[result.indicators].map { r in
                let indicator = criterion.indicators[r.indicator]
                let mandatory = indicator.item?.mandatory.value == true ? t(" (bắt buộc)", " (mandatory)") : ""
                let answer: String
                if case .answer(let a) = r.status { answer = escape(a.name(l)) } else { answer = t("chưa trả lời", "unanswered") }
                let fact = indicator.item?.fact
                let source = fact.flatMap { decision.sources.indices.contains($0) ? decision.sources[$0] : nil }
                return [markup.code(escape(indicator.id)) + mandatory, escape(indicator.name(l)), answer,
                        escape(source.map(ReasonText.source) ?? "")]
            }))
        }

        let provisional = decision.provisionalValues
        if !provisional.isEmpty {
            out.append(markup.heading(2, t("Giá trị tạm dùng đã sử dụng", "Provisional values used")))
            if !decision.provisional {
                out.append(markup.paragraph(t(
                    "Kết luận không phụ thuộc các giá trị này (đã có căn cứ chính thức để kết luận chưa đạt), nhưng bảng kiểm có dùng chúng.",
                    "The outcome does not rest on these values (an official ground already fails the unit), but the checklist uses them.")))
            }
            out.append(markup.list(provisional.map { ref in
                let d = standard.describe(ref, language: l)
                return markup.code(escape(d.path)) + escape(" [\(d.provenance.label(l))]" + (d.citation.map { " — \($0)" } ?? ""))
            }))
        }
        out.append(markup.paragraph(t("Mã băm bộ tiêu chí (SHA-256): ", "Criteria hash (SHA-256): ") + markup.code(escape(reference.hash))))
        // A signature block on a document of its own; a page that embeds the report has none.
        if style == .html || style == .markdown {
            let signer = unit.unitType == .hoGiaDinh ? t("ĐẠI DIỆN HỘ GIA ĐÌNH", "FOR THE HOUSEHOLD")
                : decision.assessment == .inspection ? t("TRƯỞNG ĐOÀN KIỂM TRA", "HEAD OF THE INSPECTION TEAM")
                : t("HIỆU TRƯỞNG", "PRINCIPAL")
            out.append(markup.signature(t("Ngày ..... tháng ..... năm ......", "Date: ...................."), signer,
                                 t("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")))
        }
        if style == .html { out.append(PrintablePage.foot) }
        return out.joined(separator: "\n") + "\n"
    }

    private func reasonLine(_ reason: Reason, _ decision: Decision, _ standard: Standard) -> String {
        markup.reason(reason, decision, standard, language: language)
    }

    // MARK: markup (arguments are already escaped)

    private var markup: Markup {
        switch style {
        case .text: Markup(style: .text)
        case .markdown: Markup(style: .markdown)
        case .html, .htmlBody: Markup(style: .html)
        }
    }

    func escape(_ text: String) -> String { markup.escape(text) }
}
