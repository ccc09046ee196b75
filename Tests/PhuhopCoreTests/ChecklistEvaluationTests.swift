import PhuhopCore
import Testing

/// A checklist evaluated by the one evaluator: the share, not-applicable items, mandatory
/// items, class thresholds and veto events, on a standard built in code.
@Suite struct ChecklistEvaluationTests {
    /// Ten items in one group; items 1-3 mandatory (item 1 with a verified mark), item 10 may
    /// be not applicable. Pass: 80% of applicable items and every mandatory one; one veto.
    static func standard(share: Bool = true, classes: Bool = false) -> Standard {
        let cite = "Test clause"
        var indicators: [Indicator] = []
        var facts: [FactDefinition] = []
        for n in 1...10 {
            let mandatory = Marked(n <= 3, provenance: n == 1 ? .verified : .provisional, citation: cite)
            facts.append(FactDefinition(id: "g.\(n)", type: .answer, name: LocalizedText(vi: "mục \(n)", en: "item \(n)")))
            indicators.append(Indicator(
                id: "g.\(n)", name: LocalizedText(vi: "mục \(n)", en: "item \(n)"), citation: cite,
                provenance: n == 1 ? .verified : .provisional,
                scoring: .item(ChecklistItem(fact: n - 1, mandatory: mandatory, mayBeNotApplicable: n == 10))))
        }
        let group = Criterion(id: "g", number: 1, name: LocalizedText(vi: "Nhóm", en: "Group"), citation: cite,
                              provenance: .verified, maximum: Marked(10, provenance: .verified, citation: cite),
                              indicators: indicators)
        let recognition = RecognitionRules(
            noZeroCriterion: Marked(false, provenance: .verified),
            classes: classes ? [UnitClass(id: "school", name: LocalizedText(vi: "trường", en: "school"),
                                          threshold: Marked(7, provenance: .verified, citation: cite),
                                          mandatoryThreshold: Marked(2, provenance: .verified, citation: cite))] : [],
            classRules: classes ? [ClassRule(unitClass: 0, unitTypes: [], attributes: [], provenance: .verified,
                                             citation: cite, note: nil)] : [],
            minimumShare: share ? Marked(Rational(4, 5)!, provenance: .verified, citation: cite) : nil,
            allMandatory: share ? Marked(true, provenance: .verified, citation: cite) : nil,
            notApplicable: Marked(true, provenance: .provisional, citation: cite),
            vetoes: [Veto(id: "poisoning", name: LocalizedText(vi: "ngộ độc", en: "poisoning"), provenance: .reported,
                          citation: cite, note: nil)])
        var standard = Standard(
            id: "mini-checklist", version: "1", title: LocalizedText(vi: "Bảng kiểm", en: "Checklist"), citation: cite,
            provenance: .verified,
            effective: Marked(EffectivePeriod(from: CalendarDate(iso: "2020-01-01")!, to: nil), provenance: .verified, citation: cite),
            maximum: Marked(10, provenance: .verified, citation: cite), attributes: [], facts: facts, criteria: [group],
            recognition: recognition)
        standard.kind = .checklist
        return standard
    }

    /// Evidence with these answers (item n at index n-1); every other item met.
    static func evidence(_ answers: [Int: ItemAnswer] = [:], vetoes: [VetoEvent]? = []) -> Evidence {
        let facts: [FactValue?] = (1...10).map { .answer(answers[$0] ?? .dat) }
        let unit = UnitInfo(id: "s1", name: "Trường Thử", province: "Tỉnh Thử", unitType: .truong, attributes: [])
        let period = Period(from: CalendarDate(iso: "2025-09-05")!, to: CalendarDate(iso: "2026-05-31")!)!
        return Evidence(unit: unit, period: period, facts: facts, sources: Array(repeating: nil, count: 10), vetoEvents: vetoes)
    }

    let evaluator = Evaluator(standard: ChecklistEvaluationTests.standard())

    private func codes(_ d: Decision) -> Set<ReasonCode> { Set(d.decisiveReasons.map(\.code)) }

    @Test func eightOfTenPassesAndSevenDoesNot() {
        let pass = evaluator.evaluate(Self.evidence([4: .chuaDat, 5: .chuaDat]))
        #expect(pass.outcome == .recognized)
        #expect(pass.checklist?.met == 8)
        #expect(pass.checklist?.required == 8)
        let fail = evaluator.evaluate(Self.evidence([4: .chuaDat, 5: .chuaDat, 6: .chuaDat]))
        #expect(fail.outcome == .notRecognized)
        #expect(codes(fail).contains(.shareBelow))
    }

    @Test func aNotApplicableItemLeavesCountAndBase() {
        // 7 of 9 applicable is 77.8%, below 80%: ceil(0.8 × 9) = 8 are needed.
        let d = evaluator.evaluate(Self.evidence([10: .notApplicable, 4: .chuaDat, 5: .chuaDat]))
        #expect(d.checklist?.applicable == 9)
        #expect(d.checklist?.required == 8)
        #expect(d.outcome == .notRecognized)
        // The not-applicable rule is provisional, so a decision that used it says so.
        #expect(d.provisionalValues.contains(.notApplicable))
    }

    @Test func aVerifiedMandatoryItemFailsOnItsOwnAndIsNotProvisional() {
        let d = evaluator.evaluate(Self.evidence([1: .chuaDat]))
        #expect(d.outcome == .notRecognized)
        #expect(d.decisiveReasons.contains(Reason(.mandatoryItemNotMet, .indicator(criterion: 0, indicator: 0))))
        #expect(d.provisional == false)
    }

    @Test func aProvisionalMandatoryItemFailsProvisionally() {
        let d = evaluator.evaluate(Self.evidence([2: .chuaDat]))
        #expect(d.outcome == .notRecognized)
        #expect(d.provisional)
    }

    @Test func aVetoEventFailsAPerfectChecklist() {
        let event = VetoEvent(veto: 0, date: CalendarDate(iso: "2025-10-12"), description: "12 trẻ ngộ độc")
        let d = evaluator.evaluate(Self.evidence(vetoes: [event]))
        #expect(d.outcome == .notRecognized)
        #expect(d.decisiveReasons.contains(Reason(.vetoEvent, .veto(0))))
        #expect(d.provisional == false)
    }

    @Test func undeclaredVetoesLeaveThePassUndetermined() {
        let d = evaluator.evaluate(Self.evidence(vetoes: nil))
        #expect(d.outcome == .undetermined)
        #expect(d.missing == [.vetoEvents])
        #expect(codes(d).contains(.vetoesNotDeclared))
    }

    @Test func anUnansweredItemThatCannotChangeTheResultDoesNotBlockIt() {
        var evidence = Self.evidence([4: .chuaDat, 5: .chuaDat, 6: .chuaDat])
        evidence.facts[7] = nil
        // 6 met and one unanswered: even if met, 7 < 8 → not yet passed.
        let d = evaluator.evaluate(evidence)
        #expect(d.outcome == .notRecognized)
        #expect(d.checklist?.unanswered == 1)
    }

    @Test func classThresholdsCountItemsAndMandatoryItems() {
        let evaluator = Evaluator(standard: Self.standard(share: false, classes: true))
        let pass = evaluator.evaluate(Self.evidence([3: .chuaDat, 4: .chuaDat, 5: .chuaDat]))
        #expect(pass.outcome == .recognized)
        #expect(pass.checklist?.mandatoryRequired == 2)
        let fail = evaluator.evaluate(Self.evidence([2: .chuaDat, 3: .chuaDat]))
        #expect(fail.outcome == .notRecognized)
        #expect(codes(fail).contains(.mandatoryBelowThreshold))
    }

    @Test func theRemediationPlanListsEveryItemNotMet() throws {
        let d = evaluator.evaluate(Self.evidence([2: .chuaDat, 7: .chuaDat, 10: .notApplicable]))
        let plan = try #require(RemediationPlan(d, standard: evaluator.standard))
        #expect(plan.entries.map(\.indicator) == [1, 6])
        #expect(plan.entries.first?.mandatory == true)
        #expect(plan.beforeSchoolYear == "2026–2027")
    }

    @Test func theOutcomeIsNamedInTheChecklistsWords() {
        #expect(Outcome.recognized.id(for: .checklist) == "pass")
        #expect(Outcome.notRecognized.id(for: .checklist) == "notYetPassed")
        #expect(Outcome(id: "notYetPassed", kind: .checklist) == .notRecognized)
        #expect(Outcome(id: "pass", kind: .points) == nil)
    }

    @Test func theNeededCountIsACeilingInExactArithmetic() {
        let eighty = Rational(4, 5)!
        #expect(eighty.ceiling(times: 49) == 40)
        #expect(eighty.ceiling(times: 50) == 40)
        #expect(eighty.ceiling(times: 47) == 38)
        #expect(eighty.ceiling(times: 0) == 0)
    }
}
