import Foundation
import Hummingbird
import PhuhopCore
import PhuhopStore

/// Users, for administrators: the list, and a form to add one with a role and scope.
struct UserRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/users") { _, context in try page(context) }
        router.post("/users") { request, context in try await add(request, context) }
    }

    private func admin(_ context: WebContext) throws -> Session {
        let session = try context.signedIn()
        guard AccessPolicy.canManageUsers(session.user) else { try services.deny(session, "users") }
        return session
    }

    private func page(_ context: WebContext, problem: LocalizedText? = nil, added: String? = nil) throws -> Response {
        let session = try admin(context)
        let l = context.language
        let vi = l == .vi
        var body = ""
        if let problem { body += "<p class=\"errors\" role=\"alert\">\(HTML.t(problem, l))</p>" }
        if let added { body += "<p class=\"ok\" role=\"status\">\(HTML.escape(added))</p>" }
        body += "<table><thead><tr><th>\(vi ? "Tên" : "Name")</th><th>\(vi ? "Vai trò" : "Role")</th><th>\(vi ? "Phạm vi" : "Scope")</th></tr></thead><tbody>"
        for user in try services.store.users() {
            let scope = user.school ?? (user.role == .evaluator ? user.units.sorted().joined(separator: ", ") : (vi ? "tất cả" : "all"))
            body += "<tr><td>\(HTML.escape(user.name))</td><td>\(HTML.t(Layout.roleName(user.role), l))</td><td>\(HTML.escape(scope))</td></tr>"
        }
        body += "</tbody></table>"
        let roles = UserRole.allCases.map { ($0.rawValue, Layout.roleName($0)(l)) }
        body += """
            <h2>\(vi ? "Thêm người dùng" : "Add a user")</h2>
            <form method="post" action="/users">
            \(HTML.csrfField(session.csrf))
            <label for="name">\(vi ? "Tên đăng nhập" : "User name")</label><input type="text" id="name" name="name" required>
            <label for="role">\(vi ? "Vai trò" : "Role")</label><select id="role" name="role">\(HTML.options(roles, selected: "viewer"))</select>
            <label for="scope">\(vi ? "Phạm vi: mã trường (vai trò nhà trường) hoặc mã các đơn vị, cách nhau bởi dấu phẩy (đánh giá viên)" : "Scope: the school's id (school role) or unit ids separated by commas (evaluator)")</label>
            <input type="text" id="scope" name="scope">
            <label for="password">\(vi ? "Mật khẩu (ít nhất \(Passwords.minimumLength) ký tự)" : "Password (at least \(Passwords.minimumLength) characters)")</label>
            <input type="password" id="password" name="password" autocomplete="new-password" required>
            <p><button type="submit">\(vi ? "Thêm" : "Add")</button></p>
            </form>
            """
        let layout = services.layout(context, session)
        return Responses.html(layout.page(title: LocalizedText(vi: "Người dùng", en: "Users"), body),
                              status: problem == nil ? .ok : .unprocessableContent)
    }

    private func add(_ request: Request, _ context: WebContext) async throws -> Response {
        // The token first: a forged post is refused before it can write a refusal to the log.
        let form = try await Responses.form(request)
        try Forms.check(form, try context.signedIn())
        let session = try admin(context)
        let scope = (form["scope"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let account = try NewUser.account(name: form["name"] ?? "", role: form["role"] ?? "", password: form["password"] ?? "",
                                              scope: scope, passwords: services.passwords)
            try services.store.addUser(account, by: session.user.name)
            return try page(context, added: context.language == .vi ? "Đã thêm \(account.name)." : "Added \(account.name).")
        } catch let error as NewUser.Problem {
            return try page(context, problem: error.message)
        } catch let error as StoreError {
            return try page(context, problem: error.message)
        }
    }
}
