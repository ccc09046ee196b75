/// Checks on posted forms.
enum Forms {
    /// Refuses a form without the session's CSRF token.
    static func check(_ form: FormData, _ session: Session) throws {
        guard let token = form["csrf"], Secret.equal(token, session.csrf) else { throw WebError.staleForm }
    }
}
