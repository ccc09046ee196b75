import Foundation
import PhuhopCore

/// A golden case: evidence and what the decision must be.
public struct GoldenCase: Sendable {
    public var file: String
    public var description: String
    public var evidence: Evidence
    public var expectation: CaseExpectation
}

/// Reads golden case files (`description`, `standard`, `evidence`, `expect`).
public enum CaseReader {
    /// The standard id a case names (default: the one given).
    public static func standardID(in data: Data, file: String) throws -> String? {
        let root = try Document.parse(data, file: file)
        if let id = root.node["standard"]?.scalarText { return id }
        return root.node["evidence"]?["standard"]?.scalarText
    }

    /// Whether a document is a golden case (it has an `expect` key) rather than plain evidence.
    public static func isCase(_ data: Data, file: String) throws -> Bool {
        let root = try Document.parse(data, file: file)
        return root.node["expect"] != nil
    }

    /// Reads one case against its standard.
    public static func read(_ data: Data, file: String, standard: Standard) throws -> GoldenCase {
        let root = try Document.parse(data, file: file)
        let log = DiagnosticLog(file: file)
        guard let map = MappingReader(root, allowed: ["description", "standard", "evidence", "expect"], log: log) else {
            throw InputError(log.items)
        }
        let description = log.string(map.required("description")) ?? ""
        let evidence = map.required("evidence").flatMap { EvidenceReader.read($0, standard: standard, log: log) }
        let expectation = map.required("expect").flatMap { readExpectation($0, kind: standard.kind, log: log) }
        try log.throwIfAny()
        guard let evidence, let expectation else { throw InputError(log.items) }
        return GoldenCase(file: file, description: description, evidence: evidence, expectation: expectation)
    }

    private static func readExpectation(_ element: Element, kind: StandardKind, log: DiagnosticLog) -> CaseExpectation? {
        let keys = ["outcome", "total", "class", "provisional", "criteria", "reasons", "missing", "met", "applicable",
                    "required", "mandatoryMet", "mandatoryApplicable", "notMet"]
        guard let map = MappingReader(element, allowed: keys, log: log) else { return nil }
        guard let outcomeElement = map.required("outcome"), let name = log.string(outcomeElement) else { return nil }
        guard let outcome = Outcome(id: name, kind: kind) else {
            let hint = Suggestion.hint(for: name, in: Outcome.allCases.map { $0.id(for: kind) })
            log.add(outcomeElement, LocalizedText(vi: "kết quả “\(name)” không hợp lệ.\(hint.vi)",
                                                  en: "invalid outcome “\(name)”.\(hint.en)"))
            return nil
        }
        var criteria: [(id: String, points: Int?)] = []
        if let e = map.optional("criteria"), let m = MappingReader(e, allowed: [], log: log) {
            for (id, value) in m.entries {
                criteria.append((id, value.isNull ? nil : log.integer(value).map { Int($0) }))
            }
        }
        var expectation = CaseExpectation(
            outcome: outcome, total: log.integer(map.optional("total")).map { Int($0) },
            unitClass: log.string(map.optional("class")),
            provisional: map.optional("provisional").flatMap { log.boolean($0) },
            criteria: criteria,
            reasons: map.has("reasons") ? (log.strings(map.optional("reasons")) ?? []) : nil,
            missing: map.has("missing") ? (log.strings(map.optional("missing")) ?? []) : nil)
        func count(_ key: String) -> Int? { log.integer(map.optional(key)).map { Int($0) } }
        expectation.checklist = CaseExpectation.Checklist(
            met: count("met"), applicable: count("applicable"), required: count("required"),
            mandatoryMet: count("mandatoryMet"), mandatoryApplicable: count("mandatoryApplicable"),
            notMet: map.has("notMet") ? (log.strings(map.optional("notMet")) ?? []) : nil)
        return expectation
    }
}
