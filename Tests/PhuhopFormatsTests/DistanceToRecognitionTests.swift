import Foundation
import PhuhopCore
import Testing
@testable import PhuhopFormats

/// Distances worked out by hand from the golden cases' evidence.
@Suite struct DistanceToRecognitionTests {
    let standard: Standard

    init() throws {
        standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
    }

    private func decide(_ caseFile: String) throws -> Decision {
        let url = RepositoryPaths.cases.appendingPathComponent("qd06-2019/\(caseFile)")
        let golden = try CaseReader.read(Data(contentsOf: url), file: caseFile, standard: standard)
        return Evaluator(standard: standard).evaluate(golden.evidence)
    }

    private func key(_ change: DistanceToRecognition.Change) -> String {
        let id = standard.criteria[change.criterion].indicators[change.indicator].id
        switch change.change {
        case .hold: return "\(id) hold +\(change.gain)"
        case .count(_, _, let by): return "\(id) \(by) +\(change.gain)"
        case .share: return "\(id) share +\(change.gain)"
        }
    }

    @Test func fivePointsShortNeedsOneMoreChildImmunised() throws {
        // Case 010: remote commune at 795. c07 132/139 = 94.96%; 133/139 = 95.68% reaches [95, 98) → 35 (+15).
        let decision = try decide("010-remote-xa-mountainous-at-795.yaml")
        let distance = try #require(DistanceToRecognition(decision, standard: standard))
        #expect(distance.shortfall == 5)
        #expect(distance.zeroCriteria.isEmpty)
        #expect(distance.plan?.map(key) == ["c07.1 1 +15"])
        // c02 108/120 = 90% → 114/120 = 95% (+10); c06.1 32/40 → 36/40 = 90% (+15);
        // c10.2 1349/1500 → 1350/1500 = 90% (+15); c13 105/150 → 120/150 = 80% (+15); c01.4 and c11.2 held.
        #expect(Set(distance.options.map(key)) == [
            "c01.4 hold +20", "c02.1 6 +10", "c06.1 4 +15", "c07.1 1 +15", "c10.2 1 +15", "c11.2 hold +25", "c13.1 15 +15",
        ])
    }

    @Test func aZeroCriterionComesFirstInThePlan() throws {
        // Case 023: remote commune at 850 with two abused children: c03 at 0 blocks; 2 → 0 brings +150.
        let decision = try decide("023-remote-c03-zero-above-threshold.yaml")
        let distance = try #require(DistanceToRecognition(decision, standard: standard))
        #expect(distance.shortfall == 0)
        #expect(distance.zeroCriteria.map { standard.criteria[$0].id } == ["c03"])
        #expect(distance.plan?.map(key) == ["c03.1 -2 +150"])
    }

    @Test func aRecognisedOrUndeterminedUnitHasNoDistance() throws {
        #expect(DistanceToRecognition(try decide("001-urban-ward-at-900.yaml"), standard: standard) == nil)
        #expect(DistanceToRecognition(try decide("044-missing-registered-births.yaml"), standard: standard) == nil)
    }
}
