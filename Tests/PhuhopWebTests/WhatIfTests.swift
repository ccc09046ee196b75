import Foundation
import PhuhopCore
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// What-if: which units a changed threshold or a draft would flip, and why.
@Suite struct WhatIfTests {
    @Test func aLowerThresholdFlipsTheUnitsJustBelowIt() async throws {
        let fixture = try WebFixture.shared.get()
        let standard = try fixture.services.standard("qd06-2019").loaded.standard
        // Every class's threshold down by 100 points.
        let sets = standard.recognition.classes.map { "qd06-2019.recognition.classes.\($0.id).threshold=\($0.threshold.value - 100)" }
        let variant = try StandardDraft.applying(sets, to: standard)
        let expected = try WhatIfRoutes.compare(fixture.store, baseline: standard, variant: variant)
        #expect(expected.summary.gains > 0)
        #expect(expected.summary.losses == 0)
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return try await browser.get("/whatif?standard=qd06-2019&set=" + FormData.encode(sets.joined(separator: "\n"))).body
        }
        #expect(page.contains("<div class=\"card\"><strong>\(expected.summary.gains)</strong>thêm được công nhận</div>"))
        let first = try #require(expected.flips.first)
        #expect(page.contains("href=\"/units/\(first.baseline.unit.id)\""))
        #expect(page.contains("ngưỡng \(try #require(first.variant.threshold))"))
        #expect(page.contains("KẾT QUẢ TẠM THỜI"))
    }

    @Test func aBrokenChangeIsExplainedNotApplied() async throws {
        let fixture = try WebFixture.shared.get()
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return try await browser.get("/whatif?standard=qd06-2019&set=" + FormData.encode("c07.1.points=60\nnonsense")).body
        }
        #expect(page.contains("<p class=\"errors\" role=\"alert\">"))
        #expect(!page.contains("<h2>Kết quả</h2>"))
    }

    @Test func aDraftFolderIsComparedToo() async throws {
        let fixture = try WebFixture.shared.get()
        let page = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            return try await browser.get("/whatif?standard=qd06-2019&variant=qd06-2019-epi99").body
        }
        #expect(page.contains("<h2>Kết quả</h2>"))
        #expect(page.contains("<div class=\"card\"><strong>120</strong>đơn vị</div>"))
    }
}
