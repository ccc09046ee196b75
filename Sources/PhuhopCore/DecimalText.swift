/// Writes exact values as decimals for people, in the conventions of each language.
public enum DecimalText {
    /// The shortest exact decimal when there is one (up to 6 places), else the value rounded to
    /// 6 places; `.` as separator, as in the data files.
    public static func plain(_ value: Rational, language: Language) -> String {
        plain(value, separator: language == .vi ? UInt8(ascii: ",") : UInt8(ascii: "."))
    }

    /// The shortest exact decimal with `.` as separator, as written in the data files.
    public static func plain(_ value: Rational) -> String {
        plain(value, separator: UInt8(ascii: "."))
    }

    private static func plain(_ value: Rational, separator: UInt8) -> String {
        let r = value.reduced
        if r.isInteger { return String(r.numerator / r.denominator) }
        var scale: Int64 = 1
        for places in 1...6 {
            scale *= 10
            let scaled = r.multiplied(by: scale)
            if scaled.isInteger {
                return String(decoding: fixed(Int128(scaled.numerator / scaled.denominator), places: places, separator: separator),
                              as: UTF8.self)
            }
        }
        return String(decoding: fixed(Int128(r.rounded(places: 6)), places: 6, separator: separator), as: UTF8.self)
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
        return String(decoding: fixed(Int128(r.numerator) * scale / Int128(r.denominator), places: places,
                                      separator: UInt8(ascii: ".")), as: UTF8.self)
    }

    /// The value rounded half up to `places` decimals, with the language's decimal separator
    /// (comma in Vietnamese) and without trailing zeros (`98%`, `98,3%`).
    public static func rounded(_ value: Rational, places: Int, language: Language) -> String {
        var text = fixed(Int128(value.rounded(places: places)), places: places,
                         separator: language == .vi ? UInt8(ascii: ",") : UInt8(ascii: "."))
        if places > 0 {
            while text.last == UInt8(ascii: "0") { text.removeLast() }
            if text.last == UInt8(ascii: ",") || text.last == UInt8(ascii: ".") { text.removeLast() }
        }
        return String(decoding: text, as: UTF8.self)
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
        if value > -1000 && value < 1000 { return String(value) }
        let digits = Array(String(value.magnitude).utf8)
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (n, digit) in digits.enumerated() {
            if n > 0 && (digits.count - n) % 3 == 0 { out.append(language == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `units` with its last `places` digits after `separator`, as UTF-8 (texts are built on
    /// bytes: decisions render hundreds of numbers, and Character work dominated).
    private static func fixed(_ units: Int128, places: Int, separator: UInt8) -> [UInt8] {
        let digits = Array((Int64(exactly: units).map { String($0.magnitude) } ?? String(units.magnitude)).utf8)
        var out: [UInt8] = units < 0 ? [UInt8(ascii: "-")] : []
        guard places > 0 else { return out + digits }
        out.reserveCapacity(digits.count + places + 3)
        let whole = digits.count - places
        if whole > 0 {
            out += digits[..<whole]
        } else {
            out.append(UInt8(ascii: "0"))
        }
        out.append(separator)
        if whole < 0 { out += repeatElement(UInt8(ascii: "0"), count: -whole) }
        out += digits[max(whole, 0)...]
        return out
    }
}
