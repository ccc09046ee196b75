import Foundation

/// Slows down repeated failed sign-ins for one name: after three failures in a row, each
/// further attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to 5 minutes).
/// A success clears the count.
public actor SignInThrottle {
    private struct Record {
        var failures: Int
        var last: Date
    }

    private var records: [String: Record] = [:]
    private let now: @Sendable () -> Date
    static let free = 3
    static let longest: TimeInterval = 300

    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    /// The seconds to wait before `name` may try again; nil when it may try now.
    public func wait(for name: String) -> Int? {
        guard let record = records[name.lowercased()], record.failures >= Self.free else { return nil }
        let delay = min(Self.longest, pow(2, Double(record.failures - Self.free)))
        let left = record.last.addingTimeInterval(delay).timeIntervalSince(now())
        return left > 0 ? Int(left.rounded(.up)) : nil
    }

    public func failed(_ name: String) {
        let key = name.lowercased()
        records[key] = Record(failures: (records[key]?.failures ?? 0) + 1, last: now())
    }

    public func succeeded(_ name: String) {
        records[name.lowercased()] = nil
    }
}
