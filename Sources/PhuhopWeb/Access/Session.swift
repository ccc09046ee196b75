import Foundation
import PhuhopStore

/// A signed-in person's session: who, the token their cookie carries, and the token every form
/// they post must carry back (CSRF).
public struct Session: Sendable {
    public var token: String
    public var user: UserAccount
    public var csrf: String
    public var expires: Date
}

/// The sessions of signed-in people, by token.
///
/// Sessions live in the server's memory: a restart signs everyone out, and a stolen database
/// file holds no live session. A token is 256 random bits.
public actor SessionBook {
    private var sessions: [String: Session] = [:]
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    public init(lifetime: TimeInterval = 12 * 3600, now: @escaping @Sendable () -> Date = Date.init) {
        self.lifetime = lifetime
        self.now = now
    }

    /// Opens a session for `user`.
    public func open(for user: UserAccount) -> Session {
        let session = Session(token: Secret.make(), user: user, csrf: Secret.make(), expires: now().addingTimeInterval(lifetime))
        sessions[session.token] = session
        return session
    }

    /// The live session with this token, if any.
    public func session(_ token: String) -> Session? {
        guard let session = sessions[token] else { return nil }
        if session.expires <= now() {
            sessions[token] = nil
            return nil
        }
        return session
    }

    /// Ends a session.
    public func close(_ token: String) {
        sessions[token] = nil
    }
}

/// Random tokens for sessions, CSRF and one-time passwords.
enum Secret {
    /// 256 random bits as 64 hexadecimal digits (the system generator reads the kernel's).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// A password people can type: 16 letters and digits without look-alikes (about 92 bits).
    static func password() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// One-time passwords for new accounts (`phuhop user add`, the demo's administrator).
public enum UserPassword {
    /// A random password people can type.
    public static func make() -> String { Secret.password() }
}
