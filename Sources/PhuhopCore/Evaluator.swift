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
        var decision = Decision(unit: evidence.unit, period: evidence.period, valueTable: plan.values)
        evaluate(evidence, into: &decision)
        return decision
    }

    /// Evaluates one unit's evidence into an existing decision, reusing its storage.
    ///
    /// The result is the same as `evaluate(_:)`; a loop over many units (a batch, a benchmark)
    /// passes the same decision each time and so allocates nothing once it has warmed up.
    public func evaluate(_ evidence: borrowing Evidence, into decision: inout Decision) {
        var trace = Trace(reusing: &decision, capacity: plan.indicatorCount, values: plan.values.count)
        decision.unit = evidence.unit
        decision.period = evidence.period
        decision.facts = evidence.facts
        decision.sources = evidence.sources
        decision.valueTable = plan.values
        decision.maximum = standard.maximum.value
        var lowestTotal = 0
        var highestTotal = 0
        var totalKnown = true

        for c in plan.criteria.indices {
            let result = scoreCriterion(c, evidence, &trace)
            trace.criteria.append(result)
            lowestTotal += result.lowest
            highestTotal += result.highest
            if result.points == nil { totalKnown = false }
        }

        let recognition = standard.recognition
        var verdict = Verdict()
        let total: Int? = totalKnown ? lowestTotal : nil

        // No criterion at zero.
        let zeroRuleApplies = recognition.noZeroCriterion.value
        var anyZero = false
        if zeroRuleApplies {
            var clean = false
            for result in trace.criteria where result.highest == 0 {
                anyZero = true
                if !result.restsOnProvisional { clean = true }
            }
            if anyZero {
                if recognition.noZeroCriterion.isProvisional {
                    trace.useProvisional(plan.noZeroSlot)
                    clean = false
                }
                verdict.fail(clean: clean)
            } else if !totalKnown {
                verdict.unknown()
            }
        }

        // The class and its threshold on the total. The thresholds that could apply: one when
        // the class is known, else every candidate's. An unknown class decides nothing when the
        // total is below every threshold that could apply, or (all else known) at or above all.
        var derived = DerivedClass(unitClass: nil, rule: nil, candidates: [])
        var threshold: Int?
        var thresholdFails = false
        if !recognition.classes.isEmpty {
            derived = deriveClass(evidence.unit, &trace)
            var lowestThreshold = Int.max
            var highestThreshold = Int.min
            func consider(_ k: Int) {
                let value = recognition.classes[k].threshold
                lowestThreshold = min(lowestThreshold, value.value)
                highestThreshold = max(highestThreshold, value.value)
                if value.isProvisional { trace.useProvisional(plan.thresholdSlots[k]) }
            }
            if let k = derived.unitClass { consider(k) }
            for k in derived.candidates { consider(k) }
            let thresholdKnown = lowestThreshold != Int.max
            threshold = derived.unitClass != nil ? lowestThreshold : nil
            if thresholdKnown, highestTotal < lowestThreshold {
                thresholdFails = true
                if !anyZero { threshold = lowestThreshold }
            } else if let total, thresholdKnown, total >= highestThreshold {
                if !anyZero { threshold = highestThreshold }
            } else if total == nil || derived.unitClass == nil {
                verdict.unknown()
            } else {
                thresholdFails = true
            }
            if thresholdFails { verdict.failOnCount() }
        }

        // Decisive reasons, in the order a reader needs them. The detail reasons are the
        // indicator statuses recorded above (see `Decision.reasons`).
        if !recognition.classes.isEmpty {
            if let rule = derived.rule {
                trace.reasons.append(Reason(.classApplied, .classRule(rule)))
            } else {
                trace.reasons.append(Reason(.classUndetermined, .decision))
            }
        }
        if anyZero {
            for result in trace.criteria where result.highest == 0 {
                trace.reasons.append(Reason(.zeroCriterion, .criterion(result.criterion)))
            }
        } else if zeroRuleApplies, trace.criteria.allSatisfy({ ($0.points ?? 0) > 0 }) {
            trace.reasons.append(Reason(.allCriteriaAboveZero, .decision))
        }
        if let threshold {
            if let total, total >= threshold {
                trace.reasons.append(Reason(.thresholdReached, .decision))
            } else if highestTotal < threshold || total != nil {
                trace.reasons.append(Reason(.belowThreshold, .decision))
            }
        }
        if !plan.items.isEmpty {
            decision.checklist = checkItems(derived, threshold: threshold, &verdict, &trace)
        } else {
            decision.checklist = nil
        }
        if !recognition.vetoes.isEmpty { checkVetoes(evidence.vetoEvents, &verdict, &trace) }
        for item in trace.missing {
            switch item {
            case .fact(let f): trace.reasons.append(Reason(.missingFact, .fact(f)))
            case .attribute(let a): trace.reasons.append(Reason(.missingFact, .attribute(a)))
            case .vetoEvents: trace.reasons.append(Reason(.vetoesNotDeclared, .decision))
            }
        }
        for k in trace.samples.indices { trace.reasons.append(Reason(.insufficientSample, trace.samples[k])) }

        let outcome: Outcome = verdict.fails ? .notRecognized : verdict.unknowns ? .undetermined : .recognized
        // A refusal stands on its own when one failed condition rests on no provisional value;
        // a threshold or share rests on every item and value counted, hence on the whole trace.
        let provisional = outcome == .notRecognized
            ? !(verdict.clean || verdict.failsOnCount && !trace.usedProvisional)
            : trace.usedProvisional
        if provisional { trace.reasons.append(Reason(.restsOnProvisional, .decision)) }

        decision.outcome = outcome
        decision.provisional = provisional
        decision.total = total
        decision.lowestTotal = lowestTotal
        decision.highestTotal = highestTotal
        decision.unitClass = derived.unitClass
        decision.classRule = derived.rule
        decision.threshold = threshold
        trace.store(into: &decision)
    }

    // MARK: - Checklist

    /// Counts the items and checks the share, the mandatory items and the class's mandatory
    /// threshold; records their reasons.
    private func checkItems(_ derived: DerivedClass, threshold: Int?, _ verdict: inout Verdict,
                            _ trace: inout Trace) -> ChecklistTally {
        let recognition = standard.recognition
        var tally = ChecklistTally()
        let excluded = recognition.notApplicable?.value ?? false
        let mandatoryRules = recognition.allMandatory?.value == true
            || recognition.classes.contains { $0.mandatoryThreshold != nil }
        var failedMandatory: [Int] = []
        var mandatoryUnanswered = 0
        var usedNotApplicable = false
        for flat in plan.items {
            let item = plan.indicators[flat]
            tally.items += 1
            if item.mandatory { tally.mandatory += 1 }
            if mandatoryRules, item.mandatoryProvisional { trace.useProvisional(item.mandatorySlot) }
            switch trace.indicators[flat].status {
            case .answer(.dat):
                tally.met += 1
                if item.mandatory { tally.mandatoryMet += 1 }
            case .answer(.notApplicable) where item.mayBeNotApplicable && excluded:
                tally.notApplicable += 1
                usedNotApplicable = true
                if item.mandatory { tally.mandatoryNotApplicable += 1 }
            case .answer:
                tally.notMet += 1
                if item.mandatory { failedMandatory.append(flat) }
            default:
                tally.unanswered += 1
                if item.mandatory { mandatoryUnanswered += 1 }
            }
        }
        if usedNotApplicable, recognition.notApplicable?.isProvisional == true {
            trace.useProvisional(plan.notApplicableSlot)
        }
        tally.required = threshold

        // The share of applicable items: an unanswered item counts in the base, so "holds" is
        // certain whatever the answer, and "fails" is certain even if every one were met.
        if let share = recognition.minimumShare {
            if share.isProvisional { trace.useProvisional(plan.minimumShareSlot) }
            let required = share.value.ceiling(times: tally.applicable)
            tally.required = required
            if tally.met >= required {
                trace.reasons.append(Reason(.shareReached, .decision))
            } else if tally.met + tally.unanswered < required {
                verdict.failOnCount()
                trace.reasons.append(Reason(.shareBelow, .decision))
            } else {
                verdict.unknown()
            }
        }

        if let rule = recognition.allMandatory, rule.value {
            if rule.isProvisional { trace.useProvisional(plan.allMandatorySlot) }
            tally.mandatoryRequired = tally.mandatoryApplicable
            if !failedMandatory.isEmpty {
                var clean = false
                for flat in failedMandatory {
                    let item = plan.indicators[flat]
                    if !rule.isProvisional, !item.provisional, !item.mandatoryProvisional { clean = true }
                    let result = trace.indicators[flat]
                    trace.reasons.append(Reason(.mandatoryItemNotMet,
                                                .indicator(criterion: result.criterion, indicator: result.indicator)))
                }
                verdict.fail(clean: clean)
            } else if mandatoryUnanswered > 0 {
                verdict.unknown()
            } else {
                trace.reasons.append(Reason(.allMandatoryMet, .decision))
            }
        }

        // The class's least number of mandatory items met (a preschool 20, a group 15).
        let candidates = derived.unitClass.map { [$0] } ?? derived.candidates
        let minima = candidates.compactMap { k -> Int? in
            guard let m = recognition.classes[k].mandatoryThreshold else { return nil }
            if m.isProvisional { trace.useProvisional(plan.mandatoryThresholdSlots[k]) }
            return m.value
        }
        if let lowest = minima.min(), let highest = minima.max() {
            if derived.unitClass != nil { tally.mandatoryRequired = highest }
            if tally.mandatoryMet + mandatoryUnanswered < lowest {
                verdict.failOnCount()
                trace.reasons.append(Reason(.mandatoryBelowThreshold, .decision))
            } else if tally.mandatoryMet >= highest {
                trace.reasons.append(Reason(.mandatoryThresholdReached, .decision))
            } else if derived.unitClass == nil || mandatoryUnanswered > 0 {
                verdict.unknown()
            } else {
                verdict.failOnCount()
                trace.reasons.append(Reason(.mandatoryBelowThreshold, .decision))
            }
        }
        return tally
    }

    /// Checks the veto events: any event fails the unit; none declared leaves it undetermined.
    private func checkVetoes(_ events: [VetoEvent]?, _ verdict: inout Verdict, _ trace: inout Trace) {
        let vetoes = standard.recognition.vetoes
        guard let events else {
            trace.missing.append(.vetoEvents)
            verdict.unknown()
            return
        }
        var happened: [Int] = []
        for event in events where vetoes.indices.contains(event.veto) && !happened.contains(event.veto) {
            happened.append(event.veto)
        }
        happened.sort()
        if happened.isEmpty {
            // A pass rests on the whole list of vetoes: a provisional one might be missing or wrong.
            for (v, veto) in vetoes.enumerated() where veto.provenance == .provisional {
                trace.useProvisional(plan.vetoSlots[v])
            }
            trace.reasons.append(Reason(.noVetoEvent, .decision))
            return
        }
        var clean = false
        for v in happened {
            if vetoes[v].provenance == .provisional {
                trace.useProvisional(plan.vetoSlots[v])
            } else {
                clean = true
            }
            trace.reasons.append(Reason(.vetoEvent, .veto(v)))
        }
        verdict.fail(clean: clean)
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
            trace.useProvisional(criterion.slot)
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
            if criterion.maximumProvisional {
                trace.useProvisional(criterion.maximumSlot)
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
            trace.useProvisional(indicator.slot)
            usedProvisional = true
        }
        func unscored(_ status: IndicatorStatus, _ measure: Measure? = nil) -> IndicatorResult {
            IndicatorResult(criterion: c, indicator: i, points: nil, highest: indicator.maximumPoints,
                            status: status, measure: measure)
        }
        func scored(_ points: Int, _ status: IndicatorStatus, _ measure: Measure?, _ value: Int,
                    _ provisional: Bool) -> IndicatorResult {
            if provisional {
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
            if held {
                return scored(indicator.points, .activity(true), .flag(true), indicator.pointsSlot,
                              indicator.pointsProvisional)
            }
            return scored(0, .activity(false), .flag(false), -1, false)

        case .item:
            guard case .answer(let answer)? = evidence.facts[indicator.fact] else {
                trace.addMissing(indicator.fact)
                return unscored(.missing)
            }
            return scored(answer == .dat ? 1 : 0, .answer(answer), .answer(answer), -1, false)

        case .count:
            guard case .count(let value)? = evidence.facts[indicator.fact] else {
                trace.addMissing(indicator.fact)
                return unscored(.missing)
            }
            guard let b = bandIndex(Rational(integer: value), indicator.bands) else {
                return unscored(.outsideBands, .count(value))
            }
            let band = plan.bands[indicator.bands.lowerBound + b]
            return scored(band.points, .band(b), .count(value), band.slot, band.provisional)

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
                    trace.useProvisional(sample.slot)
                    usedProvisional = true
                }
                if case .count(let size)? = evidence.facts[sample.fact], size < sample.atLeast {
                    trace.samples.append(subject)
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
                        return scored(points, .denominatorZero, zero,
                                      indicator.zeroSlot, indicator.zeroProvisional)
                    case .undetermined:
                        if indicator.zeroProvisional {
                            trace.useProvisional(indicator.zeroSlot)
                            usedProvisional = true
                        }
                        return unscored(.denominatorZeroUndetermined, zero)
                    }
                }
                guard let fraction = Rational(numerator, denominator) else {
                    // The loader requires a rule for every counted denominator; without one the
                    // indicator cannot be scored rather than guessed.
                    return unscored(.denominatorZeroUndetermined)
                }
                value = indicator.per > 0 ? incidence(numerator, denominator, per: indicator.per) : fraction
                measure = .ratio(numerator: numerator, denominator: denominator, value: value)
                if indicator.per > 0, indicator.perProvisional {
                    trace.useProvisional(indicator.perSlot)
                    usedProvisional = true
                }
            }
            guard let b = bandIndex(value, indicator.bands) else {
                return unscored(.outsideBands, measure)
            }
            let band = plan.bands[indicator.bands.lowerBound + b]
            return scored(band.points, .band(b), measure, band.slot, band.provisional)
        }
    }

    /// The position of the first band (within `range`) that holds the value.
    private func bandIndex(_ value: Rational, _ range: Range<Int>) -> Int? {
        for b in range where plan.bands[b].contains(value) { return b - range.lowerBound }
        return nil
    }

    /// Cases per `per` children, exactly; skips reducing when the product fits, as it does for
    /// any real population.
    private func incidence(_ numerator: Int64, _ denominator: Int64, per: Int64) -> Rational {
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: per)
        if !overflow, let value = Rational(scaled, denominator) { return value }
        return (Rational(numerator, denominator) ?? .zero).multiplied(by: per)
    }

    private func sum(_ range: Range<Int>, _ evidence: Evidence) -> Int64 {
        var total: Int64 = 0
        for n in range {
            if case .count(let value)? = evidence.facts[plan.facts[n]] {
                // Readers bound counts; saturate rather than trap for evidence built in code.
                let (sum, overflow) = total.addingReportingOverflow(value)
                total = overflow ? Int64.max : sum
            }
        }
        return total
    }

    // MARK: - Class

    private struct DerivedClass {
        var unitClass: Int?
        var rule: Int?
        /// The classes the unit may be in when its class is unknown (empty when it is known, so
        /// the common case allocates nothing).
        var candidates: [Int]
    }

    /// Reads the class rules in order. A rule that needs an attribute the province did not record
    /// makes its class possible; the class is known once a rule certainly holds and every class
    /// possible before it is that same class.
    private func deriveClass(_ unit: UnitInfo, _ trace: inout Trace) -> DerivedClass {
        var possible: [Int] = []
        var unknownAttributes: [Int] = []
        let typeBit = EvaluationPlan.bit(unit.unitType)
        for (r, rule) in plan.classRules.enumerated() {
            if rule.unitTypes != 0 && rule.unitTypes & typeBit == 0 { continue }
            var holds = true
            var unknown = false
            for n in rule.conditions {
                let (attribute, expected) = plan.conditions[n]
                switch unit.attributes[attribute] {
                case nil: unknown = true
                case let actual?: if actual != expected { holds = false }
                }
            }
            guard holds else { continue }
            if unknown {
                possible.append(rule.unitClass)
                for n in rule.conditions where unit.attributes[plan.conditions[n].attribute] == nil {
                    let a = plan.conditions[n].attribute
                    if !unknownAttributes.contains(a) { unknownAttributes.append(a) }
                }
                continue
            }
            if possible.allSatisfy({ $0 == rule.unitClass }) {
                if rule.provisional { trace.useProvisional(rule.slot) }
                return DerivedClass(unitClass: rule.unitClass, rule: r, candidates: [])
            }
            if !possible.contains(rule.unitClass) { possible.append(rule.unitClass) }
            break
        }
        for a in unknownAttributes { trace.missing.append(.attribute(a)) }
        return DerivedClass(unitClass: nil, rule: nil, candidates: possible)
    }
}

/// The conditions a unit must meet, as they are checked: whether one fails, whether one cannot
/// be decided, and whether a failure stands on its own.
private struct Verdict {
    var fails = false
    var unknowns = false
    /// Some failed condition rests on no provisional value by itself (a zero criterion, a
    /// mandatory item, a veto event).
    var clean = false
    /// Some failed condition rests on a count (the total, the share): it stands on its own
    /// only when the evaluation used no provisional value at all.
    var failsOnCount = false

    mutating func fail(clean: Bool) {
        fails = true
        if clean { self.clean = true }
    }

    mutating func failOnCount() {
        fails = true
        failsOnCount = true
    }

    mutating func unknown() { unknowns = true }
}

/// What an evaluation records as it goes: the decision's own arrays, emptied but keeping
/// their capacity, so the hot path appends without allocating.
private struct Trace {
    var criteria: [CriterionResult] = []
    var indicators: [IndicatorResult] = []
    var reasons: [Reason] = []
    var samples: [ReasonSubject] = []
    var missing: [MissingItem] = []
    /// Bit n set: `Standard.allValues[n]` is provisional and was used.
    var provisional: [UInt64] = []
    var usedProvisional = false

    init(reusing decision: inout Decision, capacity: Int, values: Int) {
        swap(&criteria, &decision.criteria)
        swap(&indicators, &decision.indicators)
        swap(&reasons, &decision.decisiveReasons)
        swap(&missing, &decision.missing)
        swap(&provisional, &decision.provisionalSlots)
        criteria.removeAll(keepingCapacity: true)
        indicators.removeAll(keepingCapacity: true)
        reasons.removeAll(keepingCapacity: true)
        missing.removeAll(keepingCapacity: true)
        indicators.reserveCapacity(capacity)
        reasons.reserveCapacity(32)
        let words = (values + 63) / 64
        if provisional.count == words {
            for w in provisional.indices { provisional[w] = 0 }
        } else {
            provisional = [UInt64](repeating: 0, count: words)
        }
    }

    /// Hands the arrays back to the decision.
    mutating func store(into decision: inout Decision) {
        swap(&criteria, &decision.criteria)
        swap(&indicators, &decision.indicators)
        swap(&reasons, &decision.decisiveReasons)
        swap(&missing, &decision.missing)
        swap(&provisional, &decision.provisionalSlots)
    }

    mutating func addMissing(_ fact: Int) {
        if !missing.contains(.fact(fact)) { missing.append(.fact(fact)) }
    }

    @inline(__always)
    mutating func useProvisional(_ slot: Int) {
        guard slot >= 0 else { return }
        provisional[slot >> 6] |= 1 << UInt64(slot & 63)
        usedProvisional = true
    }
}
