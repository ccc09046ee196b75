/// Words for reasons: codes for machines, sentences and citations for people.
///
/// Nothing here decides anything; it reads what the evaluation recorded in the decision.
public enum ReasonText {
    /// `code` or `code@target`, as golden cases and the JSON output name a reason.
    public static func key(_ reason: Reason, standard: Standard) -> String {
        guard let target = target(reason.subject, standard: standard) else { return reason.code.rawValue }
        return "\(reason.code.rawValue)@\(target)"
    }

    /// The id a reason is about, if it is about one thing.
    public static func target(_ subject: ReasonSubject, standard: Standard) -> String? {
        switch subject {
        case .decision, .classRule: nil
        case .criterion(let c): standard.criteria[c].id
        case .indicator(let c, let i): standard.criteria[c].indicators[i].id
        case .fact(let f): standard.facts[f].id
        case .attribute(let a): "unit.attributes.\(standard.attributes[a].id)"
        case .veto(let v): standard.recognition.vetoes[v].id
        }
    }

    /// The id of a missing item: a fact id or `unit.attributes.NAME`.
    public static func missingID(_ item: MissingItem, standard: Standard) -> String {
        switch item {
        case .fact(let f): standard.facts[f].id
        case .attribute(let a): "unit.attributes.\(standard.attributes[a].id)"
        case .vetoEvents: "vetoEvents"
        }
    }

    /// The name of a missing item.
    public static func missingName(_ item: MissingItem, standard: Standard) -> LocalizedText {
        switch item {
        case .fact(let f): standard.facts[f].name
        case .attribute(let a): standard.attributes[a].name
        case .vetoEvents: LocalizedText(vi: "Khai báo các sự việc loại trừ trong năm (kể cả khi không có)",
                                        en: "The year's veto events (declared even when there were none)")
        }
    }

    /// The outcome in words, in the terms of the standard's kind.
    public static func outcome(_ outcome: Outcome, kind: StandardKind = .points) -> LocalizedText {
        switch (kind, outcome) {
        case (.points, .recognized): LocalizedText(vi: "Đạt chuẩn, đủ điều kiện công nhận", en: "Recognised")
        case (.points, .notRecognized): LocalizedText(vi: "Không đạt chuẩn, không công nhận", en: "Not recognised")
        case (.checklist, .recognized): LocalizedText(vi: "Đạt", en: "Pass")
        case (.checklist, .notRecognized): LocalizedText(vi: "Chưa đạt", en: "Not yet passed")
        case (_, .undetermined): LocalizedText(vi: "Chưa đủ căn cứ để kết luận", en: "Undetermined: not enough evidence")
        }
    }

    /// The counts of a checklist in one line: "41 of 49 applicable items, needs 40; mandatory 24 of 25".
    public static func tally(_ t: ChecklistTally, language l: Language) -> String {
        var parts: [String] = []
        let base = t.notApplicable > 0
            ? (l == .vi ? "\(t.met)/\(t.applicable) tiêu chí áp dụng đạt (\(t.notApplicable) không áp dụng)"
                : "\(t.met) of \(t.applicable) applicable items met (\(t.notApplicable) not applicable)")
            : (l == .vi ? "\(t.met)/\(t.items) tiêu chí đạt" : "\(t.met) of \(t.items) items met")
        parts.append(base + (t.required.map { l == .vi ? ", cần \($0)" : ", needs \($0)" } ?? ""))
        if t.mandatory > 0 {
            let required = t.mandatoryRequired.map { l == .vi ? ", cần \($0)" : ", needs \($0)" } ?? ""
            parts.append(l == .vi ? "bắt buộc \(t.mandatoryMet)/\(t.mandatoryApplicable)\(required)"
                : "mandatory \(t.mandatoryMet) of \(t.mandatoryApplicable)\(required)")
        }
        if t.unanswered > 0 {
            parts.append(l == .vi ? "\(t.unanswered) tiêu chí chưa trả lời" : "\(t.unanswered) items unanswered")
        }
        return parts.joined(separator: "; ")
    }

    /// The legal clause behind a reason.
    public static func citation(_ reason: Reason, decision: Decision, standard: Standard) -> String? {
        let recognition = standard.recognition
        switch reason.code {
        case .classApplied:
            if case .classRule(let r) = reason.subject { return recognition.classRules[r].citation }
            return nil
        case .classUndetermined:
            return recognition.classRules.first?.citation
        case .allCriteriaAboveZero, .zeroCriterion:
            return recognition.noZeroCriterion.citation
        case .thresholdReached, .belowThreshold:
            if let k = decision.unitClass { return recognition.classes[k].threshold.citation }
            return recognition.classes.first { $0.threshold.value == decision.threshold }?.threshold.citation
        case .restsOnProvisional:
            return standard.citation
        case .shareReached, .shareBelow:
            return recognition.minimumShare?.citation
        case .allMandatoryMet:
            return recognition.allMandatory?.citation
        case .mandatoryItemNotMet:
            guard case .indicator(let c, let i) = reason.subject else { return recognition.allMandatory?.citation }
            let indicator = standard.criteria[c].indicators[i]
            return indicator.item?.mandatory.citation ?? indicator.citation ?? recognition.allMandatory?.citation
        case .mandatoryThresholdReached, .mandatoryBelowThreshold:
            let k = decision.unitClass ?? recognition.classes.firstIndex { $0.mandatoryThreshold != nil }
            return k.flatMap { recognition.classes[$0].mandatoryThreshold?.citation }
        case .noVetoEvent, .vetoesNotDeclared:
            return recognition.vetoes.first?.citation
        case .vetoEvent:
            if case .veto(let v) = reason.subject { return recognition.vetoes[v].citation }
            return nil
        case .itemMet, .itemNotMet, .itemNotApplicable:
            guard case .indicator(let c, let i) = reason.subject else { return nil }
            return standard.criteria[c].indicators[i].citation
        case .missingFact:
            if case .fact(let f) = reason.subject, let (c, i) = firstUse(of: f, standard: standard) {
                return standard.criteria[c].indicators[i].citation
            }
            return recognition.classRules.first?.citation
        case .insufficientSample, .bandMatched, .activityMet, .activityNotMet, .denominatorZero,
             .denominatorZeroUndetermined, .outsideBands:
            guard case .indicator(let c, let i) = reason.subject,
                  let result = indicatorResult(decision, c, i) else { return nil }
            let indicator = standard.criteria[c].indicators[i]
            switch (result.status, indicator.scoring) {
            case (.band(let b), .count(_, let bands)): return bands[b].citation
            case (.band(let b), .ratio(let ratio)): return ratio.bands[b].citation
            case (.activity(true), .activity(_, let points)): return points.citation ?? indicator.citation
            case (.denominatorZero, .ratio(let ratio)), (.denominatorZeroUndetermined, .ratio(let ratio)):
                return ratio.ifDenominatorZero?.citation
            case (.insufficientSample(let k), .ratio(let ratio)): return ratio.minimumSample[k].citation
            default: return indicator.citation
            }
        case .criterionCapped:
            if case .criterion(let c) = reason.subject { return standard.criteria[c].maximum.citation }
            return nil
        }
    }

    /// Writes `text(_:decision:standard:language:)`. Most of a decision's reasons are about an
    /// indicator's result, and those are written piece by piece; the others as their sentence.
    public static func write<Sink: TextSink & ~Copyable>(_ reason: Reason, decision: Decision, standard: Standard,
                                                         language l: Language, into text: inout Sink) {
        switch reason.code {
        case .bandMatched, .activityMet, .activityNotMet, .denominatorZero, .denominatorZeroUndetermined, .outsideBands:
            writeIndicatorReason(reason, decision, standard, l, into: &text)
        default:
            text.write(self.text(reason, decision: decision, standard: standard, language: l))
        }
    }

    /// The reason as a sentence.
    public static func text(_ reason: Reason, decision: Decision, standard: Standard, language l: Language) -> String {
        let recognition = standard.recognition
        switch reason.code {
        case .classApplied:
            guard case .classRule(let r) = reason.subject, let k = decision.unitClass else { return "" }
            let unitClass = recognition.classes[k]
            let rule = describeRule(r, decision.unit, standard: standard, language: l)
            if standard.kind == .checklist {
                let mandatory = unitClass.mandatoryThreshold.map {
                    l == .vi ? ", trong đó ít nhất \($0.value) tiêu chí bắt buộc" : ", including at least \($0.value) mandatory ones"
                } ?? ""
                return l == .vi
                    ? "Đơn vị thuộc nhóm “\(unitClass.name.vi)” (\(rule)); cần ít nhất \(unitClass.threshold.value) tiêu chí đạt\(mandatory)."
                    : "The unit is in the class “\(unitClass.name.en)” (\(rule)); it needs at least \(unitClass.threshold.value) items met\(mandatory)."
            }
            return l == .vi
                ? "Đơn vị thuộc nhóm “\(unitClass.name.vi)” (\(rule)); ngưỡng công nhận: từ \(unitClass.threshold.value) điểm trở lên."
                : "The unit is in the class “\(unitClass.name.en)” (\(rule)); recognition threshold: \(unitClass.threshold.value) points or more."
        case .classUndetermined:
            let names = decision.missing.compactMap { item -> String? in
                if case .attribute = item { return missingName(item, standard: standard)(l) }
                return nil
            }.joined(separator: ", ")
            return l == .vi
                ? "Chưa xác định được nhóm đơn vị (và ngưỡng điểm): cần ghi nhận thuộc tính \(names)."
                : "The unit's class (and threshold) cannot be derived: record the attribute(s) \(names)."
        case .allCriteriaAboveZero:
            return l == .vi
                ? "Cả \(standard.criteria.count) tiêu chí đều đạt trên 0 điểm."
                : "All \(standard.criteria.count) criteria score above 0 points."
        case .zeroCriterion:
            guard case .criterion(let c) = reason.subject else { return "" }
            let criterion = standard.criteria[c]
            return l == .vi
                ? "Tiêu chí \(criterion.number) “\(criterion.name.vi)” bị 0 điểm; đơn vị có tiêu chí bị 0 điểm thì không được công nhận."
                : "Criterion \(criterion.number) “\(criterion.name.en)” scores 0 points; a unit with a criterion at 0 is not recognised."
        case .thresholdReached where standard.kind == .checklist:
            guard let total = decision.total, let threshold = decision.threshold else { return "" }
            return l == .vi
                ? "Đạt \(total)/\(decision.maximum) tiêu chí, đủ mức tối thiểu \(threshold)."
                : "\(total) of \(decision.maximum) items met, at least the \(threshold) required."
        case .belowThreshold where standard.kind == .checklist:
            guard let threshold = decision.threshold else { return "" }
            if let total = decision.total {
                return l == .vi
                    ? "Đạt \(total)/\(decision.maximum) tiêu chí, dưới mức tối thiểu \(threshold): còn thiếu \(threshold - total) tiêu chí."
                    : "\(total) of \(decision.maximum) items met, below the \(threshold) required: \(threshold - total) short."
            }
            return l == .vi
                ? "Dù các tiêu chí chưa trả lời đều đạt, số tiêu chí đạt cao nhất là \(decision.highestTotal), dưới mức \(threshold)."
                : "Even if every unanswered item were met, at most \(decision.highestTotal) items would be, below the \(threshold) required."
        case .thresholdReached:
            guard let total = decision.total, let threshold = decision.threshold else { return "" }
            if decision.unitClass == nil {
                return l == .vi
                    ? "Tổng điểm \(total)/\(decision.maximum) đạt mọi ngưỡng có thể áp dụng cho đơn vị (cao nhất \(threshold) điểm), nên kết luận không phụ thuộc nhóm đơn vị."
                    : "The total of \(total)/\(decision.maximum) reaches every threshold that could apply to the unit (the highest is \(threshold)), so the outcome does not depend on its class."
            }
            return l == .vi
                ? "Tổng điểm \(total)/\(decision.maximum) đạt ngưỡng \(threshold) điểm."
                : "The total of \(total)/\(decision.maximum) reaches the threshold of \(threshold) points."
        case .belowThreshold:
            guard let threshold = decision.threshold else { return "" }
            if decision.unitClass == nil {
                return l == .vi
                    ? "Tổng điểm cao nhất có thể đạt (\(decision.highestTotal)) thấp hơn mọi ngưỡng có thể áp dụng cho đơn vị (thấp nhất \(threshold) điểm), nên kết luận không phụ thuộc nhóm đơn vị."
                    : "The highest possible total (\(decision.highestTotal)) is below every threshold that could apply to the unit (the lowest is \(threshold)), so the outcome does not depend on its class."
            }
            if let total = decision.total {
                return l == .vi
                    ? "Tổng điểm \(total)/\(decision.maximum) thấp hơn ngưỡng \(threshold): còn thiếu \(threshold - total) điểm."
                    : "The total of \(total)/\(decision.maximum) is below the threshold of \(threshold): \(threshold - total) points short."
            }
            return l == .vi
                ? "Dù bổ sung đủ dữ kiện, tổng điểm cao nhất có thể là \(decision.highestTotal), thấp hơn ngưỡng \(threshold)."
                : "Even with every missing fact, the highest possible total is \(decision.highestTotal), below the threshold of \(threshold)."
        case .missingFact:
            switch reason.subject {
            case .fact(let f):
                let fact = standard.facts[f]
                let users = indicatorsUsing(f, standard: standard).joined(separator: ", ")
                return l == .vi
                    ? "Thiếu dữ kiện “\(fact.name.vi)” (\(fact.id)), cần để chấm chỉ tiêu \(users)."
                    : "Missing fact “\(fact.name.en)” (\(fact.id)), needed to score indicator \(users)."
            case .attribute(let a):
                let attribute = standard.attributes[a]
                return l == .vi
                    ? "Thiếu thuộc tính đơn vị “\(attribute.name.vi)” (\(attribute.id)), cần để xác định nhóm đơn vị."
                    : "Missing unit attribute “\(attribute.name.en)” (\(attribute.id)), needed to derive the class."
            default:
                return ""
            }
        case .insufficientSample:
            guard case .indicator(let c, let i) = reason.subject, let result = indicatorResult(decision, c, i),
                  case .insufficientSample(let k) = result.status,
                  case .ratio(let ratio) = standard.criteria[c].indicators[i].scoring else { return "" }
            let sample = ratio.minimumSample[k]
            let fact = standard.facts[sample.fact]
            return l == .vi
                ? "Chỉ tiêu \(standard.criteria[c].indicators[i].id): mẫu khảo sát chưa đủ căn cứ (\(fact.name.vi) cần ít nhất \(sample.atLeast))."
                : "Indicator \(standard.criteria[c].indicators[i].id): the survey sample is not enough evidence (\(fact.name.en) must be at least \(sample.atLeast))."
        case .shareReached, .shareBelow:
            guard let t = decision.checklist, let share = recognition.minimumShare?.value else { return "" }
            let needed = "\(DecimalText.plain(share.multiplied(by: 100), language: l))%"
            let value = Rational(Int64(t.met), Int64(t.applicable)).map { " (\(percent($0, language: l)))" } ?? ""
            let na = t.notApplicable > 0
                ? (l == .vi ? "; \(t.notApplicable) tiêu chí không áp dụng không tính vào tổng số" : "; \(t.notApplicable) not-applicable items are left out of the base")
                : ""
            if reason.code == .shareReached {
                return l == .vi
                    ? "Đạt \(t.met) trên \(t.applicable) tiêu chí áp dụng\(value), đủ mức \(needed) (cần \(t.required ?? 0))\(na)."
                    : "\(t.met) of \(t.applicable) applicable items met\(value), at least \(needed) (needs \(t.required ?? 0))\(na)."
            }
            return l == .vi
                ? "Đạt \(t.met) trên \(t.applicable) tiêu chí áp dụng\(value), dưới mức \(needed) (cần \(t.required ?? 0))\(na)."
                : "\(t.met) of \(t.applicable) applicable items met\(value), below \(needed) (needs \(t.required ?? 0))\(na)."
        case .allMandatoryMet:
            let n = decision.checklist?.mandatoryApplicable ?? 0
            return l == .vi ? "Cả \(n) tiêu chí bắt buộc đều đạt." : "All \(n) mandatory items are met."
        case .mandatoryItemNotMet:
            guard case .indicator(let c, let i) = reason.subject else { return "" }
            let indicator = standard.criteria[c].indicators[i]
            return l == .vi
                ? "Tiêu chí bắt buộc \(indicator.id) “\(indicator.name.vi)” chưa đạt; mọi tiêu chí bắt buộc phải đạt."
                : "Mandatory item \(indicator.id) “\(indicator.name.en)” is not met; every mandatory item must be."
        case .mandatoryThresholdReached, .mandatoryBelowThreshold:
            guard let t = decision.checklist else { return "" }
            let needed = t.mandatoryRequired ?? 0
            if reason.code == .mandatoryThresholdReached {
                return l == .vi
                    ? "Đạt \(t.mandatoryMet) tiêu chí bắt buộc, đủ mức tối thiểu \(needed)."
                    : "\(t.mandatoryMet) mandatory items met, at least the \(needed) required."
            }
            return l == .vi
                ? "Chỉ đạt \(t.mandatoryMet) tiêu chí bắt buộc, dưới mức tối thiểu \(needed)."
                : "Only \(t.mandatoryMet) mandatory items met, below the \(needed) required."
        case .noVetoEvent:
            let n = recognition.vetoes.count
            return l == .vi
                ? "Trong năm không có sự việc nào thuộc \(n) trường hợp loại trừ."
                : "No event of the \(n) veto kinds happened in the year."
        case .vetoEvent:
            guard case .veto(let v) = reason.subject else { return "" }
            let events = (decision.vetoEvents ?? []).filter { $0.veto == v }.map { event in
                [event.date.map { l == .vi ? $0.vietnamese : $0.description }, event.description].compactMap { $0 }.joined(separator: ": ")
            }.filter { !$0.isEmpty }
            let detail = events.isEmpty ? "" : " (\(events.joined(separator: "; ")))"
            return l == .vi
                ? "Trong năm có sự việc “\(recognition.vetoes[v].name.vi)”\(detail); có sự việc này thì không đạt, dù các tiêu chí thế nào."
                : "An event of the kind “\(recognition.vetoes[v].name.en)” happened in the year\(detail); it fails the unit whatever its checklist says."
        case .vetoesNotDeclared:
            return l == .vi
                ? "Hồ sơ chưa khai báo các sự việc loại trừ trong năm (vetoEvents); cần khai báo, kể cả khi không có (vetoEvents: [])."
                : "The evidence does not declare the year's veto events (vetoEvents); declare them, even when there were none (vetoEvents: [])."
        case .itemMet, .itemNotMet, .itemNotApplicable:
            guard case .indicator(let c, let i) = reason.subject else { return "" }
            let indicator = standard.criteria[c].indicators[i]
            let answer: ItemAnswer = reason.code == .itemMet ? .dat : reason.code == .itemNotMet ? .chuaDat : .notApplicable
            let mandatory = indicator.item?.mandatory.value == true ? (l == .vi ? " (bắt buộc)" : " (mandatory)") : ""
            return "\(indicator.id)\(mandatory) “\(indicator.name(l))”: \(answer.name(l))."
        case .restsOnProvisional:
            let n = decision.provisionalValueCount
            return l == .vi
                ? "KẾT QUẢ TẠM THỜI: kết luận dựa trên giá trị tạm dùng, chưa đối chiếu với văn bản chính thức (danh sách \(n) giá trị tạm dùng đã sử dụng ở cuối)."
                : "PROVISIONAL: the outcome rests on working values not yet checked against the official text (the \(n) provisional values used are listed at the end)."
        case .bandMatched, .activityMet, .activityNotMet, .denominatorZero, .denominatorZeroUndetermined, .outsideBands:
            return TextBytes.text(capacity: 256) { writeIndicatorReason(reason, decision, standard, l, into: &$0) }
        case .criterionCapped:
            guard case .criterion(let c) = reason.subject else { return "" }
            let criterion = standard.criteria[c]
            return l == .vi
                ? "Tiêu chí \(criterion.number): tổng điểm các chỉ tiêu vượt mức tối đa, tính \(criterion.maximum.value) điểm."
                : "Criterion \(criterion.number): the indicators add up to more than the maximum; \(criterion.maximum.value) points counted."
        }
    }

    /// The reason for an indicator's result: most of a decision's reasons.
    private static func writeIndicatorReason<Sink: TextSink & ~Copyable>(
        _ reason: Reason, _ decision: Decision, _ standard: Standard, _ l: Language, into text: inout Sink
    ) {
        guard case .indicator(let c, let i) = reason.subject, let result = indicatorResult(decision, c, i) else { return }
        let code = reason.code
        let indicator = standard.criteria[c].indicators[i]
        let band: Band?
        switch code {
        case .activityMet, .activityNotMet, .denominatorZero, .denominatorZeroUndetermined, .outsideBands:
            band = nil
        default:
            guard case .band(let b) = result.status else { return }
            band = indicator.bands[b]
        }
        let scored: Int = result.points ?? 0
        text.write(indicator.id)
        text.write(" “")
        text.write(indicator.name(l))
        text.write("”: ")
        switch code {
        case .activityMet:
            if l == .vi { text.write("có → ") } else { text.write("yes → ") }
            text.write(scored)
        case .activityNotMet:
            if l == .vi { text.write("không → 0") } else { text.write("no → 0") }
        case .denominatorZero:
            text.write(l == .vi ? "mẫu số bằng 0 (" : "the denominator is zero (")
            if let m = result.measure { write(m, indicator: indicator, language: l, into: &text) }
            text.write(") → ")
            text.write(scored)
            text.write(l == .vi ? " điểm theo quy tắc khi mẫu số bằng 0." : " points by the zero-denominator rule.")
            return
        case .denominatorZeroUndetermined:
            text.write(l == .vi ? "mẫu số bằng 0 → chưa chấm được chỉ tiêu này." : "the denominator is zero → this indicator cannot be scored.")
            return
        case .outsideBands:
            text.write(l == .vi ? "giá trị " : "the value ")
            if let m = result.measure { write(m, indicator: indicator, language: l, into: &text) }
            text.write(l == .vi ? " không thuộc dải điểm nào (lỗi trong bảng điểm)." : " falls in no band (an error in the band table).")
            return
        default:
            if let m = result.measure { write(m, indicator: indicator, language: l, into: &text) }
            if let band {
                if l == .vi { text.write(" → dải ") } else { text.write(" → band ") }
                band.writeRange(percent: indicator.isRate, language: l, into: &text)
                text.write(" → ")
                text.write(band.points)
            }
        }
        text.write(l == .vi ? " điểm." : " points.")
    }

    /// A measured value for people: `118/120 = 98,3%`, `1/2.000 = 0,5 / 1.000`, `4,2%`, `có`.
    public static func measure(_ measure: Measure, indicator: Indicator, language l: Language) -> String {
        TextBytes.text(capacity: 48) { write(measure, indicator: indicator, language: l, into: &$0) }
    }

    /// Writes `measure(_:indicator:language:)`: each indicator's measure is shown in its criterion
    /// and again in its reason.
    public static func write<Sink: TextSink & ~Copyable>(_ measure: Measure, indicator: Indicator, language l: Language,
                                                         into text: inout Sink) {
        switch measure {
        case .flag(let held):
            text.write(held ? (l == .vi ? "có" : "yes") : (l == .vi ? "không" : "no"))
        case .answer(let answer):
            text.write(answer.name(l))
        case .count(let n):
            DecimalText.writeGrouped(n, language: l, into: &text)
        case .share(let share):
            text.write(percent(share, language: l))
        case .ratio(let numerator, let denominator, let value):
            DecimalText.writeGrouped(numerator, language: l, into: &text)
            text.write("/")
            DecimalText.writeGrouped(denominator, language: l, into: &text)
            guard denominator != 0 else { return }
            if case .ratio(let ratio) = indicator.scoring, let per = ratio.per {
                // Two decimals, unless rounding would hide a difference a band bound may turn on:
                // 1/1,999 per 1,000 is 0.50025, which must not read as 0.5.
                if value.multiplied(by: 100).isInteger {
                    text.write(" = ")
                    text.write(DecimalText.rounded(value, places: 2, language: l))
                } else {
                    text.write(" ≈ ")
                    text.write(DecimalText.rounded(value, places: 4, language: l))
                }
                text.write(" / ")
                DecimalText.writeGrouped(Int64(per.value), language: l, into: &text)
                return
            }
            text.write(" = ")
            text.write(percent(value, language: l))
        }
    }

    /// A fact's value for people: `1.450`, `có`, `4,2%`.
    public static func fact(_ value: FactValue, language l: Language) -> String {
        switch value {
        case .count(let n): DecimalText.grouped(n, language: l)
        case .boolean(let held): held ? (l == .vi ? "có" : "yes") : (l == .vi ? "không" : "no")
        case .share(let share): percent(share, language: l)
        case .answer(let answer): answer.name(l)
        }
    }

    /// Where a fact came from, in one line: document, date, who collected it.
    public static func source(_ source: FactSource) -> String {
        [source.document, source.date?.vietnamese, source.collectedBy, source.note].compactMap { $0 }.joined(separator: ", ")
    }

    /// A fraction of one in percent (see `DecimalText.percent`).
    public static func percent(_ fraction: Rational, language: Language) -> String {
        DecimalText.percent(fraction, language: language)
    }

    // MARK: helpers

    /// The result of indicator `i` of criterion `c` in the decision.
    public static func indicatorResult(_ decision: Decision, _ c: Int, _ i: Int) -> IndicatorResult? {
        let range = decision.criteria[c].indicators
        let index = range.lowerBound + i
        return range.contains(index) ? decision.indicators[index] : nil
    }

    private static func firstUse(of fact: Int, standard: Standard) -> (Int, Int)? {
        for (c, criterion) in standard.criteria.enumerated() {
            for (i, indicator) in criterion.indicators.enumerated() where indicator.facts.contains(fact) {
                return (c, i)
            }
        }
        return nil
    }

    private static func indicatorsUsing(_ fact: Int, standard: Standard) -> [String] {
        standard.criteria.flatMap { $0.indicators.filter { $0.facts.contains(fact) }.map(\.id) }
    }

    private static func describeRule(_ r: Int, _ unit: UnitInfo, standard: Standard, language l: Language) -> String {
        let rule = standard.recognition.classRules[r]
        var parts = [unit.unitType.name(l)]
        for (a, value) in rule.attributes {
            // Names start with a capital in the data; mid-sentence they read in lower case.
            let full = standard.attributes[a].name(l)
            let name = full.prefix(1).lowercased() + full.dropFirst()
            parts.append(value ? name : (l == .vi ? "không: \(name)" : "not: \(name)"))
        }
        if rule.attributes.isEmpty && rule.unitTypes.isEmpty {
            parts.append(l == .vi ? "các trường hợp còn lại" : "all other cases")
        }
        return parts.joined(separator: ", ")
    }
}
