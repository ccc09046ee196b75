/// One change to a standard's data, such as `c07.1.bands[0].atLeast=99%`, for what-if comparisons.
///
/// The path names one value: `<criterion>.maximum`, `<indicator>.points`, `<indicator>.per`,
/// `<indicator>.ifDenominatorZero`, `<indicator>.bands[i].atLeast|above|below|atMost|points`,
/// `<indicator>.minimumSample[k].atLeast`, `<standard>.maximum` or
/// `<standard>.recognition.classes.<class>.threshold`. Moving a band's bound also moves the
/// neighbouring band's bound that met it, so the table keeps no gap or overlap. An overridden
/// value becomes `provisional`: a draft is never presented as official.
public struct StandardOverride: Sendable, Equatable {
    public var path: String
    public var value: String

    /// Parses `PATH=VALUE`.
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        path = String(text[..<equals]).trimmingSpaces
        value = String(text[text.index(after: equals)...]).trimmingSpaces
        guard !path.isEmpty, !value.isEmpty else { return nil }
    }

    /// Why an override could not be applied.
    public struct Problem: Error, Sendable {
        public var override: String
        public var message: LocalizedText
    }

    /// Every path an override may name in this standard, for did-you-mean hints.
    public static func paths(in standard: Standard) -> [String] {
        var out = ["\(standard.id).maximum"] + standard.recognition.classes.map { "\(standard.id).recognition.classes.\($0.id).threshold" }
        for criterion in standard.criteria {
            out.append("\(criterion.id).maximum")
            for indicator in criterion.indicators {
                switch indicator.scoring {
                case .activity: out.append("\(indicator.id).points")
                case .item: break
                case .count, .ratio:
                    for (b, _) in indicator.bands.enumerated() {
                        out += ["atLeast", "above", "below", "atMost", "points"].map { "\(indicator.id).bands[\(b)].\($0)" }
                    }
                    if case .ratio(let ratio) = indicator.scoring {
                        if ratio.per != nil { out.append("\(indicator.id).per") }
                        if ratio.ifDenominatorZero != nil { out.append("\(indicator.id).ifDenominatorZero") }
                        out += ratio.minimumSample.indices.map { "\(indicator.id).minimumSample[\($0)].atLeast" }
                    }
                }
            }
        }
        return out
    }

    /// The standard with this override applied.
    public func apply(to standard: Standard) throws(Problem) -> Standard {
        var s = standard
        let note = LocalizedText(vi: "Giá trị thử nghiệm (--set \(path)=\(value)), không phải giá trị chính thức",
                                 en: "What-if value (--set \(path)=\(value)), not an official value")
        let citation = "--set \(path)=\(value)"
        func integer() throws(Problem) -> Int {
            guard let n = Int(value), n >= 0 else { throw fail("cần một số nguyên không âm", "expected a whole number, 0 or more") }
            return n
        }
        func draft(_ n: Int) -> Marked<Int> { Marked(n, provenance: .provisional, citation: citation, note: note) }

        if path == "\(s.id).maximum" {
            s.maximum = draft(try integer())
            return s
        }
        let classPrefix = "\(s.id).recognition.classes."
        if path.hasPrefix(classPrefix), path.hasSuffix(".threshold") {
            let id = String(path.dropFirst(classPrefix.count).dropLast(".threshold".count))
            guard let k = s.recognition.classes.firstIndex(where: { $0.id == id }) else { throw unknownPath(standard) }
            s.recognition.classes[k].threshold = draft(try integer())
            return s
        }
        for (c, criterion) in s.criteria.enumerated() {
            if path == "\(criterion.id).maximum" {
                s.criteria[c].maximum = draft(try integer())
                return s
            }
            for (i, indicator) in criterion.indicators.enumerated() {
                let prefix = indicator.id + "."
                guard path.hasPrefix(prefix) else { continue }
                let rest = String(path.dropFirst(prefix.count))
                s.criteria[c].indicators[i] = try apply(rest, to: indicator, integer: integer, draft: draft, citation: citation,
                                                        note: note, standard: standard)
                return s
            }
        }
        throw unknownPath(standard)
    }

    private func apply(_ rest: String, to indicator: Indicator, integer: () throws(Problem) -> Int,
                       draft: (Int) -> Marked<Int>, citation: String, note: LocalizedText, standard: Standard)
        throws(Problem) -> Indicator
    {
        var indicator = indicator
        switch (rest, indicator.scoring) {
        case ("points", .activity(let fact, _)):
            indicator.scoring = .activity(fact: fact, points: draft(try integer()))
            return indicator
        case ("per", .ratio(var ratio)) where ratio.per != nil:
            guard let n = Int(value), n >= 1 else { throw fail("cần một số nguyên dương", "expected a whole number, 1 or more") }
            ratio.per = draft(n)
            indicator.scoring = .ratio(ratio)
            return indicator
        case ("ifDenominatorZero", .ratio(var ratio)) where ratio.ifDenominatorZero != nil:
            let rule: ZeroDenominatorRule = value == "undetermined" ? .undetermined : .points(try integer())
            ratio.ifDenominatorZero = Marked(rule, provenance: .provisional, citation: citation, note: note)
            indicator.scoring = .ratio(ratio)
            return indicator
        default:
            break
        }
        if rest.hasPrefix("minimumSample["), case .ratio(var ratio) = indicator.scoring,
           let (k, field) = StandardOverride.index(rest, "minimumSample"), field == "atLeast",
           ratio.minimumSample.indices.contains(k) {
            ratio.minimumSample[k].atLeast = Int64(try integer())
            ratio.minimumSample[k].provenance = .provisional
            ratio.minimumSample[k].citation = citation
            ratio.minimumSample[k].note = note
            indicator.scoring = .ratio(ratio)
            return indicator
        }
        guard rest.hasPrefix("bands["), let (b, field) = StandardOverride.index(rest, "bands"),
              indicator.bands.indices.contains(b) else { throw unknownPath(standard) }
        var bands = indicator.bands
        switch field {
        case "points":
            bands[b].points = try integer()
        case "atLeast", "above", "below", "atMost":
            let text = Substring(value)
            let parsed = indicator.isRate ? (value.hasSuffix("%") ? Rational(percent: text) : nil) : Rational(decimal: text)
            guard let bound = parsed else {
                throw indicator.isRate ? fail("cần một tỷ lệ phần trăm như 99%", "expected a percentage such as 99%")
                                       : fail("cần một số thập phân như 0.5", "expected a decimal number such as 0.5")
            }
            let isLower = field == "atLeast" || field == "above"
            let new = Bound(bound, inclusive: field == "atLeast" || field == "atMost")
            let old = isLower ? bands[b].lower : bands[b].upper
            if isLower { bands[b].lower = new } else { bands[b].upper = new }
            // The neighbour whose bound met the old one moves with it, complementing inclusiveness.
            if let old {
                for n in bands.indices where n != b {
                    if isLower, let upper = bands[n].upper, upper.value == old.value, upper.inclusive != old.inclusive {
                        bands[n].upper = Bound(bound, inclusive: !new.inclusive)
                        mark(&bands[n], citation, note)
                    } else if !isLower, let lower = bands[n].lower, lower.value == old.value, lower.inclusive != old.inclusive {
                        bands[n].lower = Bound(bound, inclusive: !new.inclusive)
                        mark(&bands[n], citation, note)
                    }
                }
            }
        default:
            throw unknownPath(standard)
        }
        mark(&bands[b], citation, note)
        switch indicator.scoring {
        case .count(let fact, _): indicator.scoring = .count(fact: fact, bands: bands)
        case .ratio(var ratio):
            ratio.bands = bands
            indicator.scoring = .ratio(ratio)
        case .activity, .item: break
        }
        return indicator
    }

    private func mark(_ band: inout Band, _ citation: String, _ note: LocalizedText) {
        band.provenance = .provisional
        band.citation = citation
        band.note = note
    }

    /// Reads `name[i].field`.
    private static func index(_ text: String, _ name: String) -> (Int, String)? {
        let body = text.dropFirst(name.count + 1)
        guard let close = body.firstIndex(of: "]"), let n = Int(body[..<close]) else { return nil }
        let after = body[body.index(after: close)...]
        guard after.first == "." else { return nil }
        return (n, String(after.dropFirst()))
    }

    private func fail(_ vi: String, _ en: String) -> Problem {
        Problem(override: "\(path)=\(value)", message: LocalizedText(vi: "\(path): \(vi), gặp “\(value)”", en: "\(path): \(en), found “\(value)”"))
    }

    private func unknownPath(_ standard: Standard) -> Problem {
        let hint = EditDistance.closest(to: path, in: StandardOverride.paths(in: standard))
        return Problem(override: "\(path)=\(value)", message: LocalizedText(
            vi: "không có giá trị nào ở đường dẫn “\(path)” trong \(standard.id)" + (hint.map { ". Có phải ý bạn là “\($0)”?" } ?? ""),
            en: "no value at the path “\(path)” in \(standard.id)" + (hint.map { ". Did you mean “\($0)”?" } ?? "")))
    }
}

/// Levenshtein distance, for did-you-mean hints.
public enum EditDistance {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = between(word, candidate)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    public static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
