/// Writes exact values as decimals for people, in the conventions of each language.
public enum DecimalText {
    /// The shortest exact decimal when there is one (up to 6 places), else the value rounded to
    /// 6 places; `.` as separator, as in the data files.
    public static func plain(_ value: Rational, language: Language) -> String {
        plain(value, separator: separator(language))
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
                return decimal(Int128(scaled.numerator / scaled.denominator), places: places, separator: separator)
            }
        }
        return decimal(Int128(r.rounded(places: 6)), places: 6, separator: separator)
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
        return decimal(Int128(r.numerator) * scale / Int128(r.denominator), places: places, separator: UInt8(ascii: "."))
    }

    /// The value rounded half up to `places` decimals, with the language's decimal separator
    /// (comma in Vietnamese) and without trailing zeros (`98%`, `98,3%`).
    public static func rounded(_ value: Rational, places: Int, language: Language) -> String {
        decimal(Int128(value.rounded(places: places)), places: places, separator: separator(language), trimmed: true)
    }

    /// A fraction of one in percent with one decimal, such as `98,3%`; two (truncated) when one
    /// would round onto a whole percent the value does not reach, so 97.95% never reads as 98%.
    public static func percent(_ fraction: Rational, language: Language) -> String {
        let hundred = fraction.multiplied(by: 100)
        if hundred.rounded(places: 1) % 10 == 0 && !hundred.isInteger {
            let hundredths = (Int128(hundred.numerator) * 100) / Int128(hundred.denominator)
            return decimal(hundredths, places: 2, separator: separator(language), suffix: UInt8(ascii: "%"))
        }
        return decimal(Int128(hundred.rounded(places: 1)), places: 1, separator: separator(language), trimmed: true,
                       suffix: UInt8(ascii: "%"))
    }

    /// A whole number with thousands grouped (`1.000` in Vietnamese, `1,000` in English).
    public static func grouped(_ value: Int64, language: Language) -> String {
        if value > -1000 && value < 1000 { return String(value) }
        let mark = language == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var digits = 0
        var rest = value.magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        let length = (value < 0 ? 1 : 0) + digits + (digits - 1) / 3
        // Written from the last digit backwards, a mark before every third.
        return String(unsafeUninitializedCapacity: length) { out in
            var rest = value.magnitude
            var end = length
            for n in 0..<digits {
                if n > 0 && n % 3 == 0 {
                    end -= 1
                    out[end] = mark
                }
                end -= 1
                out[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            if value < 0 { out[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// Writes `grouped(_:language:)`: below a thousand, the digits go straight into the text.
    public static func writeGrouped<Sink: TextSink & ~Copyable>(_ value: Int64, language: Language, into text: inout Sink) {
        if value > -1000 && value < 1000 {
            text.write(Int(value))
        } else {
            text.write(grouped(value, language: language))
        }
    }

    private static func separator(_ language: Language) -> UInt8 {
        language == .vi ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    /// `units` with its last `places` digits after `separator`; `trimmed` drops trailing zeros
    /// after it (and the separator, when none is left); `suffix` follows (a `%`).
    ///
    /// The text is written straight into the string's own storage: decisions render hundreds of
    /// numbers, and building each through arrays and interpolations was most of their cost.
    private static func decimal(_ units: Int128, places: Int, separator: UInt8, trimmed: Bool = false,
                                suffix: UInt8? = nil) -> String {
        // An Int128 has at most 39 digits; places are at most 18 (`exact`), so 40 digits hold any
        // value with its leading zero.
        precondition(places >= 0 && places <= 38)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            // The digits from the last one backwards, padded with zeros to a whole digit.
            var n = 0
            if let small = UInt64(exactly: units.magnitude) {
                var rest = small
                repeat {
                    digits[n] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    n += 1
                } while rest > 0
            } else {
                var rest = units.magnitude
                repeat {
                    digits[n] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    n += 1
                } while rest > 0
            }
            while n <= places {
                digits[n] = UInt8(ascii: "0")
                n += 1
            }
            var lowest = 0
            if trimmed {
                while lowest < places && digits[lowest] == UInt8(ascii: "0") { lowest += 1 }
            }
            let fraction = places - lowest
            let length = (units < 0 ? 1 : 0) + (n - places) + (fraction > 0 ? fraction + 1 : 0) + (suffix == nil ? 0 : 1)
            return String(unsafeUninitializedCapacity: length) { out in
                var k = 0
                if units < 0 {
                    out[k] = UInt8(ascii: "-")
                    k += 1
                }
                var i = n - 1
                while i >= places {
                    out[k] = digits[i]
                    k += 1
                    i -= 1
                }
                if fraction > 0 {
                    out[k] = separator
                    k += 1
                    while i >= lowest {
                        out[k] = digits[i]
                        k += 1
                        i -= 1
                    }
                }
                if let suffix {
                    out[k] = suffix
                    k += 1
                }
                return k
            }
        }
    }
}
