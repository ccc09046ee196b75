import Foundation
import PhuhopCore
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// The province dashboard: counts, progress against the targets, charts.
@Suite struct DashboardTests {
    @Test func binsCoverEveryValueIncludingNegatives() {
        let bins = DashboardRoutes.bins([-60, -1, 0, 24, 25, 99], width: 25)
        #expect(bins.map(\.low) == [-75, -50, -25, 0, 25, 50, 75])
        #expect(bins.map(\.count) == [1, 0, 1, 2, 1, 0, 1])
        #expect(DashboardRoutes.bins([], width: 25).isEmpty)
    }

    @Test func unitsStillNeededRoundUpAndCountUndecidedUnits() throws {
        func unit(_ id: String, _ outcome: String?) -> UnitSummary {
            UnitSummary(id: id, unitType: .xa, name: id, province: "P", commune: nil, decisions: outcome.map {
                [DecisionHeadline(id: 1, unitId: id, standardId: "s", periodFrom: "2024-01-01", periodTo: "2024-12-31", outcome: $0,
                                  provisional: false, total: 900, maximum: 1000, threshold: 850, unitClass: nil, itemsMet: nil,
                                  itemsApplicable: nil, decidedAt: "", decidedBy: "")]
            } ?? [])
        }
        let tally = DashboardRoutes.Tally([unit("a", "recognized"), unit("b", "notRecognized"), unit("c", nil)], standard: "s")
        #expect(tally.units == 3)
        #expect(tally.undecided == 1)
        #expect(tally.permille == 333)
        // 65% of 3 units is 1.95: 2 units, 1 more than recognised.
        #expect(tally.stillNeeded(try #require(Rational(65, 100))) == 1)
        #expect(tally.stillNeeded(try #require(Rational(1, 3))) == 0)
        #expect(tally.distances == [50, 50])
    }

    @Test func thePageCountsTheProvincesDecisionsAndDrawsTheCharts() async throws {
        let fixture = try WebFixture.shared.get()
        let page = try await fixture.test { browser in
            try await browser.signIn("vera", WebFixture.password)
            return try await browser.get("/dashboard?province=T%E1%BB%89nh+Demo").body
        }
        let communes = try fixture.store.unitSummaries().filter { $0.unitType.isCommuneLevel }
        let recognised = communes.filter { $0.decisions.first?.outcome == "recognized" }.count
        #expect(page.contains("<div class=\"card\"><strong>\(communes.count)</strong>đơn vị cấp xã</div>"))
        #expect(page.contains("<div class=\"card\"><strong>\(recognised)</strong>công nhận</div>"))
        #expect(page.contains("Mục tiêu 2025: 65%"))
        #expect(page.contains("Mục tiêu 2030: 75%"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(page.contains("KẾT QUẢ TẠM THỜI"))
        #expect(!page.contains("<script"))
    }
}
