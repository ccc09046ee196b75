import Testing
import PhuhopCore

@Suite struct CalendarDateTests {
    @Test func parsesRealDaysOnly() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "24-01-01") == nil)
    }

    @Test func aPeriodCannotEndBeforeItStarts() throws {
        let start = try #require(CalendarDate(iso: "2024-10-31"))
        let end = try #require(CalendarDate(iso: "2023-11-01"))
        #expect(Period(from: start, to: end) == nil)
        #expect(Period(from: end, to: start) != nil)
    }

    @Test func writesVietnameseDates() throws {
        #expect(try #require(CalendarDate(iso: "2019-01-03")).vietnamese == "03/01/2019")
    }
}
