/// Checks a standard's definition before any evidence is read: band tables with gaps or
/// overlaps, points above a maximum, maxima that do not add up, duplicate ids, missing citations.
public enum StandardLint {
    /// One problem, about one value of the standard.
    public struct Problem: Sendable {
        public var subject: ValueReference
        public var message: LocalizedText
    }

    /// Every problem in the standard; empty when it is sound.
    public static func problems(in standard: Standard) -> [Problem] {
        var out: [Problem] = []
        func add(_ subject: ValueReference, _ vi: String, _ en: String) {
            out.append(Problem(subject: subject, message: LocalizedText(vi: vi, en: en)))
        }

        duplicates(standard.criteria.map(\.id)).forEach { id in
            if let c = standard.criteria.lastIndex(where: { $0.id == id }) {
                add(.criterion(c), "mã tiêu chí “\(id)” bị trùng", "duplicate criterion id “\(id)”")
            }
        }
        let indicatorIDs = standard.criteria.flatMap { $0.indicators.map(\.id) }
        for id in duplicates(indicatorIDs) {
            // Report the repeat, not the first use, which is where the id belongs.
            for (c, criterion) in standard.criteria.enumerated().reversed() {
                if let i = criterion.indicators.lastIndex(where: { $0.id == id }) {
                    add(.indicator(criterion: c, indicator: i), "mã chỉ tiêu “\(id)” bị trùng",
                        "duplicate indicator id “\(id)”")
                    break
                }
            }
        }
        for id in duplicates(standard.recognition.classes.map(\.id)) {
            add(.standard, "mã nhóm đơn vị “\(id)” bị trùng", "duplicate class id “\(id)”")
        }
        for id in duplicates(standard.attributes.map(\.id)) {
            add(.standard, "mã thuộc tính “\(id)” bị trùng", "duplicate attribute id “\(id)”")
        }

        let sum = standard.criteria.reduce(0) { $0 + $1.maximum.value }
        if sum != standard.maximum.value {
            add(.standardMaximum, "tổng điểm tối đa các tiêu chí là \(sum), khác tổng khai báo \(standard.maximum.value)",
                "the criteria maxima add up to \(sum), not the declared \(standard.maximum.value)")
        }
        for (k, unitClass) in standard.recognition.classes.enumerated() where unitClass.threshold.value > standard.maximum.value {
            add(.threshold(unitClass: k), "ngưỡng \(unitClass.threshold.value) vượt tổng điểm tối đa",
                "threshold \(unitClass.threshold.value) is above the maximum total")
        }
        // Rules on unit types alone cover a standard whose units are all of those types.
        let coveredTypes = Set(standard.recognition.classRules.filter(\.attributes.isEmpty).flatMap(\.unitTypes))
        let everyTypeCovered = !standard.unitTypes.isEmpty && Set(standard.unitTypes).isSubset(of: coveredTypes)
        if let last = standard.recognition.classRules.last, !(last.unitTypes.isEmpty && last.attributes.isEmpty),
           !everyTypeCovered {
            add(.classRule(standard.recognition.classRules.count - 1),
                "quy tắc cuối cùng nên áp dụng cho mọi đơn vị (when: {}), để đơn vị nào cũng có nhóm",
                "the last class rule should hold for every unit (when: {}), so that every unit gets a class")
        }

        for (c, criterion) in standard.criteria.enumerated() {
            let maximum = criterion.maximum.value
            for (i, indicator) in criterion.indicators.enumerated() {
                let here = ValueReference.indicator(criterion: c, indicator: i)
                if indicator.maximumPoints > maximum {
                    add(here, "chỉ tiêu \(indicator.id) cho tới \(indicator.maximumPoints) điểm, vượt tối đa \(maximum) của tiêu chí",
                        "indicator \(indicator.id) gives up to \(indicator.maximumPoints) points, above the criterion maximum \(maximum)")
                }
                for (b, band) in indicator.bands.enumerated() where band.points < 0 {
                    out.append(Problem(subject: .band(criterion: c, indicator: i, band: b), message: LocalizedText(
                        vi: "\(indicator.id): điểm của dải không được âm (\(band.points))",
                        en: "\(indicator.id): a band's points cannot be negative (\(band.points))")))
                }
                if case .ratio(let ratio) = indicator.scoring {
                    for (k, sample) in ratio.minimumSample.enumerated() where sample.atLeast < 1 {
                        out.append(Problem(subject: .sampleMinimum(criterion: c, indicator: i, sample: k), message: LocalizedText(
                            vi: "\(indicator.id): cỡ mẫu tối thiểu phải từ 1 trở lên (\(sample.atLeast))",
                            en: "\(indicator.id): a minimum sample must be at least 1 (\(sample.atLeast))")))
                    }
                }
                switch indicator.scoring {
                case .activity, .item:
                    break
                case .count(_, let bands):
                    out += coverage(bands, integers: true, upperLimit: nil, c: c, i: i, id: indicator.id)
                case .ratio(let ratio):
                    out += coverage(bands: ratio, c: c, i: i, id: indicator.id)
                    if case .counts = ratio.source, ratio.ifDenominatorZero == nil {
                        add(here, "chỉ tiêu \(indicator.id) thiếu quy tắc khi mẫu số bằng 0 (ifDenominatorZero)",
                            "indicator \(indicator.id) lacks a rule for a zero denominator (ifDenominatorZero)")
                    }
                }
            }
            let reachable = criterion.indicators.reduce(0) { $0 + $1.maximumPoints }
            if reachable < maximum {
                add(.criterionMaximum(c), "các chỉ tiêu của \(criterion.id) chỉ đạt tối đa \(reachable), dưới \(maximum)",
                    "the indicators of \(criterion.id) reach at most \(reachable), below \(maximum)")
            }
        }

        out += checklistProblems(standard)

        for reference in standard.allValues {
            let description = standard.describe(reference)
            if description.citation?.isEmpty ?? true {
                add(reference, "thiếu trích dẫn pháp lý (citation) cho \(description.path)",
                    "missing legal citation for \(description.path)")
            }
        }
        return out
    }

    /// The checklist's declared counts against its items, and the rules that only make sense with items.
    private static func checklistProblems(_ standard: Standard) -> [Problem] {
        var out: [Problem] = []
        func add(_ subject: ValueReference, _ vi: String, _ en: String) {
            out.append(Problem(subject: subject, message: LocalizedText(vi: vi, en: en)))
        }
        let recognition = standard.recognition
        let items = standard.criteria.flatMap { $0.indicators.compactMap(\.item) }
        let mandatory = items.filter(\.mandatory.value).count
        if let declared = standard.mandatoryItems, declared.value != mandatory {
            add(.mandatoryItems, "có \(mandatory) tiêu chí bắt buộc, khác số khai báo \(declared.value)",
                "\(mandatory) items are mandatory, not the declared \(declared.value)")
        }
        if items.isEmpty, recognition.minimumShare != nil || recognition.allMandatory != nil || standard.mandatoryItems != nil {
            add(.standard, "quy tắc về tỷ lệ hoặc tiêu chí bắt buộc cần các tiêu chí dạng “item”",
                "share and mandatory rules need checklist items (kind: item)")
        }
        if items.contains(where: \.mayBeNotApplicable), recognition.notApplicable == nil {
            add(.standard, "có tiêu chí được phép “không áp dụng” nhưng thiếu quy tắc recognition.notApplicable",
                "some items may be not applicable but recognition.notApplicable is missing")
        }
        for (k, unitClass) in recognition.classes.enumerated() {
            if let m = unitClass.mandatoryThreshold, m.value > mandatory {
                add(.mandatoryThreshold(unitClass: k), "ngưỡng \(m.value) tiêu chí bắt buộc vượt số tiêu chí bắt buộc (\(mandatory))",
                    "a mandatory threshold of \(m.value) is above the number of mandatory items (\(mandatory))")
            }
        }
        for id in duplicates(recognition.vetoes.map(\.id)) {
            if let v = recognition.vetoes.lastIndex(where: { $0.id == id }) {
                add(.veto(v), "mã sự việc loại trừ “\(id)” bị trùng", "duplicate veto id “\(id)”")
            }
        }
        return out
    }

    private static func coverage(bands ratio: RatioScoring, c: Int, i: Int, id: String) -> [Problem] {
        coverage(ratio.bands, integers: false, upperLimit: ratio.per == nil ? .one : nil, c: c, i: i, id: id)
    }

    /// Checks that the bands cover [0, upperLimit] (or [0, ∞)) exactly once. Counts are whole
    /// numbers, so `atMost: 0` followed by `above: 0` leaves no gap there.
    private static func coverage(_ bands: [Band], integers: Bool, upperLimit: Rational?, c: Int, i: Int, id: String)
        -> [Problem]
    {
        var problems: [Problem] = []
        func add(_ b: Int, _ vi: String, _ en: String) {
            problems.append(Problem(subject: .band(criterion: c, indicator: i, band: b),
                                    message: LocalizedText(vi: "\(id): \(vi)", en: "\(id): \(en)")))
        }
        // Normalise each band to (lower, lowerInclusive, upper?, upperInclusive).
        typealias Edge = (value: Rational, inclusive: Bool)
        var ranges: [(b: Int, lower: Edge, upper: Edge?)] = []
        for (b, band) in bands.enumerated() {
            var lower: Edge = band.lower.map { ($0.value, $0.inclusive) } ?? (.zero, true)
            var upper: Edge? = band.upper.map { ($0.value, $0.inclusive) }
            if integers {
                if !lower.inclusive { lower = (Rational(integer: floor(lower.value) + 1), true) }
                if let u = upper, !u.inclusive { upper = (Rational(integer: ceil(u.value) - 1), true) }
            }
            if let u = upper, u.value < lower.value || (u.value == lower.value && !(u.inclusive && lower.inclusive)) {
                add(b, "dải rỗng", "empty band")
                continue
            }
            ranges.append((b, lower, upper))
        }
        ranges.sort { a, b in
            a.lower.value < b.lower.value || (a.lower.value == b.lower.value && a.lower.inclusive && !b.lower.inclusive)
        }
        var reached: Edge = (.zero, false)  // everything below `reached` is covered
        var first = true
        for range in ranges {
            let startsAfterGap: Bool
            if first {
                startsAfterGap = range.lower.value > .zero || !range.lower.inclusive
            } else if integers {
                startsAfterGap = range.lower.value > Rational(integer: floor(reached.value) + 1)
            } else {
                startsAfterGap = range.lower.value > reached.value
                    || (range.lower.value == reached.value && !range.lower.inclusive && !reached.inclusive)
            }
            let overlaps: Bool
            if first {
                overlaps = false
            } else if integers {
                overlaps = range.lower.value <= reached.value
            } else {
                overlaps = range.lower.value < reached.value
                    || (range.lower.value == reached.value && range.lower.inclusive && reached.inclusive)
            }
            if startsAfterGap { add(range.b, "có khoảng trống trước dải này", "gap before this band") }
            if overlaps { add(range.b, "dải này chồng lên dải trước", "this band overlaps the previous one") }
            first = false
            guard let upper = range.upper else {
                reached = (Rational(integer: Int64.max), true)
                continue
            }
            if upper.value > reached.value || (upper.value == reached.value && upper.inclusive) { reached = upper }
        }
        if let limit = upperLimit {
            if reached.value < limit || (reached.value == limit && !reached.inclusive) {
                add(max(bands.count - 1, 0), "các dải không phủ tới 100%", "the bands do not reach 100%")
            }
        } else if reached.value != Rational(integer: Int64.max) {
            add(max(bands.count - 1, 0), "dải cao nhất cần để mở phía trên", "the highest band must be open above")
        }
        return problems
    }

    private static func floor(_ r: Rational) -> Int64 {
        let q = r.numerator / r.denominator
        return (r.numerator % r.denominator != 0 && r.numerator < 0) ? q - 1 : q
    }

    private static func ceil(_ r: Rational) -> Int64 {
        let q = r.numerator / r.denominator
        return (r.numerator % r.denominator != 0 && r.numerator > 0) ? q + 1 : q
    }

    private static func duplicates(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        var repeated: [String] = []
        for id in ids where !seen.insert(id).inserted && !repeated.contains(id) { repeated.append(id) }
        return repeated
    }
}
