import Foundation
import HTTPTypes
import PhuhopCore
import PhuhopFormats
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// Entering a commune's evidence on its page: recorded and decided, or refused field by field
/// with the CLI's own messages and nothing written.
@Suite struct EvidenceEntryTests {
    /// The form as the unit's page fills it in from the stored evidence, plus the token and a reason.
    private func filledForm(_ fixture: WebFixture, unit: String, csrf: String, changes: [String: String]) throws -> [(String, String)] {
        let standard = try fixture.services.standard("qd06-2019").loaded.standard
        let evidence = try #require(try fixture.store.latestEvidence(unit: unit, standard: standard))
        var values = EvidenceForm.values(of: evidence, standard: standard)
        values.merge(changes) { $1 }
        return [("csrf", csrf), ("reason", "Số liệu kiểm tra lại")] + values.sorted { $0.key < $1.key }
    }

    @Test func validEvidenceIsRecordedAndDecidedByTheSignedInEvaluator() async throws {
        let fixture = try WebFixture()
        let revisions = try fixture.store.revisionCount()
        let page = try await fixture.test { browser in
            try await browser.signIn("eva", WebFixture.password)
            let form = try filledForm(fixture, unit: "DEMO-X001", csrf: try await browser.csrf(),
                                      changes: ["facts.c03.children-abused": "1"])
            let response = try await browser.post("/units/DEMO-X001/evidence?standard=qd06-2019", form)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/units/DEMO-X001?saved=1#std-qd06-2019")
            return try await browser.get("/units/DEMO-X001?saved=1").body
        }
        #expect(page.contains("Đã ghi bằng chứng và ra quyết định mới."))
        #expect(page.contains("KHÔNG ĐẠT CHUẨN"))
        #expect(try fixture.store.revisionCount() == revisions + 1)
        let unit = try #require(try fixture.store.unitSummaries(unit: "DEMO-X001").first)
        let decision = try #require(unit.decisions.first { $0.standardId == "qd06-2019" })
        #expect(decision.outcome == "notRecognized")
        #expect(decision.decidedBy == "eva")
        let log = try fixture.store.auditLog()
        #expect(log.contains { $0.action == .import && $0.actor == "eva" && $0.detail.contains("Số liệu kiểm tra lại") })
        #expect(log.contains { $0.action == .decide && $0.actor == "eva" })
        // The history on the page names the revision's author and reason.
        #expect(page.contains("<td>eva</td>"))
    }

    @Test func aValueTheReaderRefusesIsShownNextToItsFieldAndNothingIsWritten() async throws {
        let fixture = try WebFixture()
        let revisions = try fixture.store.revisionCount()
        let decisions = try fixture.store.unitSummaries(unit: "DEMO-X001").first?.decisions
        let page = try await fixture.test { browser in
            try await browser.signIn("eva", WebFixture.password)
            let form = try filledForm(fixture, unit: "DEMO-X001", csrf: try await browser.csrf(),
                                      changes: ["facts.c02.births": "mười", "period.to": "2024-13-40"])
            let response = try await browser.post("/units/DEMO-X001/evidence?standard=qd06-2019", form)
            #expect(response.status == .unprocessableContent)
            return response.body
        }
        // The message is the CLI's, for the same text in a file.
        guard case .failure(let problem) = FactText.parse("mười", type: .count) else {
            Issue.record("“mười” parsed as a count")
            return
        }
        #expect(page.contains("<span class=\"error\" id=\"f-facts-c02-births-error\" role=\"alert\"> \(HTML.escape(problem.message.vi))</span>"))
        #expect(page.contains("id=\"f-facts-c02-births\" name=\"facts.c02.births\" value=\"mười\" inputmode=\"numeric\" aria-invalid=\"true\""))
        #expect(page.contains("id=\"f-period-to-error\""))
        #expect(page.contains("Bằng chứng chưa được ghi"))
        #expect(try fixture.store.revisionCount() == revisions)
        #expect(try fixture.store.unitSummaries(unit: "DEMO-X001").first?.decisions == decisions)
    }

    @Test func inconsistentFactsAreShownAtTheFactTheReaderNames() async throws {
        let fixture = try WebFixture.shared.get()
        let page = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            let form = try filledForm(fixture, unit: "DEMO-X002", csrf: try await browser.csrf(),
                                      changes: ["facts.c02.births": "10", "facts.c02.births-registered-on-time": "12"])
            return try await browser.post("/units/DEMO-X002/evidence?standard=qd06-2019", form).body
        }
        #expect(page.contains("id=\"f-facts-c02-births-registered-on-time-error\""))
    }

    @Test func aBodyOverTheLimitIsRefusedAsTooLarge() async throws {
        let fixture = try WebFixture.shared.get()
        let response = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            return try await browser.post("/units/DEMO-X001/evidence?standard=qd06-2019",
                                          [("reason", String(repeating: "a", count: Responses.bodyLimit))])
        }
        #expect(response.status == .contentTooLarge)
        #expect(response.body.contains("nội dung gửi lên quá lớn (tối đa 1024 KB)"))
    }

    @Test func aReasonIsRequired() async throws {
        let fixture = try WebFixture.shared.get()
        let page = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            var form = try filledForm(fixture, unit: "DEMO-X002", csrf: try await browser.csrf(), changes: [:])
            form.removeAll { $0.0 == "reason" }
            return try await browser.post("/units/DEMO-X002/evidence?standard=qd06-2019", form)
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains("cần ghi lý do"))
    }

    @Test func theFormIsGeneratedFromTheCriteria() throws {
        let fixture = try WebFixture.shared.get()
        let standard = try fixture.services.standard("qd06-2019").loaded.standard
        let unit = try #require(try fixture.store.unitSummaries(unit: "DEMO-X001").first)
        let html = EvidenceForm(standard: standard, unit: unit, language: .vi)
            .fields([:], problems: FieldProblems(), assessments: [.selfAssessment])
        for fact in standard.facts {
            #expect(html.contains("name=\"facts.\(fact.id)\""), "no field for \(fact.id)")
        }
        for attribute in standard.attributes {
            #expect(html.contains("name=\"unit.attributes.\(attribute.id)\""))
        }
        for criterion in standard.criteria {
            #expect(html.contains(HTML.escape("\(criterion.number). \(criterion.name(.vi))")))
        }
    }
}
