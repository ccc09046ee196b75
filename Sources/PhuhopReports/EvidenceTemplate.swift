import PhuhopCore

/// A blank evidence form for a standard, to fill in rather than type ids by hand.
///
/// The YAML form lists every item (or fact) with its text as a comment and no answer, so a
/// form returned half-filled is rejected with the line of each item still blank. The CSV form
/// is the header a survey spreadsheet needs, one row per unit, with a remark row (`#`) giving
/// each column's text.
public struct EvidenceTemplate: Sendable {
    public enum Style: Sendable {
        case yaml
        case csv
    }

    public var style: Style
    public var language: Language

    public init(style: Style, language: Language) {
        self.style = style
        self.language = language
    }

    /// The blank form.
    public func render(_ standard: Standard, columns: [String]) -> String {
        switch style {
        case .yaml: yaml(standard)
        case .csv: csv(standard, columns: columns)
        }
    }

    private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    private func yaml(_ s: Standard) -> String {
        let l = language
        var out: [String] = []
        let form = s.hasItems ? text("Phiếu đánh giá", "Assessment form") : text("Phiếu số liệu", "Evidence form")
        out.append("# \(form): \(s.title(l)) (\(s.id))")
        out.append("# \(s.citation)")
        if s.hasItems {
            out.append(text("# Cách điền: sau mỗi tiêu chí ghi Đạt, Chưa đạt hoặc Không áp dụng (chỉ với tiêu chí ghi “có thể không áp dụng”).",
                            "# How to fill in: after each item write dat, chuaDat, or notApplicable (only where the item says it may be)."))
            out.append(text("# Có thể ghi kèm ghi chú và tài liệu minh chứng, ví dụ:",
                            "# A note and the supporting document may go with an answer, for example:"))
            out.append(text("#   a.2: {answer: Chưa đạt, note: \"Sân trơn khi mưa\", document: \"Biên bản kiểm tra ngày 15/5/2026\"}",
                            "#   a.2: {answer: chuaDat, note: \"The yard is slippery when it rains\", document: \"Inspection record of 15/5/2026\"}"))
        } else {
            out.append(text("# Cách điền: ghi số liệu sau mỗi dữ kiện (số đếm, true/false, hoặc tỷ lệ có dấu %).",
                            "# How to fill in: write each fact's value (a count, true/false, or a share with a % sign)."))
        }
        if s.provenance == .provisional || s.criteria.contains(where: { $0.provenance == .provisional }) {
            out.append(text("# LƯU Ý: một phần danh mục tiêu chí là giá trị tạm dùng, chưa đối chiếu văn bản chính thức (xem: phuhop criteria audit \(s.id)).",
                            "# NOTE: part of this checklist is provisional, not yet checked against the official text (see: phuhop criteria audit \(s.id))."))
        }
        out.append("")
        out.append("standard: \(s.id)")
        out.append("unit:")
        out.append("  id:          # " + text("mã đơn vị", "unit id"))
        out.append("  name:        # " + text("tên đơn vị", "unit name"))
        out.append("  province:    # " + text("tỉnh, thành phố", "province"))
        let types = (s.unitTypes.isEmpty ? UnitType.allCases.filter(\.isCommuneLevel) : s.unitTypes)
        let typeList = types.map { "\($0.rawValue) (\($0.name(l)))" }.joined(separator: ", ")
        if types.count == 1 {
            out.append("  unitType: \(types[0].rawValue)   # \(types[0].name(l))")
        } else {
            out.append("  unitType:    # " + typeList)
        }
        if !types.contains(where: \.isCommuneLevel) {
            out.append("  commune:     # " + text("mã xã, phường nơi đơn vị thuộc về (để tổng hợp)", "id of the commune the unit belongs to (for roll-ups)"))
        }
        if !s.attributes.isEmpty {
            out.append("  attributes:")
            for attribute in s.attributes { out.append("    \(attribute.id):    # true/false: \(attribute.name(l))") }
        }
        out.append("period:")
        out.append("  from:        # YYYY-MM-DD")
        out.append("  to:          # YYYY-MM-DD")
        if s.hasItems {
            out.append("assessment: selfAssessment   # " + text("selfAssessment (tự đánh giá) hoặc inspection (kiểm tra)",
                                                                "selfAssessment or inspection"))
            out.append("items:")
            for criterion in s.criteria {
                out.append("  # \(criterion.number). \(criterion.name(l))")
                for indicator in criterion.indicators {
                    guard let item = indicator.item else { continue }
                    var marks: [String] = []
                    if item.mandatory.value { marks.append(text("bắt buộc", "mandatory")) }
                    if item.mayBeNotApplicable { marks.append(text("có thể không áp dụng", "may be not applicable")) }
                    let prefix = marks.isEmpty ? "" : "[\(marks.joined(separator: "; "))] "
                    out.append("  \(indicator.id):    # \(prefix)\(oneLine(indicator.name(l)))")
                }
            }
        }
        let plainFacts = s.facts.filter { $0.type != .answer }
        if !plainFacts.isEmpty {
            out.append("facts:")
            for fact in plainFacts {
                let kind: String
                switch fact.type {
                case .count: kind = text("số", "count")
                case .boolean: kind = "true/false"
                case .share: kind = "%"
                case .answer: kind = ""
                }
                out.append("  \(fact.id):    # [\(kind)] \(oneLine(fact.name(l)))")
            }
        }
        if !s.recognition.vetoes.isEmpty {
            out.append(text("# Sự việc loại trừ trong năm: có bất kỳ sự việc nào dưới đây thì không đạt. Không có thì để [].",
                            "# The year's veto events: any one of these fails the unit. Leave [] when there were none."))
            for veto in s.recognition.vetoes { out.append("#   \(veto.id): \(oneLine(veto.name(l)))") }
            out.append(text("# Ví dụ: vetoEvents: [{event: \(s.recognition.vetoes[0].id), date: 2025-10-12, description: \"...\"}]",
                            "# Example: vetoEvents: [{event: \(s.recognition.vetoes[0].id), date: 2025-10-12, description: \"...\"}]"))
            out.append("vetoEvents: []")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func csv(_ s: Standard, columns: [String]) -> String {
        let l = language
        let texts = columns.map { column -> String in
            if let f = s.factIndex(column) {
                if let indicator = s.criteria.lazy.flatMap(\.indicators).first(where: { $0.id == column }), let item = indicator.item {
                    let mark = item.mandatory.value ? text(" [bắt buộc]", " [mandatory]") : ""
                    return oneLine(indicator.name(l)) + mark
                }
                return oneLine(s.facts[f].name(l))
            }
            if column.hasPrefix("veto."), let veto = s.recognition.vetoes.first(where: { "veto.\($0.id)" == column }) {
                return oneLine(veto.name(l)) + text(" (không / có / ngày xảy ra)", " (no / yes / date)")
            }
            return ""
        }
        var remark = texts
        if !remark.isEmpty { remark[0] = "# " + text("Dòng này là chú thích, không phải số liệu", "This row is a remark, not data") }
        return CSVText.line(columns) + "\n" + CSVText.line(remark) + "\n"
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
