import Testing
@testable import PhuhopWeb

/// The dashboard's bar toward the 65% and 75% targets.
@Suite struct ProgressBarTests {
    @Test func theBarIsAsLongAsTheShareAndTheTargetLabelsDoNotMeet() {
        let svg = ProgressBar(title: "Tỷ lệ", permille: 500, marks: [("2025: 65%", 650), ("2030: 75%", 750)]).svg()
        // Half of the 600-unit span.
        #expect(svg.contains("width=\"300\" height=\"20\" fill=\"#2e7d32\""))
        // Targets ten points apart: one label below the bar, the next above it.
        #expect(svg.contains("<text x=\"398\" y=\"58\" font-size=\"11\" text-anchor=\"middle\">2025: 65%</text>"))
        #expect(svg.contains("<text x=\"458\" y=\"10\" font-size=\"11\" text-anchor=\"middle\">2030: 75%</text>"))
    }

    @Test func aShareOverTheWholeStopsAtTheEnd() {
        let svg = ProgressBar(title: "x", permille: 1200, marks: []).svg()
        #expect(svg.contains("width=\"600\" height=\"20\" fill=\"#2e7d32\""))
    }
}
