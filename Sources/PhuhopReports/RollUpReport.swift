import PhuhopCore

/// Renders a commune roll-up: the shares of safe homes and safe schools, the safe-community
/// decision that follows from them, and the commune's child-friendly decision beside them,
/// unchanged.
public struct RollUpReport: Sendable {
    public let markdown: Bool
    public let language: Language

    public init(markdown: Bool, language: Language) {
        self.markdown = markdown
        self.language = language
    }

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    public func render(_ rollUp: CommuneRollUp, community: (Decision, StandardReference)?,
                       commune: (Decision, StandardReference)?) -> String {
        let l = language
        let markup = Markup(style: markdown ? .markdown : .text)
        var out: [String] = []
        out.append(markup.heading(1, t("Tổng hợp an toàn cho trẻ em của xã, phường: ", "Child safety roll-up for the commune: ")
            + rollUp.commune))
        func line(_ text: String) -> String { markup.list([text]) }
        func heading(_ text: String) -> String { markup.heading(2, text) }
        func share(_ count: CommuneRollUp.Count) -> String {
            count.share.map { DecimalText.percent($0, language: l) } ?? "—"
        }
        func counts(_ count: CommuneRollUp.Count, unit: String) -> String {
            let base = t("\(count.passed)/\(count.assessed) \(unit) đạt (\(share(count)))",
                         "\(count.passed) of \(count.assessed) \(unit) pass (\(share(count)))")
            let rest = t("; \(count.notYetPassed) chưa đạt; \(count.undetermined) chưa đủ căn cứ",
                         "; \(count.notYetPassed) not yet passed; \(count.undetermined) undetermined")
            let provisional = count.provisional > 0
                ? t("; \(count.provisional) kết quả tạm thời", "; \(count.provisional) provisional") : ""
            return base + rest + provisional
        }
        out.append(heading(t("Ngôi nhà an toàn và trường học an toàn", "Safe homes and safe schools")))
        out.append(line(t("Ngôi nhà an toàn: ", "Safe homes: ") + counts(rollUp.homes, unit: t("hộ được khảo sát", "households surveyed"))))
        out.append(line(t("Trường học an toàn: ", "Safe schools: ") + counts(rollUp.schools, unit: t("trường, nhóm, lớp", "schools and groups"))))
        // The local campaigns' reading of the safe-community standard (reported): all schools
        // pass, and more than 60% of households are safe homes. Compared exactly.
        if let homes = rollUp.homes.share {
            let holds = homes > (Rational(3, 5) ?? .one)
            out.append(line(t("Cách đọc của các chiến dịch địa phương (theo nguồn thứ cấp): trên 60% hộ đạt ngôi nhà an toàn: ",
                              "Local campaigns' reading (reported): more than 60% of households are safe homes: ")
                + (holds ? t("có", "yes") : t("chưa", "not yet")) + " (\(share(rollUp.homes)))"))
        }
        if rollUp.schools.assessed > 0 {
            let holds = rollUp.schools.passed == rollUp.schools.assessed
            out.append(line(t("Cách đọc của các chiến dịch địa phương (theo nguồn thứ cấp): 100% trường đạt trường học an toàn: ",
                              "Local campaigns' reading (reported): 100% of schools pass the safe-school criteria: ")
                + (holds ? t("có", "yes") : t("chưa", "not yet")) + " (\(share(rollUp.schools)))"))
        }
        if let (decision, reference) = community {
            let standard = reference.standard
            out.append(heading(t("Cộng đồng an toàn", "Safe community") + " (\(standard.id))"))
            var outcome = ReasonText.outcome(decision.outcome, kind: standard.kind)(l)
            if decision.provisional { outcome += t(" — TẠM THỜI", " — PROVISIONAL") }
            out.append(line(t("Kết quả: ", "Result: ") + outcome))
            for result in decision.criteria {
                let criterion = standard.criteria[result.criterion]
                let points = result.points.map { $0 > 0 ? t("đạt", "met") : t("chưa đạt", "not met") } ?? t("chưa chấm được", "not scored")
                let measures = decision.indicators[result.indicators].compactMap { r in
                    r.measure.map { ReasonText.measure($0, indicator: criterion.indicators[r.indicator], language: l) }
                }.joined(separator: "; ")
                out.append(line("\(criterion.number). \(criterion.name(l)): \(points)" + (measures.isEmpty ? "" : " (\(measures))")))
            }
            let rolled = standard.facts.indices.filter { standard.facts[$0].rollUp != nil && decision.sources.indices.contains($0)
                && decision.sources[$0]?.document?.hasPrefix("Tổng hợp") == true }
            if !rolled.isEmpty {
                out.append(line(t("Tính từ kết quả khảo sát hộ gia đình và trường học: ", "Computed from the household and school results: ")
                    + rolled.map { standard.facts[$0].id }.joined(separator: ", ")))
            }
            if !decision.missing.isEmpty {
                out.append(line(t("Còn thiếu: ", "Still missing: ")
                    + decision.missing.map { ReasonText.missingID($0, standard: standard) }.joined(separator: ", ")))
            }
        }
        if let (decision, reference) = commune {
            let standard = reference.standard
            out.append(heading(t("Xã, phường phù hợp với trẻ em", "Child-friendly commune") + " (\(standard.id))"))
            var outcome = ReasonText.outcome(decision.outcome, kind: standard.kind)(l)
            if decision.provisional { outcome += t(" — TẠM THỜI", " — PROVISIONAL") }
            let total = decision.total.map { "\($0)/\(decision.maximum)" } ?? "\(decision.lowestTotal)–\(decision.highestTotal)/\(decision.maximum)"
            out.append(line(t("Kết quả: ", "Result: ") + outcome + t(", tổng điểm ", ", total ") + total))
            out.append(line(t("Các tỷ lệ trên được trình bày bên cạnh, không tính vào điểm của xã: bảng điểm chính thức không nói tiêu chí 5 có tính ngôi nhà an toàn hay trường học an toàn hay không.",
                              "The shares above are shown beside it and do not change its score: the official table does not say whether criterion 5 counts safe homes or safe schools.")))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
