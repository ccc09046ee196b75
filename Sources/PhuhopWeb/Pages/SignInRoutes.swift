import Hummingbird
import PhuhopCore
import PhuhopStore

/// Sign-in, sign-out and the language switch.
struct SignInRoutes: Sendable {
    let services: WebServices
    /// The cookie that carries the sign-in form's CSRF token before any session exists.
    static let formCookie = "phuhop_signin"

    func register(on router: Router<WebContext>) {
        router.get("/signin") { request, context in try await page(request, context) }
        router.post("/signin") { request, context in try await signIn(request, context) }
        router.post("/signout") { request, context in try await signOut(request, context) }
        router.get("/language/:lang") { request, context in language(request, context) }
    }

    private func page(_ request: Request, _ context: WebContext, problem: LocalizedText? = nil,
                      name: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let l = context.language
        let token = Secret.make()
        let next = Responses.localPath(context.query["next"])
        let error = problem.map { "<p class=\"errors\" role=\"alert\">\(HTML.t($0, l))</p>" } ?? ""
        let body = """
            \(error)
            <form method="post" action="/signin?next=\(FormData.encode(next))">
            <input type="hidden" name="csrf" value="\(token)">
            <label for="name">\(l == .vi ? "Tên đăng nhập" : "User name")</label>
            <input type="text" id="name" name="name" value="\(HTML.escape(name))" autocomplete="username" required autofocus>
            <label for="password">\(l == .vi ? "Mật khẩu" : "Password")</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <p><button type="submit">\(l == .vi ? "Đăng nhập" : "Sign in")</button></p>
            </form>
            """
        let layout = services.layout(context, nil)
        var response = Responses.html(layout.page(title: LocalizedText(vi: "Đăng nhập", en: "Sign in"), body), status: status)
        response.setCookie(Responses.cookie(Self.formCookie, token, maxAge: 3600, secure: services.secureCookies))
        return response
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Responses.form(request)
        guard let sent = form["csrf"], let kept = CookieHeader.value(Self.formCookie, in: request.headers), Secret.equal(sent, kept) else {
            throw WebError.staleForm
        }
        let name = form["name"] ?? ""
        if let session = try await services.signIn(name: name, password: form["password"] ?? "", channel: "web") {
            var response = Responses.seeOther(Responses.localPath(context.query["next"]))
            response.setCookie(Responses.cookie(FrontDoor.sessionCookie, session.token, secure: services.secureCookies))
            return response
        }
        return try await page(request, context, problem: LocalizedText(vi: "tên đăng nhập hoặc mật khẩu không đúng",
                                                                      en: "wrong user name or password"),
                              name: name, status: .unauthorized)
    }

    private func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try context.signedIn()
        let form = try await Responses.form(request)
        try Forms.check(form, session)
        await services.sessions.close(session.token)
        var response = Responses.seeOther("/signin")
        response.setCookie(Responses.cookie(FrontDoor.sessionCookie, "", maxAge: 0, secure: services.secureCookies))
        return response
    }

    private func language(_ request: Request, _ context: WebContext) -> Response {
        let lang = context.parameters.get("lang").flatMap(Language.init(rawValue:)) ?? .vi
        var response = Responses.seeOther(Responses.localPath(context.query["back"]))
        response.setCookie(Responses.cookie(FrontDoor.languageCookie, lang.rawValue, maxAge: 365 * 24 * 3600, secure: services.secureCookies))
        return response
    }
}
