/// A reference to one value in a standard, for the audit and for a decision's provisional list.
public enum ValueReference: Sendable, Hashable {
    case standard
    case effective
    case standardMaximum
    case noZeroCriterion
    case mandatoryItems
    case minimumShare
    case allMandatory
    case notApplicable
    case threshold(unitClass: Int)
    case mandatoryThreshold(unitClass: Int)
    case classRule(Int)
    case veto(Int)
    case criterion(Int)
    case criterionMaximum(Int)
    case indicator(criterion: Int, indicator: Int)
    case activityPoints(criterion: Int, indicator: Int)
    case itemMandatory(criterion: Int, indicator: Int)
    case per(criterion: Int, indicator: Int)
    case band(criterion: Int, indicator: Int, band: Int)
    case zeroDenominator(criterion: Int, indicator: Int)
    case sampleMinimum(criterion: Int, indicator: Int, sample: Int)
    case target(Int)
}

/// A value of a standard described for people: where it is, what it is, how well it is known.
public struct ValueDescription: Sendable {
    public var reference: ValueReference
    /// A dotted path such as `c02.1.bands[1]`.
    public var path: String
    /// The value as written, such as `>= 98% and < 100% → 40`.
    public var value: String
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?
}

extension Standard {
    /// Every value of the standard, in reading order.
    public var allValues: [ValueReference] {
        var refs: [ValueReference] = [.standard, .effective, .standardMaximum]
        // A checklist states no no-zero rule unless it has one (the safe-community standard).
        if kind == .points || recognition.noZeroCriterion.value { refs.append(.noZeroCriterion) }
        if mandatoryItems != nil { refs.append(.mandatoryItems) }
        if recognition.minimumShare != nil { refs.append(.minimumShare) }
        if recognition.allMandatory != nil { refs.append(.allMandatory) }
        if recognition.notApplicable != nil { refs.append(.notApplicable) }
        for (k, unitClass) in recognition.classes.enumerated() {
            refs.append(.threshold(unitClass: k))
            if unitClass.mandatoryThreshold != nil { refs.append(.mandatoryThreshold(unitClass: k)) }
        }
        refs += recognition.classRules.indices.map { .classRule($0) }
        refs += recognition.vetoes.indices.map { .veto($0) }
        for (c, criterion) in criteria.enumerated() {
            refs += [.criterion(c), .criterionMaximum(c)]
            for (i, indicator) in criterion.indicators.enumerated() {
                refs.append(.indicator(criterion: c, indicator: i))
                switch indicator.scoring {
                case .activity:
                    refs.append(.activityPoints(criterion: c, indicator: i))
                case .item:
                    refs.append(.itemMandatory(criterion: c, indicator: i))
                case .count(_, let bands):
                    refs += bands.indices.map { .band(criterion: c, indicator: i, band: $0) }
                case .ratio(let ratio):
                    if ratio.per != nil { refs.append(.per(criterion: c, indicator: i)) }
                    refs += ratio.bands.indices.map { .band(criterion: c, indicator: i, band: $0) }
                    if ratio.ifDenominatorZero != nil { refs.append(.zeroDenominator(criterion: c, indicator: i)) }
                    refs += ratio.minimumSample.indices.map {
                        .sampleMinimum(criterion: c, indicator: i, sample: $0)
                    }
                }
            }
        }
        refs += targets.indices.map { .target($0) }
        return refs
    }

    /// The provenance of one value.
    public func provenance(of reference: ValueReference) -> Provenance {
        describe(reference).provenance
    }

    /// Describes one value: its path, its value as written, its mark and citation.
    public func describe(_ reference: ValueReference, language l: Language = .vi) -> ValueDescription {
        func make(_ path: String, _ value: String, _ p: Provenance, _ citation: String?, _ note: LocalizedText?)
            -> ValueDescription
        {
            ValueDescription(reference: reference, path: path, value: value, provenance: p, citation: citation, note: note)
        }
        switch reference {
        case .standard:
            return make(id, title(l), provenance, citation, nil)
        case .effective:
            let to = effective.value.to.map { " → \($0)" } ?? " →"
            return make("\(id).effective", "\(effective.value.from)\(to)", effective.provenance,
                        effective.citation, effective.note)
        case .standardMaximum:
            return make("\(id).maximum", "\(maximum.value)", maximum.provenance, maximum.citation, maximum.note)
        case .noZeroCriterion:
            let rule = recognition.noZeroCriterion
            return make("\(id).recognition.noZeroCriterion", "\(rule.value)", rule.provenance, rule.citation, rule.note)
        case .mandatoryItems:
            guard let m = mandatoryItems else { break }
            return make("\(id).mandatoryItems", "\(m.value)", m.provenance, m.citation, m.note)
        case .minimumShare:
            guard let m = recognition.minimumShare else { break }
            return make("\(id).recognition.minimumShare", ">= \(DecimalText.plain(m.value.multiplied(by: 100), language: l))%",
                        m.provenance, m.citation, m.note)
        case .allMandatory:
            guard let m = recognition.allMandatory else { break }
            return make("\(id).recognition.allMandatory", "\(m.value)", m.provenance, m.citation, m.note)
        case .notApplicable:
            guard let m = recognition.notApplicable else { break }
            let text = m.value ? (l == .vi ? "không tính vào cả số đạt lẫn tổng số" : "excluded from count and base")
                : (l == .vi ? "tính như chưa đạt" : "counted as not met")
            return make("\(id).recognition.notApplicable", text, m.provenance, m.citation, m.note)
        case .threshold(let k):
            let unitClass = recognition.classes[k]
            return make("\(id).recognition.classes.\(unitClass.id).threshold", ">= \(unitClass.threshold.value)",
                        unitClass.threshold.provenance, unitClass.threshold.citation, unitClass.threshold.note)
        case .mandatoryThreshold(let k):
            let unitClass = recognition.classes[k]
            guard let m = unitClass.mandatoryThreshold else { break }
            return make("\(id).recognition.classes.\(unitClass.id).mandatoryThreshold", ">= \(m.value)",
                        m.provenance, m.citation, m.note)
        case .veto(let v):
            let veto = recognition.vetoes[v]
            return make("\(id).recognition.vetoes.\(veto.id)", veto.name(l), veto.provenance, veto.citation, veto.note)
        case .itemMandatory(let c, let i):
            let indicator = criteria[c].indicators[i]
            guard let item = indicator.item else { break }
            let m = item.mandatory
            return make("\(indicator.id).mandatory", "\(m.value)", m.provenance, m.citation, m.note)
        case .classRule(let r):
            let rule = recognition.classRules[r]
            return make("\(id).recognition.classRules[\(r)]", classRuleText(r), rule.provenance, rule.citation, rule.note)
        case .criterion(let c):
            let criterion = criteria[c]
            return make(criterion.id, criterion.name(l), criterion.provenance, criterion.citation, criterion.note)
        case .criterionMaximum(let c):
            let m = criteria[c].maximum
            return make("\(criteria[c].id).maximum", "\(m.value)", m.provenance, m.citation, m.note)
        case .indicator(let c, let i):
            let indicator = criteria[c].indicators[i]
            return make(indicator.id, indicator.name(l), indicator.provenance, indicator.citation, indicator.note)
        case .activityPoints(let c, let i):
            let indicator = criteria[c].indicators[i]
            guard case .activity(_, let points) = indicator.scoring else { break }
            return make("\(indicator.id).points", "\(points.value)", points.provenance, points.citation, points.note)
        case .per(let c, let i):
            let indicator = criteria[c].indicators[i]
            guard case .ratio(let ratio) = indicator.scoring, let per = ratio.per else { break }
            return make("\(indicator.id).per", "\(per.value)", per.provenance, per.citation, per.note)
        case .band(let c, let i, let b):
            let indicator = criteria[c].indicators[i]
            guard indicator.bands.indices.contains(b) else { break }
            let band = indicator.bands[b]
            return make("\(indicator.id).bands[\(b)]", "\(band.rangeText(percent: indicator.isRate, language: l)) → \(band.points)",
                        band.provenance, band.citation, band.note)
        case .zeroDenominator(let c, let i):
            let indicator = criteria[c].indicators[i]
            guard case .ratio(let ratio) = indicator.scoring, let rule = ratio.ifDenominatorZero else { break }
            let text: String
            switch rule.value {
            case .points(let p): text = "\(p)"
            case .undetermined: text = l == .vi ? "chưa chấm được" : "undetermined"
            }
            return make("\(indicator.id).ifDenominatorZero", text, rule.provenance, rule.citation, rule.note)
        case .target(let k):
            let target = targets[k]
            return make("\(id).targets.\(target.id)", "\(target.year): >= \(DecimalText.plain(target.share.value.multiplied(by: 100), language: l))%",
                        target.share.provenance, target.share.citation, target.share.note)
        case .sampleMinimum(let c, let i, let k):
            let indicator = criteria[c].indicators[i]
            guard case .ratio(let ratio) = indicator.scoring, ratio.minimumSample.indices.contains(k) else { break }
            let sample = ratio.minimumSample[k]
            return make("\(indicator.id).minimumSample[\(k)]", "\(facts[sample.fact].id) >= \(sample.atLeast)",
                        sample.provenance, sample.citation, sample.note)
        }
        return make("?", "?", .provisional, nil, nil)
    }

    /// A class rule written out, such as `phuong + centralCity → urban-ward`.
    public func classRuleText(_ r: Int) -> String {
        let rule = recognition.classRules[r]
        var parts: [String] = []
        if !rule.unitTypes.isEmpty { parts.append(rule.unitTypes.map(\.rawValue).joined(separator: "|")) }
        for (a, value) in rule.attributes {
            parts.append(value ? attributes[a].id : "!\(attributes[a].id)")
        }
        let condition = parts.isEmpty ? "*" : parts.joined(separator: " + ")
        return "\(condition) → \(recognition.classes[rule.unitClass].id)"
    }
}

extension Band {
    /// The band's range written with comparison signs, such as `>= 98% and < 100%`.
    public func rangeText(percent: Bool, language: Language = .en) -> String {
        TextBytes.text(capacity: 40) { writeRange(percent: percent, language: language, into: &$0) }
    }

    /// Writes `rangeText(percent:language:)`: every indicator reason of a decision shows its
    /// band's range.
    public func writeRange<Sink: TextSink & ~Copyable>(percent: Bool, language: Language, into text: inout Sink) {
        guard lower != nil || upper != nil else {
            text.write("*")
            return
        }
        func show(_ r: Rational, _ text: inout Sink) {
            text.write(DecimalText.plain(percent ? r.multiplied(by: 100) : r, language: language))
            if percent { text.write("%") }
        }
        if let lower {
            if lower.inclusive { text.write(">= ") } else { text.write("> ") }
            show(lower.value, &text)
        }
        if let upper {
            if lower != nil { text.write(", ") }
            if upper.inclusive { text.write("<= ") } else { text.write("< ") }
            show(upper.value, &text)
        }
    }
}

