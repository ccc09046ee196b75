import Foundation
import PhuhopStore

extension WebServices {
    /// Checks a name and password and opens a session; nil when they do not match. Every way in
    /// (the sign-in form, `POST /api/session`) goes through here.
    ///
    /// The throttle lets only a few attempts for one name be checked at once, so attempts sent
    /// in parallel are slowed down too; an unknown name is checked against a hash as well, so
    /// the time taken does not tell which names exist; and the log names only users that exist
    /// (a password typed into the name field is never kept).
    func signIn(name rawName: String, password rawPassword: String, channel: String) async throws -> Session? {
        let name = Credentials.name(rawName)
        if let seconds = await throttle.attempt(name) { throw WebError.throttled(seconds) }
        let user: UserAccount?
        do {
            user = try store.user(named: name)
        } catch {
            await throttle.finished(name, succeeded: false)
            throw error
        }
        let matches = await passwords.verify(Credentials.password(rawPassword), hash: user?.passwordHash ?? unknownUserHash)
        await throttle.finished(name, succeeded: user != nil && matches)
        guard let user, matches else {
            try store.log(.signInFailed, subject: user.map { "user:\($0.name)" } ?? "user:(unknown)", detail: channel, by: "anonymous")
            return nil
        }
        let session = await sessions.open(for: user)
        try store.log(.signIn, subject: "user:\(user.name)", detail: channel, by: user.name)
        return session
    }
}
