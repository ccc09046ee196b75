import Testing
import PhuhopCore

/// A standard, its criteria and its indicators share their fields until one is changed: a copy
/// must still behave as a value.
@Suite struct StandardStorageTests {
    let standard = MiniStandard.make()

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        var copy = standard
        copy.id = "changed"
        copy.criteria[0].maximum = Marked(90, provenance: .provisional, citation: nil)
        copy.criteria[1].indicators[0].name = LocalizedText(vi: "đổi", en: "changed")
        copy.criteria[0].indicators[1].scoring = .activity(fact: 1, points: Marked(5, provenance: .verified, citation: nil))

        #expect(copy.id == "changed")
        #expect(copy.criteria[0].maximum.value == 90)
        #expect(copy.criteria[1].indicators[0].name.vi == "đổi")
        #expect(copy.criteria[0].indicators[1].maximumPoints == 5)
        #expect(standard.id != "changed")
        #expect(standard.criteria[0].maximum.value == 100)
        #expect(standard.criteria[1].indicators[0].name.vi == "r")
        #expect(standard.criteria[0].indicators[1].maximumPoints == 60)
        // The fields left alone are still read through the copy.
        #expect(copy.criteria[1].indicators[0].id == "c2.1")
        #expect(copy.criteria[0].indicators.count == standard.criteria[0].indicators.count)
    }

    @Test func aChangedCopyScoresByItsOwnValues() throws {
        var copy = standard
        copy.criteria[0].indicators[0].scoring = .activity(fact: 0, points: Marked(10, provenance: .verified, citation: nil))
        let evidence = MiniStandard.evidence(true, false, total: 10, part: 9)
        let changed = Evaluator(standard: copy).evaluate(evidence)
        let original = Evaluator(standard: standard).evaluate(evidence)
        #expect(changed.criteria[0].points == 10)
        #expect(original.criteria[0].points == 60)
    }
}
