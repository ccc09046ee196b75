import Foundation
import HTTPTypes
import PhuhopCore
import PhuhopFormats
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// A unit's decision as pages show it: every criterion with reasons and clauses, the
/// provisional banner, the printable annex, the demo label, escaping and the two languages.
@Suite struct DecisionPageTests {
    /// A demo commune whose current decision is provisional.
    private func provisionalCommune(_ fixture: WebFixture) throws -> String {
        try #require(try fixture.store.unitSummaries().first { $0.unitType.isCommuneLevel && $0.decisions.first?.provisional == true }).id
    }

    @Test func theDecisionShowsEveryCriterionWithItsClauseAndTheProvisionalBanner() async throws {
        let fixture = try WebFixture.shared.get()
        let unit = try provisionalCommune(fixture)
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return try await browser.get("/units/" + unit).body
        }
        let headline = try #require(try fixture.store.unitSummaries(unit: unit).first?.decisions.first)
        let shown = try fixture.services.shown(headline)
        #expect(shown.decision.provisional)
        #expect(page.contains("<p class=\"banner\" role=\"alert\">⚠ KẾT QUẢ TẠM THỜI"))
        for criterion in shown.reference.standard.criteria {
            #expect(page.contains("<h3>\(HTML.escape("\(criterion.number). \(criterion.name(.vi))")):"))
        }
        #expect(page.contains("Căn cứ: Quyết định 06/QĐ-TTg"))
        #expect(page.contains("DỮ LIỆU DEMO"))
        #expect(page.contains("Lịch sử bằng chứng và quyết định"))
    }

    @Test func theAnnexIsAPrintableA4PageWithASignatureBlock() async throws {
        let fixture = try WebFixture.shared.get()
        let unit = try provisionalCommune(fixture)
        let (vi, en, policy) = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            let page = try await browser.get("/units/\(unit)/annex?standard=qd06-2019")
            return (page.body, try await browser.get("/units/\(unit)/annex?standard=qd06-2019&lang=en").body,
                    page.headers[.contentSecurityPolicy] ?? "")
        }
        // The page's one inline stylesheet is allowed by its hash, and nothing else is.
        let style = try #require(vi.range(of: "<style>").flatMap { start in
            vi.range(of: "</style>").map { String(vi[start.upperBound..<$0.lowerBound]) }
        })
        let hash = Data(SHA256.digest(Array(style.utf8))).base64EncodedString()
        #expect(policy.contains("style-src 'sha256-\(hash)'"))
        #expect(policy.contains("default-src 'none'"))
        #expect(vi.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(vi.contains("@page { size: A4;"))
        #expect(vi.contains("TM. ĐOÀN ĐÁNH GIÁ"))
        #expect(vi.contains("DỮ LIỆU DEMO — không phải số liệu thật."))
        #expect(vi.contains("KẾT QUẢ TẠM THỜI"))
        #expect(en.contains("<html lang=\"en\">"))
        #expect(en.contains("FOR THE EVALUATION TEAM"))
        #expect(en.contains("PROVISIONAL"))
    }

    @Test func textFromTheDataIsEscapedEverywhere() async throws {
        let fixture = try WebFixture()
        let standard = try fixture.services.standard("qd06-2019")
        var evidence = try #require(try fixture.store.latestEvidence(unit: "DEMO-X001", standard: standard.loaded.standard))
        evidence.unit.id = "EVIL-1"
        evidence.unit.name = "<script>alert(1)</script> & \"co\""
        _ = try fixture.store.importEvidence(files: ["test"], by: Authorship(author: "test", reason: "<b>why</b>")) {
            _ = try $0.add(evidence, standard: standard.loaded.standard)
        }
        _ = try fixture.store.decide(.unit("EVIL-1", period: nil), by: "test", standards: { _ in standard }, each: { _ in })
        let pages = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            return [try await browser.get("/units/EVIL-1").body, try await browser.get("/units?q=EVIL").body,
                    try await browser.get("/units/EVIL-1/annex").body]
        }
        for page in pages {
            #expect(!page.contains("<script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"))
        }
        #expect(!pages[0].contains("<b>why</b>"))
        #expect(pages[0].contains("&lt;b&gt;why&lt;/b&gt;"))
    }

    @Test func englishIsOneSwitchAway() async throws {
        let fixture = try WebFixture.shared.get()
        let unit = try provisionalCommune(fixture)
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            _ = try await browser.get("/language/en?back=%2Funits")
            return try await browser.get("/units/" + unit).body
        }
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("PROVISIONAL"))
        #expect(page.contains("Points by criterion"))
        #expect(page.contains("DEMO DATA"))
        #expect(page.contains("href=\"/language/vi?back=%2Funits%2F\(unit)\""))
    }

    @Test func theListFiltersByOutcomeProvisionalAndSearch() async throws {
        let fixture = try WebFixture.shared.get()
        let units = try fixture.store.unitSummaries()
        let recognised = units.filter { $0.decisions.contains { $0.outcome == "recognized" } }
        let (byOutcome, bySearch, none) = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return (try await browser.get("/units?outcome=recognized").body, try await browser.get("/units?q=demo+002").body,
                    try await browser.get("/units?provisional=no").body)
        }
        #expect(byOutcome.contains("\(recognised.count) đơn vị"))
        #expect(bySearch.contains("1 đơn vị"))
        #expect(bySearch.contains("DEMO-X002"))
        let notProvisional = units.filter { $0.decisions.contains { !$0.provisional } }.count
        #expect(none.contains("\(notProvisional) đơn vị"))
    }
}
