/// Evaluates evidence against a points standard and returns the decision with its reasons.
///
/// This is the only code path that decides: the reasons, the missing facts and the provisional
/// values are recorded while the points are computed, so an explanation cannot disagree with
/// the outcome it explains.
///
/// Rules, as `Docs/criteria-format.md` states them:
/// - a missing fact leaves its indicator unscored; a criterion is then known only as a range;
/// - the outcome is `notRecognized` when a criterion is certainly zero, or when the class is known
///   and even the highest possible total falls short; otherwise `undetermined` when anything is
///   missing; otherwise `recognized` exactly when every criterion is above zero and the total
///   reaches the threshold;
/// - the decision is provisional when its outcome rests on a provisional value: for a refusal,
///   unless some zero criterion was reached through non-provisional values only.
public struct Evaluator: Sendable {
    public let standard: Standard
    private let plan: EvaluationPlan

    public init(standard: Standard) {
        self.standard = standard
        plan = EvaluationPlan(standard)
    }

    /// Evaluates one unit's evidence.
    public func evaluate(_ evidence: Evidence) -> Decision {
        var trace = Trace(capacity: plan.indicatorCount)
        var criteria: [CriterionResult] = []
        criteria.reserveCapacity(standard.criteria.count)
        var lowestTotal = 0
        var highestTotal = 0
        var totalKnown = true

        for c in plan.criteria.indices {
            let result = scoreCriterion(c, evidence, &trace)
            criteria.append(result)
            lowestTotal += result.lowest
            highestTotal += result.highest
            if result.points == nil { totalKnown = false }
        }

        let derived = deriveClass(evidence.unit, &trace)
        let recognition = standard.recognition
        let threshold = derived.unitClass.map { recognition.classes[$0].threshold.value }
        let zeroRuleApplies = recognition.noZeroCriterion.value
        var zeroCriteria: [Int] = []
        if zeroRuleApplies {
            for result in criteria where result.highest == 0 { zeroCriteria.append(result.criterion) }
        }
        let total: Int? = totalKnown ? lowestTotal : nil
        let anythingUnknown = !totalKnown || derived.unitClass == nil

        let outcome: Outcome
        if !zeroCriteria.isEmpty {
            outcome = .notRecognized
        } else if let threshold, highestTotal < threshold {
            outcome = .notRecognized
        } else if anythingUnknown {
            outcome = .undetermined
        } else if let total, let threshold, total >= threshold {
            outcome = .recognized
        } else {
            outcome = .notRecognized
        }

        // Decisive reasons, in the order a reader needs them.
        var decisive: [Reason] = []
        decisive.reserveCapacity(trace.details.count + 8)
        if let rule = derived.rule {
            decisive.append(Reason(.classApplied, .classRule(rule)))
        } else {
            decisive.append(Reason(.classUndetermined, .decision))
        }
        if !zeroCriteria.isEmpty {
            for c in zeroCriteria { decisive.append(Reason(.zeroCriterion, .criterion(c))) }
        } else if criteria.allSatisfy({ ($0.points ?? 0) > 0 }) {
            decisive.append(Reason(.allCriteriaAboveZero, .decision))
        }
        if let threshold {
            if let total, total >= threshold {
                decisive.append(Reason(.thresholdReached, .decision))
            } else if highestTotal < threshold || total != nil {
                decisive.append(Reason(.belowThreshold, .decision))
            }
        }
        for item in trace.missing {
            switch item {
            case .fact(let f): decisive.append(Reason(.missingFact, .fact(f)))
            case .attribute(let a): decisive.append(Reason(.missingFact, .attribute(a)))
            }
        }
        decisive += trace.samples

        let provisional: Bool
        if outcome == .notRecognized && !zeroCriteria.isEmpty {
            provisional = zeroCriteria.allSatisfy { criteria[$0].restsOnProvisional }
        } else {
            provisional = !trace.provisional.isEmpty
        }
        if provisional { decisive.append(Reason(.restsOnProvisional, .decision)) }
        decisive += trace.details

        return Decision(
            unit: evidence.unit, period: evidence.period, outcome: outcome, provisional: provisional,
            total: total, lowestTotal: lowestTotal, highestTotal: highestTotal, maximum: standard.maximum.value,
            unitClass: derived.unitClass, classRule: derived.rule, threshold: threshold,
            criteria: criteria, indicators: trace.indicators, reasons: decisive,
            missing: trace.missing, provisionalValues: trace.provisional
        )
    }

    // MARK: - Criteria

    private func scoreCriterion(_ c: Int, _ evidence: Evidence, _ trace: inout Trace) -> CriterionResult {
        let criterion = plan.criteria[c]
        let start = trace.indicators.count
        var known = 0
        var possible = 0
        var allKnown = true
        var usedProvisional = false
        if criterion.provisional {
            trace.useProvisional(.criterion(c))
            usedProvisional = true
        }
        for (i, flat) in criterion.indicators.enumerated() {
            let result = scoreIndicator(c, i, plan.indicators[flat], evidence, &trace, &usedProvisional)
            if let points = result.points {
                known += points
            } else {
                allKnown = false
                possible += result.highest
            }
            trace.indicators.append(result)
        }
        let maximum = criterion.maximum
        let capped = known > maximum
        if capped {
            trace.details.append(Reason(.criterionCapped, .criterion(c)))
            if criterion.maximumProvisional {
                trace.useProvisional(.criterionMaximum(c))
                usedProvisional = true
            }
        }
        let lowest = min(known, maximum)
        return CriterionResult(
            criterion: c, points: allKnown ? lowest : nil, lowest: lowest,
            highest: min(known + possible, maximum), capped: capped,
            restsOnProvisional: usedProvisional, indicators: start..<trace.indicators.count
        )
    }

    // MARK: - Indicators

    private func scoreIndicator(
        _ c: Int, _ i: Int, _ indicator: EvaluationPlan.Indicator, _ evidence: Evidence, _ trace: inout Trace,
        _ usedProvisional: inout Bool
    ) -> IndicatorResult {
        let subject = ReasonSubject.indicator(criterion: c, indicator: i)
        if indicator.provisional {
            trace.useProvisional(.indicator(criterion: c, indicator: i))
            usedProvisional = true
        }
        func unscored(_ status: IndicatorStatus, _ measure: Measure? = nil) -> IndicatorResult {
            IndicatorResult(criterion: c, indicator: i, points: nil, highest: indicator.maximumPoints,
                            status: status, measure: measure)
        }
        func scored(_ points: Int, _ status: IndicatorStatus, _ measure: Measure?, _ value: ValueReference?,
                    _ provisional: Bool) -> IndicatorResult {
            if provisional, let value {
                trace.useProvisional(value)
                usedProvisional = true
            }
            return IndicatorResult(criterion: c, indicator: i, points: points, highest: points,
                                   status: status, measure: measure)
        }

        switch indicator.kind {
        case .activity:
            guard case .boolean(let held)? = evidence.facts[indicator.fact] else {
                trace.addMissing(indicator.fact)
                return unscored(.missing)
            }
            trace.details.append(Reason(held ? .activityMet : .activityNotMet, subject))
            if held {
                return scored(indicator.points, .activity(true), .flag(true), .activityPoints(criterion: c, indicator: i),
                              indicator.pointsProvisional)
            }
            return scored(0, .activity(false), .flag(false), nil, false)

        case .count:
            guard case .count(let value)? = evidence.facts[indicator.fact] else {
                trace.addMissing(indicator.fact)
                return unscored(.missing)
            }
            guard let b = bandIndex(Rational(integer: value), indicator.bands) else {
                trace.details.append(Reason(.outsideBands, subject))
                return unscored(.outsideBands, .count(value))
            }
            trace.details.append(Reason(.bandMatched, subject))
            let band = plan.bands[indicator.bands.lowerBound + b]
            return scored(band.points, .band(b), .count(value), .band(criterion: c, indicator: i, band: b), band.provisional)

        case .ratio:
            var anyMissing = false
            if indicator.fact >= 0, evidence.facts[indicator.fact] == nil {
                trace.addMissing(indicator.fact)
                anyMissing = true
            }
            for n in indicator.numerator.lowerBound..<indicator.denominator.upperBound where evidence.facts[plan.facts[n]] == nil {
                trace.addMissing(plan.facts[n])
                anyMissing = true
            }
            for k in indicator.samples where evidence.facts[plan.samples[k].fact] == nil {
                trace.addMissing(plan.samples[k].fact)
                anyMissing = true
            }
            if anyMissing { return unscored(.missing) }
            for (k, s) in indicator.samples.enumerated() {
                let sample = plan.samples[s]
                if sample.provisional {
                    trace.useProvisional(.sampleMinimum(criterion: c, indicator: i, sample: k))
                    usedProvisional = true
                }
                if case .count(let size)? = evidence.facts[sample.fact], size < sample.atLeast {
                    trace.samples.append(Reason(.insufficientSample, subject))
                    return unscored(.insufficientSample(k))
                }
            }
            let value: Rational
            let measure: Measure
            if indicator.fact >= 0 {
                guard case .share(let fraction)? = evidence.facts[indicator.fact] else { return unscored(.missing) }
                value = fraction
                measure = .share(fraction)
            } else {
                let numerator = sum(indicator.numerator, evidence)
                let denominator = sum(indicator.denominator, evidence)
                if denominator == 0, let rule = indicator.zero {
                    let zero = Measure.ratio(numerator: numerator, denominator: 0, value: .zero)
                    switch rule {
                    case .points(let points):
                        trace.details.append(Reason(.denominatorZero, subject))
                        return scored(points, .denominatorZero, zero,
                                      .zeroDenominator(criterion: c, indicator: i), indicator.zeroProvisional)
                    case .undetermined:
                        trace.details.append(Reason(.denominatorZeroUndetermined, subject))
                        if indicator.zeroProvisional {
                            trace.useProvisional(.zeroDenominator(criterion: c, indicator: i))
                            usedProvisional = true
                        }
                        return unscored(.denominatorZeroUndetermined, zero)
                    }
                }
                guard let fraction = Rational(numerator, denominator) else {
                    // The loader requires a rule for every counted denominator; without one the
                    // indicator cannot be scored rather than guessed.
                    trace.details.append(Reason(.denominatorZeroUndetermined, subject))
                    return unscored(.denominatorZeroUndetermined)
                }
                value = indicator.per > 0 ? fraction.multiplied(by: indicator.per) : fraction
                measure = .ratio(numerator: numerator, denominator: denominator, value: value)
                if indicator.per > 0, indicator.perProvisional {
                    trace.useProvisional(.per(criterion: c, indicator: i))
                    usedProvisional = true
                }
            }
            guard let b = bandIndex(value, indicator.bands) else {
                trace.details.append(Reason(.outsideBands, subject))
                return unscored(.outsideBands, measure)
            }
            trace.details.append(Reason(.bandMatched, subject))
            let band = plan.bands[indicator.bands.lowerBound + b]
            return scored(band.points, .band(b), measure, .band(criterion: c, indicator: i, band: b), band.provisional)
        }
    }

    /// The position of the first band (within `range`) that holds the value.
    private func bandIndex(_ value: Rational, _ range: Range<Int>) -> Int? {
        for b in range where plan.bands[b].contains(value) { return b - range.lowerBound }
        return nil
    }

    private func sum(_ range: Range<Int>, _ evidence: Evidence) -> Int64 {
        var total: Int64 = 0
        for n in range {
            if case .count(let value)? = evidence.facts[plan.facts[n]] { total += value }
        }
        return total
    }

    // MARK: - Class

    private struct DerivedClass {
        var unitClass: Int?
        var rule: Int?
    }

    /// Reads the class rules in order. A rule that needs an attribute the province did not record
    /// makes its class possible; the class is known once a rule certainly holds and every class
    /// possible before it is that same class.
    private func deriveClass(_ unit: UnitInfo, _ trace: inout Trace) -> DerivedClass {
        let rules = standard.recognition.classRules
        var possible: [Int] = []
        var unknownAttributes: [Int] = []
        for (r, rule) in rules.enumerated() {
            if !rule.unitTypes.isEmpty && !rule.unitTypes.contains(unit.unitType) { continue }
            var holds = true
            var unknown: [Int] = []
            for (attribute, expected) in rule.attributes {
                switch unit.attributes[attribute] {
                case nil: unknown.append(attribute)
                case let actual?: if actual != expected { holds = false }
                }
            }
            guard holds else { continue }
            if !unknown.isEmpty {
                possible.append(rule.unitClass)
                for a in unknown where !unknownAttributes.contains(a) { unknownAttributes.append(a) }
                continue
            }
            if possible.allSatisfy({ $0 == rule.unitClass }) {
                if rule.provenance == .provisional { trace.useProvisional(.classRule(r)) }
                let threshold = standard.recognition.classes[rule.unitClass].threshold
                if threshold.isProvisional { trace.useProvisional(.threshold(unitClass: rule.unitClass)) }
                return DerivedClass(unitClass: rule.unitClass, rule: r)
            }
            break
        }
        for a in unknownAttributes { trace.missing.append(.attribute(a)) }
        return DerivedClass(unitClass: nil, rule: nil)
    }
}

/// What an evaluation records as it goes; kept in one place so the hot path appends to a few
/// preallocated arrays instead of building intermediate ones.
private struct Trace {
    var indicators: [IndicatorResult] = []
    var details: [Reason] = []
    var samples: [Reason] = []
    var missing: [MissingItem] = []
    var provisional: [ValueReference] = []

    init(capacity: Int) {
        indicators.reserveCapacity(capacity)
        details.reserveCapacity(capacity + 2)
        provisional.reserveCapacity(capacity + 4)
    }

    mutating func addMissing(_ fact: Int) {
        if !missing.contains(.fact(fact)) { missing.append(.fact(fact)) }
    }

    mutating func useProvisional(_ value: ValueReference) {
        provisional.append(value)
    }
}
