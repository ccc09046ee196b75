import Foundation
import HummingbirdBcrypt

/// Passwords, hashed with bcrypt: slow on purpose, so a stolen database is slow to guess from.
public struct Passwords: Sendable {
    /// bcrypt's cost: 2^cost rounds. 12 takes about a quarter of a second here; tests use less.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// The shortest password accepted.
    public static let minimumLength = 10

    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// At most one check per core at a time: a flood of sign-ins queues instead of taking
    /// every core (and a thread each).
    private static let gate = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount)

    /// Checks a password off the request threads: bcrypt holds a core for the whole check.
    public func verify(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                Self.gate.wait()
                defer { Self.gate.signal() }
                continuation.resume(returning: Bcrypt.verify(password, hash: hash))
            }
        }
    }
}
