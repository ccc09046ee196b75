import Foundation
import HTTPTypes
import PhuhopCore
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// A school fills in its safe-school checklist: draft, submit, result and remediation plan.
@Suite struct ChecklistPageTests {
    /// Every item answered: met, except the ones given.
    private func answers(_ fixture: WebFixture, notMet: Set<String> = [], leaveOut: Set<String> = []) throws -> [(String, String)] {
        let standard = try fixture.services.standard("tt18-2023").loaded.standard
        var fields = [("period.from", "2025-09-05"), ("period.to", "2026-05-31")]
        for fact in standard.facts where fact.type == .answer && !leaveOut.contains(fact.id) {
            fields.append(("items." + fact.id, notMet.contains(fact.id) ? "chuaDat" : "dat"))
        }
        return fields
    }

    @Test func aDraftIsKeptUntilSubmittedAndTheResultShowsTheRemediationPlan() async throws {
        let fixture = try WebFixture()
        let url = "/units/DEMO-T01/checklist?standard=tt18-2023"
        let (draftPage, resultPage) = try await fixture.test { browser in
            try await browser.signIn("school01", WebFixture.password)
            let csrf = try await browser.csrf()
            // A half-filled draft.
            let draft = try await browser.post(url, [("csrf", csrf), ("action", "draft"), ("period.from", "2025-09-05"),
                                                     ("items.a.1", "dat"), ("items.a.1.note", "Biên bản kiểm tra 09/2025")])
            #expect(draft.status == .seeOther)
            let draftPage = try await browser.get(url).body
            // Submitted whole, with one mandatory item (a.3) not met.
            let submitted = try await browser.post(url, [("csrf", csrf), ("action", "submit")] + answers(fixture, notMet: ["a.3"]))
            #expect(submitted.status == .seeOther)
            #expect(submitted.headers[.location] == "/units/DEMO-T01?saved=1#std-tt18-2023")
            return (draftPage, try await browser.get("/units/DEMO-T01?saved=1").body)
        }
        #expect(draftPage.contains("Bản nháp lưu lúc"))
        #expect(draftPage.contains("name=\"items.a.1\" value=\"dat\" checked"))
        #expect(draftPage.contains("value=\"Biên bản kiểm tra 09/2025\""))
        #expect(resultPage.contains("Kế hoạch khắc phục"))
        #expect(resultPage.contains("<code>a.3</code>"))
        #expect(try fixture.store.draft(unit: "DEMO-T01", standard: "tt18-2023") == nil)
        let log = try fixture.store.auditLog()
        #expect(log.contains { $0.action == .draft && $0.actor == "school01" && $0.subject == "unit:DEMO-T01" })
        #expect(log.contains { $0.action == .import && $0.actor == "school01" })
        let decision = try #require(try fixture.store.unitSummaries(unit: "DEMO-T01").first?.decisions.first { $0.standardId == "tt18-2023" })
        #expect(decision.period == "2025-09-05/2026-05-31")
        #expect(decision.outcome == "notRecognized")
    }

    @Test func anUnansweredItemIsShownAtTheItemAndNothingIsRecorded() async throws {
        let fixture = try WebFixture.shared.get()
        let revisions = try fixture.store.revisionCount()
        let page = try await fixture.test { browser in
            try await browser.signIn("school01", WebFixture.password)
            return try await browser.post("/units/DEMO-T01/checklist?standard=tt18-2023",
                                          [("csrf", try await browser.csrf()), ("action", "submit")] + answers(fixture, leaveOut: ["b.3"]))
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains("id=\"f-items-b-3-error\""))
        #expect(try fixture.store.revisionCount() == revisions)
    }

    @Test func aSchoolCannotFileAnInspection() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("school01", WebFixture.password)
            let page = try await browser.get("/units/DEMO-T01/checklist?standard=tt18-2023").body
            #expect(!page.contains("value=\"inspection\""))
            let response = try await browser.post("/units/DEMO-T01/checklist?standard=tt18-2023",
                                                  [("csrf", try await browser.csrf()), ("action", "submit"), ("assessment", "inspection")]
                                                      + answers(fixture))
            #expect(response.status == .seeOther)
        }
        let standard = try fixture.services.standard("tt18-2023").loaded.standard
        #expect(try fixture.store.latestEvidence(unit: "DEMO-T01", standard: standard)?.assessment == .selfAssessment)
    }
}
