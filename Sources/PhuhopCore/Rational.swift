/// An exact fraction, used for every rate, share, incidence and band bound.
///
/// Thresholds in the standards are compared exactly: 49 of 50 is 98%, never 97.99999%.
/// The denominator is always positive; values are not reduced eagerly because comparisons
/// cross-multiply in 128 bits and never overflow for 64-bit parts.
public struct Rational: Sendable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// Creates `numerator / denominator`; returns nil when the denominator is zero.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        if denominator < 0 {
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// Creates a whole number.
    public init(integer: Int64) {
        numerator = integer
        denominator = 1
    }

    public static let zero = Rational(integer: 0)
    public static let one = Rational(integer: 1)

    /// The same value with numerator and denominator divided by their greatest common divisor.
    public var reduced: Rational {
        let divisor = Rational.gcd(numerator.magnitude, UInt64(denominator))
        guard divisor > 1 else { return self }
        return Rational(unchecked: numerator / Int64(divisor), denominator / Int64(divisor))
    }

    /// Multiplies by a whole number, exactly when the result fits in 64-bit parts.
    ///
    /// Evidence counts are bounded when read, so the product always fits in practice; should it
    /// not, the result saturates rather than trapping, because library code never traps.
    public func multiplied(by factor: Int64) -> Rational {
        Rational.fitting(Int128(numerator) * Int128(factor), Int128(denominator)) ?? Rational(integer: numerator < 0 ? Int64.min : Int64.max)
    }

    /// Divides by a non-zero whole number; nil when the result cannot be held exactly.
    public func divided(by divisor: Int64) -> Rational? {
        guard divisor != 0 else { return nil }
        return Rational.fitting(Int128(numerator), Int128(denominator) * Int128(divisor))
    }

    /// The least whole number at or above `self × count`, for a non-negative share: the items
    /// a checklist needs met (80% of 49 applicable items is 40).
    public func ceiling(times count: Int) -> Int {
        let product = Int128(numerator) * Int128(count)
        let d = Int128(denominator)
        let quotient = product >= 0 ? (product + d - 1) / d : product / d
        return Int(clamping: quotient)
    }

    /// `numerator / denominator` reduced until both fit in 64 bits, or nil.
    private static func fitting(_ numerator: Int128, _ denominator: Int128) -> Rational? {
        guard denominator != 0 else { return nil }
        var (n, d) = denominator < 0 ? (-numerator, -denominator) : (numerator, denominator)
        if n < Int128(Int64.min) || n > Int128(Int64.max) || d > Int128(Int64.max) {
            var (x, y) = (n.magnitude, d.magnitude)
            while y != 0 { (x, y) = (y, x % y) }
            if x > 1 {
                n /= Int128(x)
                d /= Int128(x)
            }
        }
        guard n >= Int128(Int64.min), n <= Int128(Int64.max), d <= Int128(Int64.max) else { return nil }
        return Rational(unchecked: Int64(n), Int64(d))
    }

    /// The value rounded half up to `places` decimal places, as a whole number of 10^-places units.
    public func rounded(places: Int) -> Int64 {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int128(numerator) * scale * 2 + Int128(denominator)
        let twice = Int128(denominator) * 2
        // Floor division that also works for negative values.
        var quotient = scaled / twice
        if scaled % twice != 0 && scaled < 0 { quotient -= 1 }
        return Int64(quotient)
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool { numerator % denominator == 0 }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    private init(unchecked numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

extension Rational: Comparable, Hashable {
    @inlinable
    public static func == (lhs: Rational, rhs: Rational) -> Bool {
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        if !o1 && !o2 { return a == b }
        return Int128(lhs.numerator) * Int128(rhs.denominator) == Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    @inlinable
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Counts and band bounds are small: the 64-bit products almost never overflow, and the
        // 128-bit path is there for when they do.
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        if !o1 && !o2 { return a < b }
        return Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    public func hash(into hasher: inout Hasher) {
        let r = reduced
        hasher.combine(r.numerator)
        hasher.combine(r.denominator)
    }
}

extension Rational {
    /// Parses an exact decimal such as `98`, `98.5`, `98,5` or `-0.25`; nil for anything else
    /// (exponents included).
    ///
    /// Band bounds and shares are written as decimals in the data; reading them through
    /// `Double` would turn 0.1 into 0.1000000000000000055, so they are read digit by digit.
    public init?(decimal text: Substring) {
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        var negative = false
        var seenPoint = false
        var seenDigit = false
        var first = true
        for byte in text.utf8 {
            defer { first = false }
            if first && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) {
                negative = byte == UInt8(ascii: "-")
                continue
            }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            seenDigit = true
            let (shifted, o1) = numerator.multipliedReportingOverflow(by: 10)
            let (added, o2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            numerator = added
            if seenPoint {
                let (scaled, o3) = denominator.multipliedReportingOverflow(by: 10)
                guard !o3 else { return nil }
                denominator = scaled
            }
        }
        guard seenDigit else { return nil }
        self.init(unchecked: negative ? -numerator : numerator, denominator)
    }

    /// Parses a percentage such as `98%`, `98.5 %` or `98.5` (percent implied) into a fraction of one.
    public init?(percent text: Substring) {
        var body = text
        while body.last == " " { body = body.dropLast() }
        if body.last == "%" { body = body.dropLast() }
        while body.last == " " { body = body.dropLast() }
        guard let value = Rational(decimal: body), let fraction = value.divided(by: 100) else { return nil }
        self = fraction
    }
}
