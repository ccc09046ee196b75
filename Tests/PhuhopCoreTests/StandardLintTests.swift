import Testing
@testable import PhuhopCore

@Suite struct StandardLintTests {
    @Test func aSoundStandardHasNoProblems() {
        #expect(StandardLint.problems(in: MiniStandard.make()).isEmpty)
    }

    @Test func findsAGapInABandTable() {
        let problems = StandardLint.problems(in: MiniStandard.make(gap: true))
        #expect(problems.contains { $0.message.en.contains("gap") })
    }

    @Test func findsMaximaThatDoNotAddUp() {
        var standard = MiniStandard.make()
        standard.maximum.value = 1000
        let problems = StandardLint.problems(in: standard)
        #expect(problems.contains { $0.subject == .standardMaximum })
    }

    @Test func findsPointsAboveTheCriterionMaximum() {
        var standard = MiniStandard.make()
        standard.criteria[1].maximum.value = 50
        standard.maximum.value = 150
        let problems = StandardLint.problems(in: standard)
        #expect(problems.contains { $0.subject == .indicator(criterion: 1, indicator: 0) })
    }

    @Test func findsOverlappingBandsDuplicateIdsAndMissingCitations() {
        var standard = MiniStandard.make()
        if case .ratio(var ratio) = standard.criteria[1].indicators[0].scoring {
            ratio.bands[1].upper = Bound(Rational(95, 100)!, inclusive: false)
            ratio.bands[1].citation = nil
            standard.criteria[1].indicators[0].scoring = .ratio(ratio)
        }
        standard.criteria[1].id = "c1"
        let messages = StandardLint.problems(in: standard).map(\.message.en)
        #expect(messages.contains { $0.contains("overlaps") })
        #expect(messages.contains { $0.contains("duplicate criterion id") })
        #expect(messages.contains { $0.contains("missing legal citation for c2.1.bands[1]") })
    }
}
