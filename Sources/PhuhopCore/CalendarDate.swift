/// A day in the proleptic Gregorian calendar, without time zone.
///
/// Periods and effective dates in the standards are whole days; a `Date` would drag in
/// time zones and Foundation, which the core does without.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the day does not exist (such as 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, reading the bytes directly: a batch parses two dates per row.
    public init?(iso text: String) {
        var utf8 = text.utf8.makeIterator()
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = utf8.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = digits(4), utf8.next() == UInt8(ascii: "-"), let m = digits(2), utf8.next() == UInt8(ascii: "-"),
              let d = digits(2), utf8.next() == nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written into the string's own storage for four-digit years (every date a decision
        // shows its sources with): interpolating the parts cost a thousand instructions a date.
        if year >= 1000 {
            return String(unsafeUninitializedCapacity: 10) { out in
                var year = year
                for k in stride(from: 3, through: 0, by: -1) {
                    out[k] = UInt8(ascii: "0") + UInt8(year % 10)
                    year /= 10
                }
                out[4] = UInt8(ascii: "-")
                out[5] = UInt8(ascii: "0") + UInt8(month / 10)
                out[6] = UInt8(ascii: "0") + UInt8(month % 10)
                out[7] = UInt8(ascii: "-")
                out[8] = UInt8(ascii: "0") + UInt8(day / 10)
                out[9] = UInt8(ascii: "0") + UInt8(day % 10)
                return 10
            }
        }
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// `DD/MM/YYYY`, as Vietnamese documents write dates.
    public var vietnamese: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(d)/\(m)/\(year)"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The period an evidence record covers, both days included.
public struct Period: Sendable, Hashable {
    public let from: CalendarDate
    public let to: CalendarDate

    /// A period of one day.
    public init(day: CalendarDate) {
        from = day
        to = day
    }

    /// Creates a period, or nil when it ends before it starts.
    public init?(from: CalendarDate, to: CalendarDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }
}
