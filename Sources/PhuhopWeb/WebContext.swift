import Hummingbird
import PhuhopCore

/// What a request carries through the routes: the session, if signed in, and the language.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in session, set by `FrontDoor`.
    public var session: Session?
    /// Vietnamese unless the request or the language cookie asks for English.
    public var language: Language = .vi
    /// The path and query asked for, which the language switch returns to.
    var here = "/"
    /// The query string's fields, read once by `FrontDoor`.
    var query = FormData()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The session, or the error that sends the person to sign in.
    func signedIn() throws -> Session {
        guard let session else { throw WebError.signInRequired }
        return session
    }
}
