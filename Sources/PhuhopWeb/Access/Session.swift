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
