/// The canonical text of a decision: everything the evaluation produced, one result per line,
/// named by the standard's identifiers rather than by position.
///
/// Two evaluations gave the same decision exactly when their traces are equal, so a stored
/// decision keeps its trace and the hash of it; re-evaluating years later proves the decision
/// by comparing the two. Indices would silently change meaning if a criteria file were
/// reordered; identifiers do not.
public struct DecisionTrace: Sendable {
    /// The version of the evaluation rules in this engine. Raise it whenever an evaluation of
    /// the same standard and evidence could give a different trace.
    public static let engineVersion = "phuhop-engine/1"

    private let standard: Standard
    /// The path of each value of `Standard.allValues`, by slot: a decision names its provisional
    /// values by slot, and describing them anew for every decision cost a third of a trace.
    private let pathTable: [String]

    /// A trace writer for the decisions of `standard`'s evaluator.
    public init(standard: Standard) {
        self.standard = standard
        pathTable = standard.allValues.map { standard.describe($0).path }
    }

    /// The trace of `decision`.
    public func text(_ decision: Decision) -> String {
        var lines: [String] = []
        lines.reserveCapacity(decision.indicators.count + decision.criteria.count + 32)
        func number(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        lines.append("standard \(standard.id) \(standard.version)")
        lines.append("unit \(decision.unit.id) \(decision.unit.unitType.rawValue)")
        lines.append("period \(decision.period.from) \(decision.period.to)")
        lines.append("assessment \(decision.assessment.rawValue)")
        lines.append("outcome \(decision.outcome.rawValue) provisional \(decision.provisional ? 1 : 0)")
        let unitClass = decision.unitClass.map { standard.recognition.classes[$0].id } ?? "-"
        lines.append("class \(unitClass) rule \(number(decision.classRule)) threshold \(number(decision.threshold))")
        lines.append("total \(number(decision.total)) lowest \(decision.lowestTotal) highest \(decision.highestTotal) maximum \(decision.maximum)")
        for result in decision.criteria {
            let criterion = standard.criteria[result.criterion]
            lines.append("criterion \(criterion.id) \(number(result.points)) \(result.lowest)-\(result.highest)"
                + (result.capped ? " capped" : "") + (result.restsOnProvisional ? " provisional" : ""))
            for r in decision.indicators[result.indicators] {
                let indicator = criterion.indicators[r.indicator]
                lines.append("indicator \(indicator.id) \(number(r.points)) \(r.highest) \(status(r.status)) \(measure(r.measure))")
            }
        }
        for reason in decision.decisiveReasons {
            lines.append("reason \(reason.code.rawValue) \(subject(reason.subject, standard))")
        }
        for item in decision.missing {
            switch item {
            case .fact(let f): lines.append("missing fact \(standard.facts[f].id)")
            case .attribute(let a): lines.append("missing attribute \(standard.attributes[a].id)")
            case .vetoEvents: lines.append("missing vetoEvents")
            }
        }
        for (n, value) in decision.valueTable.enumerated()
            where decision.provisionalSlots[n >> 6] & (1 << UInt64(n & 63)) != 0 {
            lines.append("provisional " + (n < pathTable.count ? pathTable[n] : standard.describe(value).path))
        }
        if let tally = decision.checklist {
            lines.append("checklist items \(tally.items) met \(tally.met) notMet \(tally.notMet) notApplicable \(tally.notApplicable)"
                + " unanswered \(tally.unanswered) required \(number(tally.required)) mandatory \(tally.mandatory)"
                + " mandatoryMet \(tally.mandatoryMet) mandatoryNotApplicable \(tally.mandatoryNotApplicable)"
                + " mandatoryRequired \(number(tally.mandatoryRequired))")
        }
        if let events = decision.vetoEvents {
            lines.append("vetoEvents \(events.count)")
            for event in events {
                lines.append("veto \(standard.recognition.vetoes[event.veto].id) \(event.date.map { "\($0)" } ?? "-")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func status(_ status: IndicatorStatus) -> String {
        switch status {
        case .band(let b): "band:\(b)"
        case .activity(let held): held ? "held" : "notHeld"
        case .denominatorZero: "denominatorZero"
        case .denominatorZeroUndetermined: "denominatorZeroUndetermined"
        case .missing: "missing"
        case .insufficientSample(let s): "insufficientSample:\(s)"
        case .outsideBands: "outsideBands"
        case .answer(let a): "answer:\(a.rawValue)"
        }
    }

    private func measure(_ measure: Measure?) -> String {
        switch measure {
        case nil: "-"
        case .flag(let f)?: f ? "true" : "false"
        case .count(let n)?: "\(n)"
        case .ratio(let n, let d, let v)?: "\(n)/\(d)=\(v.reduced)"
        case .share(let s)?: "share:\(s.reduced)"
        case .answer(let a)?: a.rawValue
        }
    }

    private func subject(_ subject: ReasonSubject, _ standard: Standard) -> String {
        switch subject {
        case .decision: "decision"
        case .criterion(let c): "criterion:\(standard.criteria[c].id)"
        case .indicator(let c, let i): "indicator:\(standard.criteria[c].indicators[i].id)"
        case .fact(let f): "fact:\(standard.facts[f].id)"
        case .attribute(let a): "attribute:\(standard.attributes[a].id)"
        case .classRule(let r): "classRule:\(r)"
        case .veto(let v): "veto:\(standard.recognition.vetoes[v].id)"
        }
    }
}
