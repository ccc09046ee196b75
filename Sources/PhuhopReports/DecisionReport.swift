import PhuhopCore

/// Renders a decision for people, as plain text, Markdown or HTML, in Vietnamese or English.
///
/// Every format is written by one walk over the decision so they always say the same thing;
/// only the markup differs. Every piece of text from the evidence or the criteria passes
/// through `escape` before any markup is added.
public struct DecisionReport: Sendable {
    /// The markup: plain text for a terminal, Markdown for documents, HTML for the browser.
    public enum Style: Sendable {
        case text
        case markdown
        /// A whole printable page (A4), with a signature block: the decision annex.
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

    /// The report for one decision.
    public func render(_ decision: Decision, _ reference: StandardReference) -> String {
        let standard = reference.standard
        let l = language
        let vi = l == .vi
        var out: [String] = []

        let title = (vi ? "Kết quả đánh giá: " : "Assessment: ") + escape(decision.unit.name)
        if style == .html { out.append(PrintablePage.head(title: title, language: l)) }
        // Inside a page the page's own heading names the unit.
        if style != .htmlBody { out.append(markup.heading(1, title)) }
        if decision.provisional {
            out.append(markup.banner(vi
                ? "KẾT QUẢ TẠM THỜI — kết luận dựa trên giá trị tạm dùng chưa đối chiếu văn bản chính thức; không dùng làm căn cứ công nhận chính thức."
                : "PROVISIONAL — the outcome rests on working values not yet checked against the official text; not an official basis for recognition."))
        }
        let unit = decision.unit
        let period = "\(decision.period.from.vietnamese) – \(decision.period.to.vietnamese)"
        var facts: [(String, String)] = [
            (vi ? "Đơn vị" : "Unit", escape("\(unit.name) (\(unit.id)), \(unit.unitType.name(l)), \(unit.province)")),
            (vi ? "Kỳ đánh giá" : "Period", period),
            (vi ? "Bộ tiêu chí" : "Standard", escape("\(standard.title(l)) — \(standard.id) \(standard.version)")),
            (vi ? "Kết quả" : "Outcome", markup.strong(ReasonText.outcome(decision.outcome, kind: standard.kind)(l))),
        ]
        let total = decision.total.map { "\($0)/\(decision.maximum)" }
            ?? (vi ? "chưa xác định (từ \(decision.lowestTotal) đến \(decision.highestTotal))"
                   : "unknown (between \(decision.lowestTotal) and \(decision.highestTotal))")
        facts.append((vi ? "Tổng điểm" : "Total", total))
        if let k = decision.unitClass {
            let unitClass = standard.recognition.classes[k]
            facts.append((vi ? "Nhóm đơn vị" : "Class", escape("\(unitClass.name(l)) (\(unitClass.id))")))
            facts.append((vi ? "Ngưỡng công nhận" : "Threshold",
                          vi ? "từ \(unitClass.threshold.value) điểm trở lên" : "\(unitClass.threshold.value) points or more"))
        } else if !standard.recognition.classes.isEmpty {
            facts.append((vi ? "Nhóm đơn vị" : "Class", vi ? "chưa xác định" : "undetermined"))
        }
        out.append(markup.fields(facts))

        out.append(markup.heading(2, vi ? "Lý do" : "Reasons"))
        out.append(markup.list(decision.decisiveReasons.map { reasonLine($0, decision, standard) }))

        if let distance = DistanceToRecognition(decision, standard: standard) {
            out.append(markup.heading(2, vi ? "Để được công nhận" : "What would recognise it"))
            var lines: [String] = []
            if distance.shortfall > 0 {
                lines.append(vi ? "Còn thiếu \(distance.shortfall) điểm so với ngưỡng \(decision.threshold ?? 0)."
                                : "\(distance.shortfall) points short of the threshold of \(decision.threshold ?? 0).")
            }
            for c in distance.zeroCriteria {
                lines.append(vi ? "Tiêu chí \(standard.criteria[c].number) đang bị 0 điểm: phải đạt trên 0."
                                : "Criterion \(standard.criteria[c].number) is at 0: it must score above 0.")
            }
            out.append(markup.list(lines))
            if let plan = distance.plan {
                out.append(markup.paragraph(vi ? "Ít thay đổi nhất để được công nhận (theo số liệu hiện có):"
                                        : "The fewest changes that would recognise it (on the present evidence):"))
                out.append(markup.list(plan.map { escape(DistanceText.change($0, standard: standard, language: l)) }))
            } else {
                out.append(markup.paragraph(vi ? "Không có tập thay đổi nào trong các chỉ tiêu đã chấm đủ để được công nhận."
                                        : "No set of changes to the scored indicators would recognise it."))
            }
            if !distance.options.isEmpty {
                out.append(markup.paragraph(vi ? "Mỗi chỉ tiêu chưa đạt mức cao nhất, thay đổi nhỏ nhất để lên mức tiếp theo:"
                                        : "For each indicator below its top band, the smallest change to the next band:"))
                out.append(markup.list(distance.options.map { escape(DistanceText.change($0, standard: standard, language: l)) }))
            }
        }

        if !decision.missing.isEmpty {
            out.append(markup.heading(2, vi ? "Dữ kiện cần thu thập thêm" : "Facts still to collect"))
            out.append(markup.list(decision.missing.map {
                "\(markup.code(escape(ReasonText.missingID($0, standard: standard)))) — \(escape(ReasonText.missingName($0, standard: standard)(l)))"
            }))
        }

        out.append(markup.heading(2, vi ? "Điểm từng tiêu chí" : "Points by criterion"))
        let allReasons = decision.reasons
        for result in decision.criteria {
            let criterion = standard.criteria[result.criterion]
            let points = result.points.map { "\($0)/\(criterion.maximum.value)" }
                ?? (vi ? "chưa chấm được (\(result.lowest)–\(result.highest))/\(criterion.maximum.value)"
                       : "not scored (\(result.lowest)–\(result.highest))/\(criterion.maximum.value)")
            let mark = result.restsOnProvisional ? (vi ? " (tạm)" : " (provisional)") : ""
            out.append(markup.heading(3, escape("\(criterion.number). \(criterion.name(l)): \(points)\(mark)")))
            let details = allReasons.filter { reason in
                guard !reason.code.isDecisive else { return false }
                switch reason.subject {
                case .indicator(let c, _), .criterion(let c): return c == result.criterion
                default: return false
                }
            }
            var lines = details.map { reasonLine($0, decision, standard) }
            for r in decision.indicators[result.indicators] where r.status == .missing {
                let indicator = criterion.indicators[r.indicator]
                lines.append(escape("\(indicator.id) “\(indicator.name(l))”: " + (vi ? "thiếu dữ kiện" : "missing facts")))
            }
            out.append(markup.list(lines))
        }

        if !decision.provisionalValues.isEmpty {
            out.append(markup.heading(2, vi ? "Giá trị tạm dùng đã sử dụng" : "Provisional values used"))
            if !decision.provisional {
                out.append(markup.paragraph(vi
                    ? "Kết luận không phụ thuộc các giá trị này (có tiêu chí bị 0 điểm theo giá trị chính thức), nhưng điểm số có dùng chúng."
                    : "The outcome does not rest on these values (a criterion is at 0 by official values), but the points use them."))
            }
            out.append(markup.list(decision.provisionalValues.map { ref in
                let d = standard.describe(ref, language: l)
                return markup.code(escape(d.path)) + escape(" = \(d.value) [\(d.provenance.label(l))]" + (d.citation.map { " — \($0)" } ?? ""))
            }))
        }
        let evidence = standard.facts.indices.compactMap { f -> String? in
            guard decision.facts.indices.contains(f), let value = decision.facts[f] else { return nil }
            let source = decision.sources.indices.contains(f) ? decision.sources[f].map(ReasonText.source) : nil
            return markup.code(escape(standard.facts[f].id)) + escape(" \(standard.facts[f].name(l)): \(ReasonText.fact(value, language: l))"
                + (source.map { " — \(vi ? "nguồn" : "source"): \($0)" } ?? ""))
        }
        if !evidence.isEmpty {
            out.append(markup.heading(2, vi ? "Số liệu đã dùng và nguồn" : "Evidence used and its sources"))
            out.append(markup.list(evidence))
        }
        out.append(markup.paragraph((vi ? "Mã băm bộ tiêu chí (SHA-256): " : "Criteria hash (SHA-256): ") + markup.code(escape(reference.hash))))
        if style == .html {
            out.append(markup.signature(vi ? "Ngày ..... tháng ..... năm ......" : "Date: ....................",
                                        vi ? "TM. ĐOÀN ĐÁNH GIÁ" : "FOR THE EVALUATION TEAM",
                                        vi ? "(Ký, ghi rõ họ tên)" : "(Signature, full name)"))
            out.append(PrintablePage.foot)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func reasonLine(_ reason: Reason, _ decision: Decision, _ standard: Standard) -> String {
        markup.reason(reason, decision, standard, language: language)
    }

    // MARK: markup

    private var markup: Markup {
        switch style {
        case .text: Markup(style: .text)
        case .markdown: Markup(style: .markdown)
        case .html, .htmlBody: Markup(style: .html)
        }
    }

    private func escape(_ text: String) -> String { markup.escape(text) }
}
