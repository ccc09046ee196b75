/// Writes exact values as decimals for people, in the conventions of each language.
public enum DecimalText {
    /// The shortest exact decimal when there is one (up to 6 places), else the value rounded to
    /// 6 places; `.` as separator, as in the data files.
    public static func plain(_ value: Rational, language: Language) -> String {
        let text = plain(value)
        return language == .vi ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// The shortest exact decimal with `.` as separator, as written in the data files.
    public static func plain(_ value: Rational) -> String {
        let r = value.reduced
        if r.isInteger { return "\(r.numerator / r.denominator)" }
        for places in 1...6 {
            var scale: Int64 = 1
            for _ in 0..<places { scale *= 10 }
            let scaled = r.multiplied(by: scale)
            if scaled.isInteger { return fixed(scaled.numerator / scaled.denominator, places: places, separator: ".") }
        }
        return fixed(r.rounded(places: 6), places: 6, separator: ".")
    }

    /// The value as a decimal with every digit, when it has a finite one (its denominator has no
    /// prime factor but 2 and 5) of at most 18 places; nil otherwise. Stored evidence is written
    /// with it, so a value read back is the value read in: `plain` rounds past 6 places.
    public static func exact(_ value: Rational) -> String? {
        let r = value.reduced
        var rest = r.denominator
        var twos = 0
        var fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        let places = max(twos, fives)
        guard rest == 1, places <= 18 else { return nil }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        return fixed(Int128(r.numerator) * scale / Int128(r.denominator), places: places, separator: ".")
    }

    /// The value rounded half up to `places` decimals, with the language's decimal separator
    /// (comma in Vietnamese) and without trailing zeros (`98%`, `98,3%`).
    public static func rounded(_ value: Rational, places: Int, language: Language) -> String {
        var text = fixed(value.rounded(places: places), places: places, separator: language == .vi ? "," : ".")
        if places > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(",") || text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A fraction of one in percent with one decimal, such as `98,3%`; two (truncated) when one
    /// would round onto a whole percent the value does not reach, so 97.95% never reads as 98%.
    public static func percent(_ fraction: Rational, language: Language) -> String {
        let hundred = fraction.multiplied(by: 100)
        if hundred.rounded(places: 1) % 10 == 0 && !hundred.isInteger {
            let hundredths = Int64((Int128(hundred.numerator) * 100) / Int128(hundred.denominator))
            let sep = language == .vi ? "," : "."
            let rest = hundredths % 100
            return "\(hundredths / 100)\(sep)\(rest < 10 ? "0" : "")\(rest)%"
        }
        return rounded(hundred, places: 1, language: language) + "%"
    }

    /// A whole number with thousands grouped (`1.000` in Vietnamese, `1,000` in English).
    public static func grouped(_ value: Int64, language: Language) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (n, ch) in digits.enumerated() {
            if n > 0 && (digits.count - n) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    private static func fixed(_ units: Int64, places: Int, separator: String) -> String {
        fixed(Int128(units), places: places, separator: separator)
    }

    private static func fixed(_ units: Int128, places: Int, separator: String) -> String {
        guard places > 0 else { return "\(units)" }
        let negative = units < 0
        var digits = String(units.magnitude)
        while digits.count <= places { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + digits[..<split] + separator + digits[split...]
    }
}
