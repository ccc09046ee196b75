import PhuhopCore

/// Renders a decision as JSON; texts in the chosen language, codes and ids language-free.
public enum DecisionJSON {
    /// The decision as a JSON value, written straight into bytes when it is rendered.
    public static func value(_ decision: Decision, _ reference: StandardReference, language l: Language) -> JSONValue {
        .written { write(decision, reference, language: l, into: &$0) }
    }

    /// Writes the decision as a JSON object.
    public static func write(_ decision: Decision, _ reference: StandardReference, language l: Language,
                             into w: inout JSONWriter) {
        let standard = reference.standard
        let unit = decision.unit
        let phrases = reference.phrases.table(l)
        w.object { w in
            w.field("unit", object: { w in
                w.field("id", unit.id)
                w.field("name", unit.name)
                w.field("province", unit.province)
                w.field("unitType", unit.unitType.rawValue)
                w.field("attributes", object: { w in
                    for (a, attribute) in standard.attributes.enumerated() {
                        if let held = unit.attributes[a] {
                            w.key(escaping: attribute.id)
                            w.bool(held)
                        }
                    }
                })
                w.field("commune", unit.commune)
            })
            w.field("period", object: { w in
                w.field("from", decision.period.from.description)
                w.field("to", decision.period.to.description)
            })
            w.field("standard", object: { w in
                w.field("id", standard.id)
                w.field("version", standard.version)
                w.field("hash", reference.hash)
                w.field("title", standard.title(l))
                w.field("citation", standard.citation)
                w.field("kind", code: standard.kind.rawValue)
            })
            w.field("assessment", code: decision.assessment.rawValue)
            w.field("outcome", code: decision.outcome.id(for: standard.kind))
            w.field("outcomeText", ReasonText.outcome(decision.outcome, kind: standard.kind)(l))
            w.field("provisional", decision.provisional)
            w.field("total", decision.total)
            w.field("lowestTotal", decision.lowestTotal)
            w.field("highestTotal", decision.highestTotal)
            w.field("maximum", decision.maximum)
            w.key("class")
            if let k = decision.unitClass {
                let c = standard.recognition.classes[k]
                w.object { w in
                    w.field("id", c.id)
                    w.field("name", c.name(l))
                    w.field("threshold", c.threshold.value)
                    w.field("rule", decision.classRule.map { standard.classRuleText($0) })
                }
            } else {
                w.null()
            }
            w.field("threshold", decision.threshold)
            w.field("shortfall", decision.shortfall)
            w.field("criteria", array: { w in
                for result in decision.criteria {
                    criterion(result, standard.criteria[result.criterion], decision, phrases.criteria[result.criterion], l, into: &w)
                }
            })
            w.field("reasons", array: { w in
                for r in decision.reasons { reason(r, decision, standard, l, into: &w) }
            })
            w.field("missing", array: { w in
                for item in decision.missing {
                    w.object { w in
                        w.field("id", ReasonText.missingID(item, standard: standard))
                        w.field("name", ReasonText.missingName(item, standard: standard)(l))
                    }
                }
            })
            w.field("provisionalValues", array: { w in
                // By slot: the phrases were made from the standard's `allValues`, which is the
                // decision's table when the reference is the decision's own, as every caller passes.
                // The size is only a sanity check: a table of another size is described anew.
                let bySlot = decision.valueTable.count == phrases.values.count
                decision.forEachProvisionalSlot { n in
                    if bySlot {
                        phrases.values[n].write(into: &w)
                    } else {
                        value(standard.describe(decision.valueTable[n], language: l), l).write(into: &w)
                    }
                }
            })
            w.field("evidence", array: { w in
                for f in standard.facts.indices { evidence(f, decision, phrases, into: &w) }
            })
            w.key("distance")
            distance(decision, standard, reference.phrases.table(.en), l, into: &w)
            w.key("checklist")
            checklist(decision, standard, l, into: &w)
            w.key("vetoEvents")
            if let events = decision.vetoEvents {
                w.array { w in
                    for event in events {
                        let veto = standard.recognition.vetoes[event.veto]
                        w.object { w in
                            w.field("id", veto.id)
                            w.field("name", veto.name(l))
                            w.field("date", event.date?.description)
                            w.field("description", event.description)
                        }
                    }
                }
            } else {
                w.null()
            }
        }
    }

    /// The band an indicator's value fell in: its index, range, points, mark and citation.
    static func band(_ index: Int, _ band: Band, range: String) -> JSONValue {
        .object([
            ("index", .int(Int64(index))), ("range", .string(range)), ("points", .int(Int64(band.points))),
            ("provenance", .string(band.provenance.rawValue)), ("citation", .string(band.citation)),
        ])
    }

    /// A value of the standard with its provenance and citation (also used by the audit).
    public static func value(_ d: ValueDescription, _ l: Language) -> JSONValue {
        .object([
            ("path", .string(d.path)), ("value", .string(d.value)), ("provenance", .string(d.provenance.rawValue)),
            ("citation", .string(d.citation)), ("note", .string(d.note.map { $0(l) })),
        ])
    }

    /// The counts of a checklist and its remediation plan.
    private static func checklist(_ decision: Decision, _ standard: Standard, _ l: Language, into w: inout JSONWriter) {
        guard let t = decision.checklist else {
            w.null()
            return
        }
        let plan = RemediationPlan(decision, standard: standard)
        w.object { w in
            w.field("items", t.items)
            w.field("met", t.met)
            w.field("notMet", t.notMet)
            w.field("notApplicable", t.notApplicable)
            w.field("unanswered", t.unanswered)
            w.field("applicable", t.applicable)
            w.field("required", t.required)
            w.field("mandatory", t.mandatory)
            w.field("mandatoryMet", t.mandatoryMet)
            w.field("mandatoryApplicable", t.mandatoryApplicable)
            w.field("mandatoryRequired", t.mandatoryRequired)
            w.field("summary", ReasonText.tally(t, language: l))
            w.field("remediation", array: { w in
                for entry in plan?.entries ?? [] {
                    let indicator = standard.criteria[entry.criterion].indicators[entry.indicator]
                    w.object { w in
                        w.field("item", indicator.id)
                        w.field("text", indicator.name(l))
                        w.field("mandatory", entry.mandatory)
                        w.field("responsible", entry.responsible.map { $0(l) })
                        w.field("deadline", plan?.deadline.map { $0(l) })
                        w.field("note", entry.note)
                        w.field("citation", indicator.citation)
                    }
                }
            })
        }
    }

    /// `texts` holds the criterion's members that every decision repeats (id, number, name,
    /// maximum, citation), rendered before.
    private static func criterion(_ result: CriterionResult, _ criterion: Criterion, _ decision: Decision,
                                  _ texts: StandardPhrases.CriterionTexts, _ l: Language, into w: inout JSONWriter) {
        w.object { w in
            w.members(texts.head)
            w.field("points", result.points)
            w.members(texts.maximum)
            w.field("lowest", result.lowest)
            w.field("highest", result.highest)
            w.field("capped", result.capped)
            w.field("provisional", result.restsOnProvisional)
            w.members(texts.citation)
            w.field("indicators", array: { w in
                for flat in result.indicators {
                    let r = decision.indicators[flat]
                    indicator(r, criterion.indicators[r.indicator], texts.indicators[r.indicator], l, into: &w)
                }
            })
        }
    }

    private static func indicator(_ r: IndicatorResult, _ indicator: Indicator, _ texts: StandardPhrases.IndicatorTexts,
                                  _ l: Language, into w: inout JSONWriter) {
        w.object { w in
            w.members(texts.head)
            w.field("points", r.points)
            w.members(texts.maximum)
            w.field("status", code: status(r.status))
            w.key("measure")
            if let m = r.measure {
                w.object { w in
                    w.field("text", text: { ReasonText.write(m, indicator: indicator, language: l, into: &$0) })
                    if case .ratio(let n, let d, let v) = m {
                        w.field("numerator", n)
                        w.field("denominator", d)
                        if d == 0 {
                            w.field("value", nil as String?)
                        } else {
                            // `Rational.description` of the reduced value, its digits written in place.
                            let reduced = v.reduced
                            w.field("value", text: { w in
                                w.write(reduced.numerator)
                                if reduced.denominator != 1 {
                                    w.write("/")
                                    w.write(reduced.denominator)
                                }
                            })
                        }
                    }
                }
            } else {
                w.null()
            }
            w.key("band")
            if case .band(let b) = r.status {
                w.rendered(texts.bands[b])
            } else {
                w.null()
            }
            w.members(texts.citation)
        }
    }

    private static func evidence(_ f: Int, _ decision: Decision, _ phrases: StandardPhrases.Table, into w: inout JSONWriter) {
        guard decision.facts.indices.contains(f), let fact = decision.facts[f] else { return }
        w.object { w in
            w.members(phrases.facts[f])
            w.key("value")
            switch fact {
            case .count(let n): w.int(n)
            case .boolean(let b): w.bool(b)
            case .share(let share): w.string(ReasonText.percent(share, language: .en))
            case .answer(let answer): w.string(answer.rawValue)
            }
            w.key("source")
            if decision.sources.indices.contains(f), let s = decision.sources[f] {
                w.object { w in
                    w.field("document", s.document)
                    w.field("date", s.date?.description)
                    w.field("collectedBy", s.collectedBy)
                    w.field("note", s.note)
                }
            } else {
                w.null()
            }
        }
    }

    /// `english` holds the band ranges, written in English (data notation) in every language.
    private static func distance(_ decision: Decision, _ standard: Standard, _ english: StandardPhrases.Table,
                                 _ l: Language, into w: inout JSONWriter) {
        guard let d = DistanceToRecognition(decision, standard: standard) else {
            w.null()
            return
        }
        func change(_ c: DistanceToRecognition.Change, into w: inout JSONWriter) {
            let indicator = standard.criteria[c.criterion].indicators[c.indicator]
            w.object { w in
                w.field("indicator", indicator.id)
                w.field("gain", c.gain)
                switch c.change {
                case .hold(let fact):
                    w.field("fact", standard.facts[fact].id)
                    w.field("to", true)
                case .count(let facts, let from, let by):
                    w.field("facts", array: { w in for fact in facts { w.string(standard.facts[fact].id) } })
                    w.field("from", from)
                    w.field("by", by)
                case .share(let fact, let from):
                    w.field("fact", standard.facts[fact].id)
                    w.field("from", DecimalText.percent(from, language: .en))
                }
                if let b = c.band { w.field("band", english.criteria[c.criterion].indicators[c.indicator].ranges[b]) }
                w.field("text", text: { DistanceText.write(c, standard: standard, language: l, into: &$0) })
            }
        }
        w.object { w in
            w.field("shortfall", d.shortfall)
            w.field("zeroCriteria", array: { w in for c in d.zeroCriteria { w.string(standard.criteria[c].id) } })
            w.key("plan")
            if let plan = d.plan {
                w.array { w in for c in plan { change(c, into: &w) } }
            } else {
                w.null()
            }
            w.field("options", array: { w in for c in d.options { change(c, into: &w) } })
        }
    }

    private static func reason(_ r: Reason, _ decision: Decision, _ standard: Standard, _ l: Language,
                               into w: inout JSONWriter) {
        w.object { w in
            w.field("code", code: r.code.rawValue)
            w.field("target", ReasonText.target(r.subject, standard: standard))
            w.field("decisive", r.code.isDecisive)
            w.field("text", text: { ReasonText.write(r, decision: decision, standard: standard, language: l, into: &$0) })
            w.field("citation", ReasonText.citation(r, decision: decision, standard: standard))
        }
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
