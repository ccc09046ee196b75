import PhuhopCore

/// Renders a comparison of two standards over the same units: each unit whose outcome or total
/// changes, then who gains and loses recognition and which clauses caused it.
public struct CompareReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public let format: Format
    public let language: Language
    public let baseline: StandardReference
    public let variant: StandardReference

    public init(format: Format, language: Language, baseline: StandardReference, variant: StandardReference) {
        self.format = format
        self.language = language
        self.baseline = baseline
        self.variant = variant
    }

    /// One changed unit, as a block of text or a JSON object.
    public func unit(_ c: UnitComparison, first: Bool) -> String {
        let l = language
        let vi = l == .vi
        let b = baseline.standard
        let v = variant.standard
        let absent = vi ? "không có" : "absent"
        let criteria = c.criteriaChanges.map { change in
            "\(change.id) \(change.inBaseline ? change.from.map(String.init) ?? "?" : absent) → "
                + (change.inVariant ? change.to.map(String.init) ?? "?" : absent)
        }
        let oldKeys = Set(c.baseline.decisiveReasons.map { ReasonText.key($0, standard: b) })
        let newKeys = Set(c.variant.decisiveReasons.map { ReasonText.key($0, standard: v) })
        let indicators = c.indicatorChanges.map { change -> (id: String, text: String, citation: String?) in
            guard let place = change.variant else {
                let citation = change.baseline.flatMap { b.criteria[$0.criterion].indicators[$0.indicator].citation }
                return (change.id, vi ? "Chỉ tiêu \(change.id) không còn trong bản so sánh." : "Indicator \(change.id) is not in the variant.",
                        citation)
            }
            let r = c.result(c.variant, place)
            let reason = Reason(r.status == .activity(true) ? .activityMet : .bandMatched,
                                .indicator(criterion: place.criterion, indicator: place.indicator))
            let added = change.baseline == nil ? (vi ? " (chỉ tiêu mới trong bản so sánh)" : " (new in the variant)") : ""
            return (change.id, ReasonText.text(reason, decision: c.variant, standard: v, language: l) + added,
                    ReasonText.citation(reason, decision: c.variant, standard: v))
        }
        let distance = DistanceToRecognition(c.variant, standard: v).map { d in
            d.plan.map { DistanceText.brief($0, standard: v) } ?? "—"
        }
        if format == .json {
            let object = JSONValue.object([
                ("unit", .string(c.baseline.unit.id)), ("name", .string(c.baseline.unit.name)),
                ("province", .string(c.baseline.unit.province)),
                ("outcome", .object([("baseline", .string(c.baseline.outcome.rawValue)), ("variant", .string(c.variant.outcome.rawValue))])),
                ("total", .object([("baseline", .int(c.baseline.total)), ("variant", .int(c.variant.total))])),
                ("criteria", .array(c.criteriaChanges.map { change in
                    .object([("id", .string(change.id)), ("baseline", .int(change.from)), ("variant", .int(change.to)),
                             ("inBaseline", .bool(change.inBaseline)), ("inVariant", .bool(change.inVariant))])
                })),
                ("reasonsOnlyInBaseline", .array(oldKeys.subtracting(newKeys).sorted().map { .string($0) })),
                ("reasonsOnlyInVariant", .array(newKeys.subtracting(oldKeys).sorted().map { .string($0) })),
                ("indicators", .array(indicators.map { .object([("id", .string($0.id)), ("text", .string($0.text)), ("citation", .string($0.citation))]) })),
                ("toRecognizeUnderVariant", .string(distance)),
            ])
            return (first ? "\n    " : ",\n    ") + object.rendered(pretty: false)
        }
        let md = format == .markdown
        var lines = [(md ? "### " : "") + "\(c.baseline.unit.name) (\(c.baseline.unit.id), \(c.baseline.unit.province))"]
        let total = { (d: Decision) in d.total.map(String.init) ?? "?" }
        lines.append((md ? "- " : "  ") + (vi ? "Kết luận" : "Outcome") + ": \(c.baseline.outcome.rawValue) → \(c.variant.outcome.rawValue); "
                     + (vi ? "tổng điểm" : "total") + ": \(total(c.baseline)) → \(total(c.variant))")
        if !criteria.isEmpty { lines.append((md ? "- " : "  ") + (vi ? "Tiêu chí" : "Criteria") + ": " + criteria.joined(separator: ", ")) }
        for key in oldKeys.subtracting(newKeys).sorted() { lines.append((md ? "- " : "  ") + "− \(key)") }
        for key in newKeys.subtracting(oldKeys).sorted() { lines.append((md ? "- " : "  ") + "+ \(key)") }
        for i in indicators {
            lines.append((md ? "- " : "  ") + i.text + (i.citation.map { (vi ? " Căn cứ: " : " Source: ") + $0 } ?? ""))
        }
        if let distance {
            lines.append((md ? "- " : "  ") + (vi ? "Để được công nhận theo bản so sánh: " : "To be recognised under the variant: ") + distance)
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// What opens the output, before the changed units.
    public var opening: String {
        let vi = language == .vi
        switch format {
        case .json: return "{\n  \"baseline\": \(JSONValue.object([("id", .string(baseline.standard.id)), ("hash", .string(baseline.hash))]).rendered(pretty: false)),\n  \"variant\": \(JSONValue.object([("id", .string(variant.standard.id)), ("hash", .string(variant.hash))]).rendered(pretty: false)),\n  \"units\": ["
        case .text, .markdown:
            let head = vi ? "So sánh \(baseline.standard.id) với \(variant.standard.id)" : "Comparing \(baseline.standard.id) with \(variant.standard.id)"
            let changed = vi ? "Các đơn vị thay đổi kết luận hoặc tổng điểm" : "Units whose outcome or total changes"
            return format == .markdown ? "# \(head)\n\n## \(changed)\n\n" : "\(head.uppercased())\n\n\(changed):\n\n"
        }
    }

    /// The aggregate, and what closes the output.
    public func closing(_ s: ComparisonSummary) -> String {
        let vi = language == .vi
        let causes = s.causes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if format == .json {
            func split(_ map: [String: (gains: Int, losses: Int)]) -> JSONValue {
                .object(map.sorted { $0.key < $1.key }.map { ($0.key, .object([("gains", .int(Int64($0.value.gains))), ("losses", .int(Int64($0.value.losses)))])) })
            }
            let summary = JSONValue.object([
                ("units", .int(Int64(s.units))), ("changed", .int(Int64(s.changed))),
                ("gains", .int(Int64(s.gains))), ("losses", .int(Int64(s.losses))),
                ("byClass", split(s.byClass)), ("byProvince", split(s.byProvince)),
                ("causes", .array(causes.map { .object([("indicator", .string($0.key)), ("flips", .int(Int64($0.value)))]) })),
            ])
            return "\n  ],\n  \"summary\": " + summary.rendered().replacingNewlines(with: "\n  ") + "\n}\n"
        }
        let md = format == .markdown
        var out = [(md ? "## " : "") + (vi ? "Tổng hợp" : "Summary")]
        out.append((md ? "- " : "") + (vi ? "Số đơn vị: \(s.units); thay đổi: \(s.changed)" : "Units: \(s.units); changed: \(s.changed)"))
        out.append((md ? "- " : "") + (vi ? "Được công nhận thêm: \(s.gains); mất công nhận: \(s.losses)" : "Gain recognition: \(s.gains); lose it: \(s.losses)"))
        for (title, map) in [(vi ? "Theo nhóm đơn vị" : "By class", s.byClass), (vi ? "Theo tỉnh" : "By province", s.byProvince)] where !map.isEmpty {
            out.append("")
            out.append((md ? "### " : "") + title)
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                out.append((md ? "- " : "  ") + "\(key): +\(value.gains) / −\(value.losses)")
            }
        }
        if !causes.isEmpty {
            out.append("")
            out.append((md ? "### " : "") + (vi ? "Chỉ tiêu gây thay đổi kết luận nhiều nhất" : "Clauses behind most flips"))
            for (id, count) in causes.prefix(10) {
                let citation = variant.standard.criteria.flatMap(\.indicators).first { $0.id == id }?.citation ?? ""
                out.append((md ? "- " : "  ") + "\(id): \(count) — \(citation)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
