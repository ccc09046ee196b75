import Foundation
import HTTPTypes
import Hummingbird
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// The middleware every request passes: it finds the session and the language, renders every
/// error in one place (a page for the browser, JSON under `/api`), and adds the security
/// headers.
struct FrontDoor: RouterMiddleware {
    typealias Context = WebContext
    let services: WebServices

    static let sessionCookie = "phuhop_session"
    static let languageCookie = "phuhop_lang"
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let query = Responses.query(request)
        context.query = query
        if let lang = query["lang"].flatMap(Language.init(rawValue:)) {
            context.language = lang
        } else if let lang = CookieHeader.value(Self.languageCookie, in: request.headers).flatMap(Language.init(rawValue:)) {
            context.language = lang
        }
        // Without `lang=`: the language switch returns here, and a `lang=` would override it.
        let kept = query.fields.filter { $0.name != "lang" }.map { FormData.encode($0.name) + "=" + FormData.encode($0.value) }
        context.here = request.uri.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        if let token = bearer(request) ?? CookieHeader.value(Self.sessionCookie, in: request.headers) {
            context.session = await services.sessions.session(token)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = render(error, request, context)
        } catch let error as StoreError {
            let web: WebError = switch error {
            case .unknownUnit, .noEvidence: .notFound(error.message)
            default: .badRequest(error.message)
            }
            response = render(web, request, context)
        } catch let error as HTTPError {
            let message = error.status == .notFound
                ? LocalizedText(vi: "không có trang này", en: "no such page")
                : LocalizedText(vi: "yêu cầu không hợp lệ (\(error.status.code))", en: "bad request (\(error.status.code))")
            response = render(error.status == .notFound ? .notFound(message) : .badRequest(message), request, context)
            response.status = error.status
        } catch {
            // Anything else (a refused database operation): a page with the headers all the same.
            let message = Store.describe(error) ?? LocalizedText(vi: "lỗi máy chủ", en: "server error")
            response = render(.badRequest(message), request, context)
            response.status = .internalServerError
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy(style: "'self'") }
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = FrontDoor.referrerPolicy { response.headers[name] = "same-origin" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The Content-Security-Policy: no scripts, no frames, forms to this site only; styles from
    /// the sources given.
    static func policy(style: String) -> String {
        "default-src 'none'; style-src \(style); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The policy of the printable pages, whose one stylesheet is inline: allowed by its hash.
    static let printablePolicy = policy(
        style: "'sha256-" + Data(SHA256.digest(Array(PrintablePage.styleBlock.utf8))).base64EncodedString() + "'")

    private func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst(7))
    }

    private func render(_ error: WebError, _ request: Request, _ context: WebContext) -> Response {
        let l = context.language
        if request.uri.path.hasPrefix("/api/") {
            let body = JSONValue.object([("error", .string(error.message(l))), ("status", .int(Int64(error.status.code)))])
            var response = Responses.json(body.rendered(pretty: false), status: error.status)
            if case .throttled(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
            return response
        }
        if case .signInRequired = error {
            return Responses.seeOther("/signin?next=" + FormData.encode(context.here))
        }
        let layout = services.layout(context, context.session)
        let title = switch error.status {
        case .forbidden: LocalizedText(vi: "Không có quyền", en: "Forbidden")
        case .notFound: LocalizedText(vi: "Không tìm thấy", en: "Not found")
        case .tooManyRequests: LocalizedText(vi: "Thử lại sau", en: "Try again later")
        default: LocalizedText(vi: "Yêu cầu không hợp lệ", en: "Bad request")
        }
        var response = Responses.html(layout.page(title: title, "<p class=\"error\" role=\"alert\">\(HTML.t(error.message, l))</p>"),
                                      status: error.status)
        if case .throttled(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
        return response
    }
}
