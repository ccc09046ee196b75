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

    @Test func writesISODatesReadBackAsTheSameDay() throws {
        for text in ["2019-01-03", "2024-12-31", "1000-10-09", "9999-02-28", "2024-02-29"] {
            #expect(try #require(CalendarDate(iso: text)).description == text)
        }
        // Years below 1000 are written without padding (and so are not read back by `iso`).
        #expect(try #require(CalendarDate(year: 999, month: 3, day: 7)).description == "999-03-07")
    }

    @Test func writesVietnameseDates() throws {
        #expect(try #require(CalendarDate(iso: "2019-01-03")).vietnamese == "03/01/2019")
    }
}
