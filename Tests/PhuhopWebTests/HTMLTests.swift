import PhuhopCore
import Testing
@testable import PhuhopWeb

/// The small helpers every page writes with.
@Suite struct HTMLTests {
    @Test func aRecordedMomentReadsAsADateAndTimeInEachLanguage() {
        #expect(HTML.moment("2026-11-26T14:49:11Z", .vi) == "26/11/2026 14:49 UTC")
        #expect(HTML.moment("2026-11-26T14:49:11Z", .en) == "2026-11-26 14:49 UTC")
    }

    @Test func anyOtherTextIsShownAsItIsEscaped() {
        #expect(HTML.moment("", .vi) == "")
        #expect(HTML.moment("2026-11-26 14:49", .vi) == "2026-11-26 14:49")
        #expect(HTML.moment("2026-11-26T14:49:1xZ", .vi) == "2026-11-26T14:49:1xZ")
        #expect(HTML.moment("<b>2026-11-26T14:49:11</b>", .en) == "&lt;b&gt;2026-11-26T14:49:11&lt;/b&gt;")
    }
}
