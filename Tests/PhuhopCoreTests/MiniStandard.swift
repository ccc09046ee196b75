import PhuhopCore

/// A two-criterion standard built in code, so evaluator tests do not depend on the real data.
///
/// c1: activity (fact 0, 60 points, verified) + activity (fact 1, 60 points, provisional), max 100 (cap).
/// c2: rate fact 3 / fact 2, bands >= 90% → 100 (verified), < 90% → 0 (verified), zero denominator → 100.
/// Classes: `town` (threshold 150) for xa with `remote`, else `city` (threshold 180).
enum MiniStandard {
    static func make(c2ZeroRule: ZeroDenominatorRule = .points(100), gap: Bool = false) -> Standard {
        let cite = "Test clause"
        let c1 = Criterion(
            id: "c1", number: 1, name: LocalizedText(vi: "Một", en: "One"), citation: cite, provenance: .verified,
            maximum: Marked(100, provenance: .provisional, citation: cite),
            indicators: [
                Indicator(id: "c1.1", name: LocalizedText(vi: "a", en: "a"), citation: cite, provenance: .verified,
                          scoring: .activity(fact: 0, points: Marked(60, provenance: .verified, citation: cite))),
                Indicator(id: "c1.2", name: LocalizedText(vi: "b", en: "b"), citation: cite, provenance: .verified,
                          scoring: .activity(fact: 1, points: Marked(60, provenance: .provisional, citation: cite))),
            ])
        let ninety = Rational(9, 10)!
        let eighty = Rational(8, 10)!
        let bands = [
            Band(lower: Bound(ninety, inclusive: true), upper: nil, points: 100, provenance: .verified, citation: cite),
            Band(lower: nil, upper: Bound(gap ? eighty : ninety, inclusive: false), points: 0, provenance: .verified,
                 citation: cite),
        ]
        let c2 = Criterion(
            id: "c2", number: 2, name: LocalizedText(vi: "Hai", en: "Two"), citation: cite, provenance: .verified,
            maximum: Marked(100, provenance: .verified, citation: cite),
            indicators: [
                Indicator(id: "c2.1", name: LocalizedText(vi: "r", en: "r"), citation: cite, provenance: .verified,
                          scoring: .ratio(RatioScoring(
                              source: .counts(numerator: [3], denominator: [2]), per: nil,
                              ifDenominatorZero: Marked(c2ZeroRule, provenance: .provisional, citation: cite),
                              minimumSample: [], bands: bands))),
            ])
        let facts = [
            FactDefinition(id: "f.a", type: .boolean, name: LocalizedText(vi: "a", en: "a")),
            FactDefinition(id: "f.b", type: .boolean, name: LocalizedText(vi: "b", en: "b")),
            FactDefinition(id: "f.total", type: .count, name: LocalizedText(vi: "t", en: "t")),
            FactDefinition(id: "f.part", type: .count, name: LocalizedText(vi: "p", en: "p"), atMost: 2),
        ]
        let recognition = RecognitionRules(
            noZeroCriterion: Marked(true, provenance: .verified, citation: cite),
            classes: [
                UnitClass(id: "town", name: LocalizedText(vi: "t", en: "t"), threshold: Marked(150, provenance: .verified, citation: cite)),
                UnitClass(id: "city", name: LocalizedText(vi: "c", en: "c"), threshold: Marked(180, provenance: .verified, citation: cite)),
            ],
            classRules: [
                ClassRule(unitClass: 0, unitTypes: [.xa], attributes: [(0, true)], provenance: .verified, citation: cite, note: nil),
                ClassRule(unitClass: 1, unitTypes: [], attributes: [], provenance: .verified, citation: cite, note: nil),
            ])
        return Standard(
            id: "mini", version: "1", title: LocalizedText(vi: "Mini", en: "Mini"), citation: cite, provenance: .verified,
            effective: Marked(EffectivePeriod(from: CalendarDate(iso: "2019-01-01")!, to: nil), provenance: .verified, citation: cite),
            maximum: Marked(200, provenance: .verified, citation: cite),
            attributes: [AttributeDefinition(id: "remote", name: LocalizedText(vi: "xa xôi", en: "remote"))],
            facts: facts, criteria: [c1, c2], recognition: recognition)
    }

    static func evidence(
        _ a: Bool?, _ b: Bool?, total: Int64?, part: Int64?, type: UnitType = .xa, remote: Bool? = true
    ) -> Evidence {
        let unit = UnitInfo(id: "u1", name: "Xã Thử", province: "Tỉnh Thử", unitType: type, attributes: [remote])
        let period = Period(from: CalendarDate(iso: "2023-11-01")!, to: CalendarDate(iso: "2024-10-31")!)!
        return Evidence(
            unit: unit, period: period,
            facts: [a.map { .boolean($0) }, b.map { .boolean($0) }, total.map { .count($0) }, part.map { .count($0) }],
            sources: [nil, nil, nil, nil])
    }
}
