import PhuhopCore

/// Renders a decision as JSON; texts in the chosen language, codes and ids language-free.
public enum DecisionJSON {
    /// The decision as a JSON object.
    public static func value(_ decision: Decision, _ reference: StandardReference, language l: Language) -> JSONValue {
        let standard = reference.standard
        let unit = decision.unit
        let attributes: [(String, JSONValue)] = standard.attributes.enumerated().compactMap { a, attribute in
            unit.attributes[a].map { (attribute.id, .bool($0)) }
        }
        let unitClass: JSONValue = decision.unitClass.map { k in
            let c = standard.recognition.classes[k]
            return .object([
                ("id", .string(c.id)), ("name", .string(c.name(l))), ("threshold", .int(Int64(c.threshold.value))),
                ("rule", .string(decision.classRule.map { standard.classRuleText($0) })),
            ])
        } ?? .null
        return .object([
            ("unit", .object([
                ("id", .string(unit.id)), ("name", .string(unit.name)), ("province", .string(unit.province)),
                ("unitType", .string(unit.unitType.rawValue)), ("attributes", .object(attributes)),
                ("commune", .string(unit.commune)),
            ])),
            ("period", .object([("from", .string(decision.period.from.description)),
                                ("to", .string(decision.period.to.description))])),
            ("standard", .object([
                ("id", .string(standard.id)), ("version", .string(standard.version)), ("hash", .string(reference.hash)),
                ("title", .string(standard.title(l))), ("citation", .string(standard.citation)),
                ("kind", .string(standard.kind.rawValue)),
            ])),
            ("assessment", .string(decision.assessment.rawValue)),
            ("outcome", .string(decision.outcome.id(for: standard.kind))),
            ("outcomeText", .string(ReasonText.outcome(decision.outcome, kind: standard.kind)(l))),
            ("provisional", .bool(decision.provisional)),
            ("total", .int(decision.total)),
            ("lowestTotal", .int(Int64(decision.lowestTotal))),
            ("highestTotal", .int(Int64(decision.highestTotal))),
            ("maximum", .int(Int64(decision.maximum))),
            ("class", unitClass),
            ("threshold", .int(decision.threshold)),
            ("shortfall", .int(decision.shortfall)),
            ("criteria", .array(decision.criteria.map { criterion($0, decision, standard, l) })),
            ("reasons", .array(decision.reasons.map { reason($0, decision, standard, l) })),
            ("missing", .array(decision.missing.map { item in
                .object([("id", .string(ReasonText.missingID(item, standard: standard))),
                         ("name", .string(ReasonText.missingName(item, standard: standard)(l)))])
            })),
            ("provisionalValues", .array(decision.provisionalValues.map { value(standard.describe($0, language: l), l) })),
            ("evidence", .array(standard.facts.indices.compactMap { f in evidence(f, decision, standard, l) })),
            ("distance", distance(decision, standard, l)),
            ("checklist", checklist(decision, standard, l)),
            ("vetoEvents", decision.vetoEvents.map { events in .array(events.map { event in
                .object([("id", .string(standard.recognition.vetoes[event.veto].id)),
                         ("name", .string(standard.recognition.vetoes[event.veto].name(l))),
                         ("date", .string(event.date?.description)), ("description", .string(event.description))])
            }) } ?? .null),
        ])
    }

    /// The counts of a checklist and its remediation plan.
    private static func checklist(_ decision: Decision, _ standard: Standard, _ l: Language) -> JSONValue {
        guard let t = decision.checklist else { return .null }
        let plan = RemediationPlan(decision, standard: standard)
        let entries: [JSONValue] = plan?.entries.map { entry in
            let indicator = standard.criteria[entry.criterion].indicators[entry.indicator]
            return .object([
                ("item", .string(indicator.id)), ("text", .string(indicator.name(l))), ("mandatory", .bool(entry.mandatory)),
                ("responsible", .string(entry.responsible.map { $0(l) })), ("deadline", .string(plan?.deadline.map { $0(l) })),
                ("note", .string(entry.note)), ("citation", .string(indicator.citation)),
            ])
        } ?? []
        return .object([
            ("items", .int(Int64(t.items))), ("met", .int(Int64(t.met))), ("notMet", .int(Int64(t.notMet))),
            ("notApplicable", .int(Int64(t.notApplicable))), ("unanswered", .int(Int64(t.unanswered))),
            ("applicable", .int(Int64(t.applicable))), ("required", .int(t.required)),
            ("mandatory", .int(Int64(t.mandatory))), ("mandatoryMet", .int(Int64(t.mandatoryMet))),
            ("mandatoryApplicable", .int(Int64(t.mandatoryApplicable))), ("mandatoryRequired", .int(t.mandatoryRequired)),
            ("summary", .string(ReasonText.tally(t, language: l))),
            ("remediation", .array(entries)),
        ])
    }

    /// A value of the standard with its provenance and citation (also used by the audit).
    public static func value(_ d: ValueDescription, _ l: Language) -> JSONValue {
        .object([
            ("path", .string(d.path)), ("value", .string(d.value)), ("provenance", .string(d.provenance.rawValue)),
            ("citation", .string(d.citation)), ("note", .string(d.note.map { $0(l) })),
        ])
    }

    private static func criterion(_ result: CriterionResult, _ decision: Decision, _ standard: Standard,
                                  _ l: Language) -> JSONValue {
        let criterion = standard.criteria[result.criterion]
        let indicators = decision.indicators[result.indicators].map { r -> JSONValue in
            let indicator = criterion.indicators[r.indicator]
            var band: JSONValue = .null
            if case .band(let b) = r.status {
                let matched = indicator.bands[b]
                band = .object([
                    ("index", .int(Int64(b))), ("range", .string(matched.rangeText(percent: indicator.isRate, language: l))),
                    ("points", .int(Int64(matched.points))), ("provenance", .string(matched.provenance.rawValue)),
                    ("citation", .string(matched.citation)),
                ])
            }
            var measure: JSONValue = .null
            if let m = r.measure {
                var fields: [(String, JSONValue)] = [("text", .string(ReasonText.measure(m, indicator: indicator, language: l)))]
                if case .ratio(let n, let d, let v) = m {
                    fields += [("numerator", .int(n)), ("denominator", .int(d)),
                               ("value", .string(d == 0 ? nil : v.reduced.description))]
                }
                measure = .object(fields)
            }
            return .object([
                ("id", .string(indicator.id)), ("name", .string(indicator.name(l))), ("points", .int(r.points)),
                ("maximum", .int(Int64(indicator.maximumPoints))), ("status", .string(status(r.status))),
                ("measure", measure), ("band", band), ("citation", .string(indicator.citation)),
            ])
        }
        return .object([
            ("id", .string(criterion.id)), ("number", .int(Int64(criterion.number))), ("name", .string(criterion.name(l))),
            ("points", .int(result.points)), ("maximum", .int(Int64(criterion.maximum.value))),
            ("lowest", .int(Int64(result.lowest))), ("highest", .int(Int64(result.highest))),
            ("capped", .bool(result.capped)), ("provisional", .bool(result.restsOnProvisional)),
            ("citation", .string(criterion.citation)), ("indicators", .array(indicators)),
        ])
    }

    private static func evidence(_ f: Int, _ decision: Decision, _ standard: Standard, _ l: Language) -> JSONValue? {
        guard decision.facts.indices.contains(f), let fact = decision.facts[f] else { return nil }
        let value: JSONValue
        switch fact {
        case .count(let n): value = .int(n)
        case .boolean(let b): value = .bool(b)
        case .share(let share): value = .string(ReasonText.percent(share, language: .en))
        case .answer(let answer): value = .string(answer.rawValue)
        }
        var source: JSONValue = .null
        if decision.sources.indices.contains(f), let s = decision.sources[f] {
            source = .object([("document", .string(s.document)), ("date", .string(s.date?.description)),
                              ("collectedBy", .string(s.collectedBy)), ("note", .string(s.note))])
        }
        return .object([("id", .string(standard.facts[f].id)), ("name", .string(standard.facts[f].name(l))),
                        ("value", value), ("source", source)])
    }

    private static func distance(_ decision: Decision, _ standard: Standard, _ l: Language) -> JSONValue {
        guard let d = DistanceToRecognition(decision, standard: standard) else { return .null }
        func change(_ c: DistanceToRecognition.Change) -> JSONValue {
            let indicator = standard.criteria[c.criterion].indicators[c.indicator]
            var fields: [(String, JSONValue)] = [("indicator", .string(indicator.id)), ("gain", .int(Int64(c.gain)))]
            switch c.change {
            case .hold(let fact):
                fields += [("fact", .string(standard.facts[fact].id)), ("to", .bool(true))]
            case .count(let facts, let from, let by):
                fields += [("facts", .array(facts.map { .string(standard.facts[$0].id) })), ("from", .int(from)), ("by", .int(by))]
            case .share(let fact, let from):
                fields += [("fact", .string(standard.facts[fact].id)), ("from", .string(DecimalText.percent(from, language: .en)))]
            }
            if let b = c.band { fields.append(("band", .string(indicator.bands[b].rangeText(percent: indicator.isRate)))) }
            fields.append(("text", .string(DistanceText.change(c, standard: standard, language: l))))
            return .object(fields)
        }
        return .object([
            ("shortfall", .int(Int64(d.shortfall))),
            ("zeroCriteria", .array(d.zeroCriteria.map { .string(standard.criteria[$0].id) })),
            ("plan", d.plan.map { .array($0.map(change)) } ?? .null),
            ("options", .array(d.options.map(change))),
        ])
    }

    private static func reason(_ r: Reason, _ decision: Decision, _ standard: Standard, _ l: Language) -> JSONValue {
        .object([
            ("code", .string(r.code.rawValue)), ("target", .string(ReasonText.target(r.subject, standard: standard))),
            ("decisive", .bool(r.code.isDecisive)),
            ("text", .string(ReasonText.text(r, decision: decision, standard: standard, language: l))),
            ("citation", .string(ReasonText.citation(r, decision: decision, standard: standard))),
        ])
    }

    private static func status(_ status: IndicatorStatus) -> String {
        switch status {
        case .band: "band"
        case .activity(let held): held ? "met" : "notMet"
        case .denominatorZero: "denominatorZero"
        case .denominatorZeroUndetermined: "denominatorZeroUndetermined"
        case .missing: "missing"
        case .insufficientSample: "insufficientSample"
        case .outsideBands: "outsideBands"
        case .answer(let answer): answer.rawValue
        }
    }
}
