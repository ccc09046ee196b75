import Foundation
import PhuhopStore

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
        // Tokens of programs that never come back expire unseen: dropped as sessions are opened.
        if sessions.count > 10_000 {
            let time = now()
            sessions = sessions.filter { $0.value.expires > time }
        }
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
