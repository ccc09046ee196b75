import Testing
@testable import PhuhopCore

@Suite struct EvaluatorTests {
    let evaluator = Evaluator(standard: MiniStandard.make())

    private func keys(_ decision: Decision) -> Set<String> {
        Set(decision.reasons.filter(\.code.isDecisive).map { ReasonText.key($0, standard: evaluator.standard) })
    }

    @Test func capsACriterionAtItsMaximumAndSaysSo() {
        let decision = evaluator.evaluate(MiniStandard.evidence(true, true, total: 10, part: 9))
        #expect(decision.criteria[0].points == 100)
        #expect(decision.criteria[0].capped)
        #expect(decision.reasons.contains(Reason(.criterionCapped, .criterion(0))))
        #expect(decision.total == 200)
        #expect(decision.outcome == .recognized)
        // The cap is provisional and was used, so the recognition is provisional.
        #expect(decision.provisional)
        #expect(decision.provisionalValues.contains(.criterionMaximum(0)))
    }

    @Test func ninetyPercentExactlyReachesTheTopBand() {
        let at = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 9))
        #expect(at.criteria[1].points == 100)
        let below = evaluator.evaluate(MiniStandard.evidence(true, false, total: 1000, part: 899))
        #expect(below.criteria[1].points == 0)
        #expect(below.outcome == .notRecognized)
    }

    @Test func aZeroReachedThroughVerifiedValuesIsNotProvisional() {
        // c2 at 0 by verified bands; c1 uses a provisional activity, but the refusal does not rest on it.
        let decision = evaluator.evaluate(MiniStandard.evidence(true, true, total: 10, part: 1))
        #expect(decision.outcome == .notRecognized)
        #expect(!decision.provisional)
        #expect(!decision.provisionalValues.isEmpty)
        #expect(keys(decision) == ["classApplied", "zeroCriterion@c2", "belowThreshold"])
    }

    @Test func theClassDecidesTheThreshold() {
        // town threshold 150: 60 (c1.1 only) + 100 = 160 ≥ 150; city threshold 180 is not reached.
        let town = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 10))
        #expect(town.total == 160)
        #expect(town.outcome == .recognized)
        #expect(!town.provisional)
        let city = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 10, type: .phuong))
        #expect(city.outcome == .notRecognized)
        #expect(city.shortfall == 20)
        #expect(keys(city) == ["classApplied", "allCriteriaAboveZero", "belowThreshold"])
    }

    @Test func missingFactsMakeTheDecisionUndeterminedAndAreListed() {
        let decision = evaluator.evaluate(MiniStandard.evidence(true, nil, total: 10, part: nil))
        #expect(decision.outcome == .undetermined)
        #expect(decision.total == nil)
        #expect(decision.missing == [.fact(1), .fact(3)])
        #expect(decision.lowestTotal == 60)
        #expect(decision.highestTotal == 200)
        // Nothing provisional was used: the provisional activity and the cap were never reached.
        #expect(keys(decision) == ["classApplied", "missingFact@f.b", "missingFact@f.part"])
    }

    @Test func aCertainZeroRefusesEvenWithFactsMissing() {
        let decision = evaluator.evaluate(MiniStandard.evidence(false, false, total: nil, part: nil))
        #expect(decision.outcome == .notRecognized)
        #expect(decision.criteria[0].highest == 0)
        #expect(decision.missing == [.fact(3), .fact(2)])
    }

    @Test func anEmptyDenominatorFollowsTheIndicatorsRule() {
        let points = evaluator.evaluate(MiniStandard.evidence(true, false, total: 0, part: 0))
        #expect(points.criteria[1].points == 100)
        #expect(points.indicators[2].status == .denominatorZero)
        #expect(points.provisionalValues.contains(.zeroDenominator(criterion: 1, indicator: 0)))

        let strict = Evaluator(standard: MiniStandard.make(c2ZeroRule: .undetermined))
        let undetermined = strict.evaluate(MiniStandard.evidence(true, false, total: 0, part: 0))
        #expect(undetermined.outcome == .undetermined)
        #expect(undetermined.criteria[1].points == nil)
    }

    @Test func anUnknownAttributeLeavesTheClassOpenOnlyWhenItMatters() {
        let xa = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 10, remote: nil))
        #expect(xa.unitClass == nil)
        #expect(xa.outcome == .undetermined)
        #expect(xa.missing == [.attribute(0)])
        // A ward never reads `remote`: its class is known without it.
        let ward = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 10, type: .phuong, remote: nil))
        #expect(ward.unitClass == 1)
        #expect(ward.missing.isEmpty)
    }

    @Test func countsTooLargeToAddSaturateInsteadOfTrapping() {
        let decision = evaluator.evaluate(MiniStandard.evidence(true, false, total: Int64.max, part: Int64.max))
        #expect(decision.criteria[1].points == 100)
    }

    @Test func aValueInABandGapIsReportedNotScored() {
        let gapped = Evaluator(standard: MiniStandard.make(gap: true))
        let decision = gapped.evaluate(MiniStandard.evidence(true, false, total: 100, part: 85))
        #expect(decision.indicators[2].status == .outsideBands)
        #expect(decision.criteria[1].points == nil)
        #expect(decision.reasons.contains(Reason(.outsideBands, .indicator(criterion: 1, indicator: 0))))
    }

    @Test func everyScoredIndicatorHasExactlyOneReasonFromTheSameEvaluation() {
        let decision = evaluator.evaluate(MiniStandard.evidence(true, false, total: 10, part: 9))
        let detail = decision.reasons.filter { !$0.code.isDecisive && $0.code != .criterionCapped }
        #expect(detail.count == decision.indicators.count)
        let text = ReasonText.text(detail[2], decision: decision, standard: evaluator.standard, language: .en)
        #expect(text == "c2.1 “r”: 9/10 = 90% → band >= 90% → 100 points.")
    }
}

@Suite struct EvaluatorReuseTests {
    let evaluator = Evaluator(standard: MiniStandard.make())

    /// A decision reused across units must end up exactly as a fresh one: nothing left over.
    @Test func evaluatingIntoAReusedDecisionGivesTheSameResultAsAFreshOne() {
        let inputs = [
            MiniStandard.evidence(true, true, total: 10, part: 9),
            MiniStandard.evidence(false, false, total: nil, part: nil),
            MiniStandard.evidence(true, nil, total: 10, part: nil, remote: nil),
            MiniStandard.evidence(true, false, total: 0, part: 0, type: .phuong),
            MiniStandard.evidence(true, false, total: 1000, part: 899),
        ]
        var reused = evaluator.evaluate(inputs[0])
        for input in inputs + inputs.reversed() {
            evaluator.evaluate(input, into: &reused)
            let fresh = evaluator.evaluate(input)
            #expect(reused.outcome == fresh.outcome)
            #expect(reused.provisional == fresh.provisional)
            #expect(reused.total == fresh.total)
            #expect(reused.lowestTotal == fresh.lowestTotal && reused.highestTotal == fresh.highestTotal)
            #expect(reused.unitClass == fresh.unitClass && reused.threshold == fresh.threshold)
            #expect(reused.criteria.map(\.points) == fresh.criteria.map(\.points))
            #expect(reused.indicators.map(\.status) == fresh.indicators.map(\.status))
            #expect(reused.reasons == fresh.reasons)
            #expect(reused.missing == fresh.missing)
            #expect(reused.provisionalValues == fresh.provisionalValues)
            #expect(reused.unit == fresh.unit)
        }
    }
}

@Suite struct DistancePlanTests {
    /// c1 (two 60-point activities, capped at 100) at zero and a ward (threshold 180) at 100: the plan
    /// raises c1 with one activity (+60), then the other adds only what the cap leaves (+40, not +60).
    @Test func twoChangesInOneCriterionNeverCountPastItsCap() throws {
        let standard = MiniStandard.make()
        let decision = Evaluator(standard: standard).evaluate(MiniStandard.evidence(false, false, total: 10, part: 9, type: .phuong))
        let distance = try #require(DistanceToRecognition(decision, standard: standard))
        #expect(distance.shortfall == 80)
        #expect(distance.zeroCriteria == [0])
        let plan = try #require(distance.plan)
        #expect(plan.map(\.gain) == [60, 40])
        #expect(plan.reduce(0) { $0 + $1.gain } >= distance.shortfall)
    }
}
