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

    @Test func theExamplesShownApplyToTheStandardChosen() async throws {
        let fixture = try WebFixture.shared.get()
        let standards = fixture.services.standards.values.map(\.loaded.standard).filter { !$0.hasItems }
        #expect(standards.count > 1)
        for standard in standards {
            // A class's threshold and a share band's bound where the standard has them.
            #expect(WhatIfRoutes.examples(standard).count == (standard.recognition.classes.isEmpty ? 1 : 2), "\(standard.id)")
        }
        #expect(WhatIfRoutes.examples(try fixture.services.standard("moh-safe-community").loaded.standard) == ["s2.1.bands[0].above=59%"])
        let qd06 = WhatIfRoutes.examples(try fixture.services.standard("qd06-2019").loaded.standard)
        #expect(qd06 == ["qd06-2019.recognition.classes.urban-ward.threshold=850", "c02.1.bands[0].atLeast=99%"], "\(qd06)")
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return try await browser.get("/whatif").body
        }
        // Without a choice, the page starts from a standard with classes.
        #expect(page.contains("<option value=\"qd06-2019\" selected>"))
        let shown = try #require(WhatIfRoutes.examples(try fixture.services.standard("qd06-2019").loaded.standard).first)
        #expect(page.contains("placeholder=\"\(shown)\""))
        #expect(page.contains("<code>urban-ward</code>"))
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
        // The units whose points move without a flip are listed too, each with a link.
        let standard = try fixture.services.standard("qd06-2019").loaded.standard
        let draft = try #require(fixture.services.variants["qd06-2019-epi99"]).standard
        let expected = try WhatIfRoutes.compare(fixture.store, baseline: standard, variant: draft)
        #expect(!expected.shifts.isEmpty)
        #expect(expected.shifts.count == expected.summary.changed - expected.flips.count)
        #expect(expected.shifts.allSatisfy { $0.flip == 0 && $0.changed })
        #expect(page.contains("<h3>Đơn vị đổi điểm hoặc kết luận, không thêm hay mất công nhận</h3>"))
        for shift in expected.shifts {
            #expect(page.contains("href=\"/units/\(shift.baseline.unit.id)\""))
        }
    }
}
