import Foundation
import HTTPTypes
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// Every route under every role: what each may read and change, and that each refusal is logged.
///
/// Allowed posts send forms that are refused on their content (422 or 400), so the shared
/// fixture is never changed: what is checked is that the access rule let them through. The
/// suite has a fixture of its own and runs one test at a time, so the refusals it counts in the
/// audit log are its own.
@Suite(.serialized) struct AccessRulesTests {
    static let fixture: Result<WebFixture, any Error> = Result { try WebFixture() }

    struct Rule: Sendable, CustomTestStringConvertible {
        var user: String
        var method: HTTPRequest.Method
        var path: String
        var status: HTTPResponse.Status
        var testDescription: String { "\(user) \(method) \(path) → \(status.code)" }
    }

    static let users = ["admin", "eva", "school01", "vera"]

    /// Expected status per user, in the order of `users`.
    static func rules(_ method: HTTPRequest.Method, _ path: String, _ codes: [Int]) -> [Rule] {
        zip(users, codes).map { Rule(user: $0, method: method, path: path, status: HTTPResponse.Status(code: $1)) }
    }

    static let all: [Rule] = [
        rules(.get, "/units", [200, 200, 200, 200]),
        rules(.get, "/units/DEMO-X001", [200, 200, 403, 200]),
        rules(.get, "/units/DEMO-X002", [200, 403, 403, 200]),
        rules(.get, "/units/DEMO-T01", [200, 200, 200, 200]),
        rules(.get, "/units/DEMO-T02", [200, 403, 403, 200]),
        rules(.get, "/units/DEMO-X002/annex?standard=qd06-2019", [200, 403, 403, 200]),
        rules(.get, "/units/DEMO-X001/evidence?standard=qd06-2019", [200, 200, 403, 403]),
        rules(.get, "/units/DEMO-X002/evidence?standard=qd06-2019", [200, 403, 403, 403]),
        rules(.get, "/units/DEMO-T01/evidence?standard=tt18-2023", [400, 400, 403, 403]),
        rules(.get, "/units/DEMO-T01/annex?standard=tt18-2023", [200, 200, 200, 200]),
        rules(.get, "/units/DEMO-T01/checklist?standard=tt18-2023", [200, 200, 200, 403]),
        rules(.get, "/units/DEMO-T02/checklist?standard=tt18-2023", [200, 403, 403, 403]),
        rules(.get, "/dashboard", [200, 200, 403, 200]),
        rules(.get, "/whatif", [200, 403, 403, 200]),
        rules(.get, "/users", [200, 403, 403, 403]),
        rules(.get, "/api/units", [200, 200, 200, 200]),
        rules(.get, "/api/units/DEMO-X002/decisions", [200, 403, 403, 200]),
        rules(.get, "/api/units/DEMO-T01/decisions", [200, 200, 200, 200]),
        rules(.get, "/api/criteria", [200, 200, 200, 200]),
        rules(.post, "/units/DEMO-X001/evidence?standard=qd06-2019", [422, 422, 403, 403]),
        rules(.post, "/units/DEMO-X002/evidence?standard=qd06-2019", [422, 403, 403, 403]),
        rules(.post, "/units/DEMO-T01/checklist?standard=tt18-2023", [400, 400, 400, 403]),
        rules(.post, "/units/DEMO-T02/checklist?standard=tt18-2023", [400, 403, 403, 403]),
        rules(.post, "/users", [422, 403, 403, 403]),
    ].flatMap { $0 }

    @Test(arguments: all)
    func theRoleMayOrMayNot(_ rule: Rule) async throws {
        let fixture = try Self.fixture.get()
        let deniedBefore = try fixture.store.auditLog().filter { $0.action == .denied && $0.actor == rule.user }.count
        let status = try await fixture.test { browser in
            #expect(try await browser.signIn(rule.user, fixture.password(rule.user)).status == .seeOther)
            if rule.method == .post {
                // A form refused on its content when allowed: no evidence, an unknown action, a blank user.
                return try await browser.post(rule.path, [("csrf", try await browser.csrf()), ("action", "bogus"), ("reason", "")]).status
            }
            return try await browser.get(rule.path).status
        }
        #expect(status == rule.status)
        let denied = try fixture.store.auditLog().filter { $0.action == .denied && $0.actor == rule.user }.count
        #expect(denied == deniedBefore + (rule.status == .forbidden ? 1 : 0))
    }

    static let pages = ["/units", "/units/DEMO-X001", "/units/DEMO-X001/annex", "/units/DEMO-X001/evidence?standard=qd06-2019",
                        "/units/DEMO-T01/checklist", "/dashboard", "/whatif", "/users"]

    @Test(arguments: pages)
    func aPageWithoutSessionSendsToSignIn(_ path: String) async throws {
        let fixture = try Self.fixture.get()
        try await fixture.test { browser in
            let response = try await browser.get(path)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/signin?next=" + FormData.encode(path))
        }
    }

    @Test(arguments: ["/api/units", "/api/criteria", "/api/criteria/qd06-2019", "/api/units/DEMO-X001/decisions"])
    func theAPIWithoutSessionAnswers401(_ path: String) async throws {
        let fixture = try Self.fixture.get()
        try await fixture.test { browser in
            let response = try await browser.get(path)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.body.contains("\"status\":401"))
        }
    }

    @Test func aListShowsOnlyTheUnitsInScope() async throws {
        let fixture = try Self.fixture.get()
        let (eva, school) = try await fixture.test { browser in
            try await browser.signIn("eva", WebFixture.password)
            let eva = try await browser.get("/units").body
            try await browser.signIn("school01", WebFixture.password)
            return (eva, try await browser.get("/units").body)
        }
        #expect(eva.contains("href=\"/units/DEMO-X001\""))
        #expect(eva.contains("href=\"/units/DEMO-T01\""))
        #expect(!eva.contains("href=\"/units/DEMO-X002\""))
        #expect(eva.contains("2 đơn vị"))
        #expect(school.contains("href=\"/units/DEMO-T01\""))
        #expect(school.contains("1 đơn vị"))
    }

    @Test func aPostWithoutTheSessionsTokenIsRefused() async throws {
        let fixture = try Self.fixture.get()
        try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            let missing = try await browser.post("/units/DEMO-X001/evidence?standard=qd06-2019", [("reason", "x")])
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("biểu mẫu đã hết hạn"))
            // Another session's token does not do either.
            let other = try await fixture.test { second in
                try await second.signIn("eva", WebFixture.password)
                return try await second.csrf()
            }
            #expect(try await browser.post("/units/DEMO-X001/evidence?standard=qd06-2019", [("csrf", other)]).status == .forbidden)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try Self.fixture.get()
        try await fixture.test { browser in
            for path in ["/signin", "/nope", "/openapi.json"] {
                let response = try await browser.get(path)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
