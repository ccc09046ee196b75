import Foundation

/// Slows down repeated failed sign-ins for one name: after three failures in a row, each
/// further attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to 5 minutes); and
/// no more than a few attempts for one name are checked at once, so attempts sent together
/// cannot all pass before the first failure is counted. A success clears the count.
public actor SignInThrottle {
    /// One name's failures in a row, when the last ended, and the attempts being checked.
    private struct Record {
        var failures = 0
        var last = Date.distantPast
        var inFlight = 0
    }

    private var records: [String: Record] = [:]
    private let now: @Sendable () -> Date
    /// Attempts for one name checked at the same time.
    private let concurrent: Int
    static let free = 3
    static let longest: TimeInterval = 300

    public init(concurrent: Int = 3, now: @escaping @Sendable () -> Date = Date.init) {
        self.concurrent = concurrent
        self.now = now
    }

    /// Starts an attempt for `name`: the seconds to wait when it may not try yet, else nil (then
    /// `finished` must follow).
    public func attempt(_ name: String) -> Int? {
        let key = name.lowercased()
        let time = now()
        var record = records[key] ?? Record()
        if record.failures >= Self.free {
            let delay = min(Self.longest, pow(2, Double(record.failures - Self.free)))
            let left = record.last.addingTimeInterval(delay).timeIntervalSince(time)
            if left > 0 { return Int(left.rounded(.up)) }
        }
        if record.inFlight >= concurrent { return 1 }
        // Names nobody has tried for longer than the longest wait are forgotten, so guesses at
        // many names do not pile up.
        if records.count > 10_000 {
            records = records.filter { $0.value.inFlight > 0 || time.timeIntervalSince($0.value.last) < Self.longest }
        }
        record.inFlight += 1
        records[key] = record
        return nil
    }

    /// Ends an attempt started with `attempt`.
    public func finished(_ name: String, succeeded: Bool) {
        let key = name.lowercased()
        var record = records[key] ?? Record()
        record.inFlight = max(0, record.inFlight - 1)
        if succeeded {
            record.failures = 0
        } else {
            record.failures += 1
            record.last = now()
        }
        records[key] = record.failures == 0 && record.inFlight == 0 ? nil : record
    }
}
