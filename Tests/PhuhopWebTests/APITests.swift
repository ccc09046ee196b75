import Foundation
import HTTPTypes
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import Testing
@testable import PhuhopWeb

/// The JSON API: sign-in for programs, criteria, scoring, units and decisions, and its OpenAPI
/// description.
@Suite struct APITests {
    private func token(_ browser: Browser, _ name: String, _ password: String) async throws -> String {
        let body = "{\"name\":\(EvidenceSnapshot.quoted(name)),\"password\":\(EvidenceSnapshot.quoted(password))}"
        let response = try await browser.send("/api/session", method: .post, headers: [.contentType: "application/json"], body: body)
        #expect(response.status == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    @Test func scoringAPayloadGivesTheCLIsDecision() async throws {
        let fixture = try WebFixture.shared.get()
        let example = RepositoryPaths.examples.appendingPathComponent("xa-dak-ro-not-recognized.yaml")
        let standard = try fixture.services.standard("qd06-2019")
        let evidence = try EvidenceReader.read(try Data(contentsOf: example), file: "example", standard: standard.loaded.standard)
        // The same evidence as JSON, as a program would send it.
        let payload = EvidenceSnapshot.encode(evidence, standard: standard.loaded.standard)
        let expected = DecisionJSON.value(standard.evaluator.evaluate(evidence),
                                          StandardReference(standard: standard.loaded.standard, hash: standard.loaded.hash), language: .en)
        let body = try await fixture.test { browser in
            let token = try await token(browser, "vera", WebFixture.password)
            let response = try await browser.send("/api/score?lang=en", method: .post,
                                                  headers: [.contentType: "application/json", .authorization: "Bearer \(token)"], body: payload)
            #expect(response.status == .ok)
            return response.body
        }
        #expect(body == expected.rendered(pretty: false))
    }

    @Test func invalidEvidenceGetsEveryProblemWithItsField() async throws {
        let fixture = try WebFixture.shared.get()
        let response = try await fixture.test { browser in
            let token = try await token(browser, "vera", WebFixture.password)
            return try await browser.send("/api/score", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                                          body: "{\"standard\":\"qd06-2019\",\"unit\":{\"id\":\"X\"},\"period\":{\"from\":\"2024-01-01\",\"to\":\"2024-12-31\"},\"facts\":{\"c02.births\":\"ba\"}}")
        }
        #expect(response.status == .unprocessableContent)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        let problems = try #require(object?["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["field"] as? String == "facts.c02.births" && ($0["line"] as? Int ?? 0) >= 1 })
        #expect(problems.contains { $0["field"] as? String == "unit" || ($0["field"] as? String)?.hasPrefix("unit.") == true })
    }

    @Test func aCookieSessionMustPostJSON() async throws {
        let fixture = try WebFixture.shared.get()
        try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            // What a form on another site could send: refused before anything is read.
            let response = try await browser.send("/api/score?standard=qd06-2019", method: .post,
                                                  headers: [.contentType: "text/plain"], body: "{}")
            #expect(response.status == .badRequest)
        }
    }

    @Test func wrongCredentialsAnswer401AndAreLogged() async throws {
        let fixture = try WebFixture.shared.get()
        let response = try await fixture.test { browser in
            try await browser.send("/api/session", method: .post, headers: [.contentType: "application/json"],
                                   body: "{\"name\":\"vera\",\"password\":\"nope\"}")
        }
        #expect(response.status == .unauthorized)
        #expect(try fixture.store.auditLog().contains { $0.action == .signInFailed && $0.detail == "api" })
    }

    @Test func unitsAndDecisionsFollowTheCallersScope() async throws {
        let fixture = try WebFixture.shared.get()
        let (units, decisions) = try await fixture.test { browser in
            let token = try await token(browser, "eva", WebFixture.password)
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            return (try await browser.get("/api/units", headers: headers).body,
                    try await browser.get("/api/units/DEMO-X001/decisions", headers: headers).body)
        }
        let list = try #require(try JSONSerialization.jsonObject(with: Data(units.utf8)) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["id"] as? String }) == ["DEMO-X001", "DEMO-T01"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(decisions.utf8)) as? [[String: Any]])
        let decision = try #require(items.first?["decision"] as? [String: Any])
        #expect((decision["unit"] as? [String: Any])?["id"] as? String == "DEMO-X001")
        #expect(decision["provisional"] is Bool)
    }

    @Test func theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        let fixture = try WebFixture.shared.get()
        let (document, statuses) = try await fixture.test { browser in
            let document = try await browser.get("/openapi.json").body
            let token = try await token(browser, "admin", fixture.adminPassword)
            var statuses: [String: HTTPResponse.Status] = [:]
            for path in OpenAPIDocument.paths {
                let concrete = path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/api/criteria") ? "qd06-2019" : "DEMO-X001")
                let post = path == "/api/session" || path == "/api/score"
                statuses[path] = try await browser.send(concrete, method: post ? .post : .get,
                                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                        body: post ? "{}" : nil).status
            }
            return (document, statuses)
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        #expect(object["openapi"] as? String == "3.1.0")
        let paths = try #require(object["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(OpenAPIDocument.paths))
        for (path, status) in statuses {
            #expect(status != .notFound, "\(path) does not answer")
        }
    }
}
