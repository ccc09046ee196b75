import Foundation
import Hummingbird
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// The JSON API: what the CLI does, for programs. Described at `/openapi.json`.
///
/// A program signs in with `POST /api/session` and sends the token as `Authorization: Bearer`;
/// a browser's session cookie works too, and then a POST must be `application/json`, which a
/// page on another site cannot send without asking first (CORS).
struct APIRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/openapi.json") { _, _ in
            var response = Responses.json(OpenAPIDocument.text)
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.post("/api/session") { request, context in try await signIn(request, context) }
        router.get("/api/criteria") { _, context in try criteria(context, id: nil) }
        router.get("/api/criteria/:id") { _, context in try criteria(context, id: context.parameters.get("id")) }
        router.post("/api/score") { request, context in try await score(request, context) }
        router.get("/api/units") { _, context in try units(context) }
        router.get("/api/units/:id/decisions") { _, context in try decisions(context) }
    }

    private func body(_ request: Request) async throws -> Data {
        guard (request.headers[.contentType] ?? "").hasPrefix("application/json") else {
            throw WebError.badRequest(LocalizedText(vi: "cần gửi JSON (Content-Type: application/json)",
                                                    en: "expected JSON (Content-Type: application/json)"))
        }
        return Data(buffer: try await Responses.body(request))
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let data = try await body(request)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let name = object["name"] as? String, let password = object["password"] as? String else {
            throw WebError.badRequest(LocalizedText(vi: "cần {\"name\": …, \"password\": …}", en: "expected {\"name\": …, \"password\": …}"))
        }
        guard let session = try await services.signIn(name: name, password: password, channel: "api") else {
            return Responses.json(JSONValue.object([("error", .string(context.language == .vi ? "tên đăng nhập hoặc mật khẩu không đúng" : "wrong user name or password")),
                                                    ("status", .int(401))]).rendered(pretty: false), status: .unauthorized)
        }
        return Responses.json(JSONValue.object([("token", .string(session.token)), ("role", .string(session.user.role.rawValue)),
                                                ("expires", .string(ISO8601DateFormatter().string(from: session.expires)))]).rendered())
    }

    private func criteria(_ context: WebContext, id: String?) throws -> Response {
        _ = try context.signedIn()
        let l = context.language
        func describe(_ s: Standard, full: Bool) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("id", .string(s.id)), ("version", .string(s.version)), ("kind", .string(s.kind.rawValue)),
                ("title", .string(s.title(l))), ("citation", .string(s.citation)), ("maximum", .int(Int64(s.maximum.value))),
                ("unitTypes", .array(s.unitTypes.map { .string($0.rawValue) })),
                ("criteria", .array(s.criteria.map { c in
                    .object([("id", .string(c.id)), ("number", .int(Int64(c.number))), ("name", .string(c.name(l))),
                             ("maximum", .int(Int64(c.maximum.value))), ("provenance", .string(c.maximum.provenance.rawValue))])
                })),
            ]
            if full {
                fields.append(("attributes", .array(s.attributes.map { .object([("id", .string($0.id)), ("name", .string($0.name(l)))]) })))
                fields.append(("facts", .array(s.facts.map {
                    .object([("id", .string($0.id)), ("type", .string($0.type.rawValue)), ("name", .string($0.name(l)))])
                })))
            }
            return .object(fields)
        }
        if let id {
            return Responses.json(describe(try services.standard(id).loaded.standard, full: true).rendered())
        }
        let all = services.standards.values.map(\.loaded.standard).sorted { $0.id < $1.id }
        return Responses.json(JSONValue.array(all.map { describe($0, full: false) }).rendered())
    }

    private func score(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.signedIn()
        let data = try await body(request)
        let chosen = context.query["standard"]
        do {
            // Parsed once: the standard it names is read off the parsed document.
            let parsed = try EvidenceReader.parse(data, file: "request")
            guard let id = chosen ?? parsed.requestedStandard else {
                throw WebError.badRequest(LocalizedText(vi: "cần chỉ rõ bộ tiêu chí: ?standard=… hoặc khóa “standard”",
                                                        en: "name the standard: ?standard=… or the “standard” key"))
            }
            let standard = try services.scoring(id)
            let evidence = try EvidenceReader.read(parsed, standard: standard.deciding.loaded.standard, overridden: chosen != nil)
            let decision = standard.deciding.evaluator.evaluate(evidence)
            let reference = standard.reference
            // Room for a commune's decision (about 40 kB), so the text is not copied as it grows;
            // written directly into the answer rather than through a `JSONValue`.
            return Responses.json(capacity: 65_536) { DecisionJSON.write(decision, reference, language: context.language, into: &$0) }
        } catch let error as InputError {
            let problems = JSONValue.array(error.diagnostics.map { d in
                .object([("line", .int(Int64(d.location.line))), ("column", .int(Int64(d.location.column))),
                         ("field", .string(d.field)), ("message", .string(d.message(context.language)))])
            })
            return Responses.json(JSONValue.object([("error", .string(context.language == .vi ? "bằng chứng không hợp lệ" : "invalid evidence")),
                                                    ("status", .int(422)), ("problems", problems)]).rendered(),
                                  status: .unprocessableContent)
        }
    }

    private func headline(_ d: DecisionHeadline) -> JSONValue {
        .object([("id", .int(d.id)), ("standard", .string(d.standardId)), ("period", .string(d.period)),
                 ("outcome", .string(d.outcome)), ("provisional", .bool(d.provisional)), ("total", .int(d.total)),
                 ("maximum", .int(Int64(d.maximum))), ("threshold", .int(d.threshold)), ("class", .string(d.unitClass)),
                 ("decidedAt", .string(d.decidedAt)), ("decidedBy", .string(d.decidedBy))])
    }

    private func units(_ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let visible = try services.view().units().filter { AccessPolicy.canRead(session.user, $0) }
        return Responses.json(JSONValue.array(visible.map { u in
            .object([("id", .string(u.id)), ("name", .string(u.name)), ("unitType", .string(u.unitType.rawValue)),
                     ("province", .string(u.province)), ("commune", .string(u.commune)),
                     ("decisions", .array(u.decisions.map(headline)))])
        }).rendered())
    }

    private func decisions(_ context: WebContext) throws -> Response {
        let (_, unit, _) = try UnitRoutes.readable(context, services)
        let items = try unit.decisions.map { d -> JSONValue in
            let shown = try services.shown(d)
            return .object([("id", .int(d.id)), ("decidedAt", .string(d.decidedAt)), ("decidedBy", .string(d.decidedBy)),
                            ("decisionHash", .string(shown.record.decisionHash)),
                            ("decision", DecisionJSON.value(shown.decision, shown.reference, language: context.language))])
        }
        return Responses.json(JSONValue.array(items).rendered())
    }
}
