import Foundation
import PhuhopCore

/// Reads a criteria folder (`standard.yaml` plus one file per criterion) into a `Standard`.
///
/// Every problem in every file is reported together, each with its file, line and field; an
/// unknown key is an error with a did-you-mean, so a typo never silently drops a value.
public enum CriteriaLoader {
    /// Loads the folder and lints it; throws `InputError` with every problem found.
    public static func load(folder: URL, displayPath: String? = nil) throws -> LoadedStandard {
        let loaded = try parse(folder: folder, displayPath: displayPath)
        let problems = StandardLint.problems(in: loaded.standard)
        guard problems.isEmpty else {
            throw InputError(problems.map { problem in
                Diagnostic(location: loaded.location(of: problem.subject),
                           field: loaded.standard.describe(problem.subject).path, message: problem.message)
            })
        }
        return loaded
    }

    /// Reads the folder without linting it.
    public static func parse(folder: URL, displayPath: String? = nil) throws -> LoadedStandard {
        let base = displayPath ?? folder.path
        let standardURL = folder.appendingPathComponent("standard.yaml")
        let standardName = base + "/standard.yaml"
        let root = try Document.read(standardURL, displayName: standardName)
        let log = DiagnosticLog(file: standardName)
        var reader = Reader(log: log, base: base)
        guard let standardMap = MappingReader(root, allowed: Keys.standard, log: log) else { throw InputError(log.items) }

        // Facts first, from every file, so indicators can refer to facts declared anywhere.
        var criterionIDs: [String] = []
        for id in log.strings(standardMap.required("criteria")) ?? [] {
            if criterionIDs.contains(id), let e = standardMap.optional("criteria") {
                log.add(e, LocalizedText(vi: "tiêu chí “\(id)” được liệt kê hai lần", en: "criterion “\(id)” is listed twice"))
                continue
            }
            criterionIDs.append(id)
        }
        var criterionDocuments: [(id: String, map: MappingReader, log: DiagnosticLog)] = []
        var hashed: [(String, Data)] = []
        if let data = try? Data(contentsOf: standardURL) { hashed.append(("standard.yaml", data)) }
        var allLogs = [log]
        var failures: [Diagnostic] = []
        for id in criterionIDs {
            let url = folder.appendingPathComponent("\(id).yaml")
            let name = "\(base)/\(id).yaml"
            do {
                let element = try Document.read(url, displayName: name)
                let fileLog = DiagnosticLog(file: name)
                allLogs.append(fileLog)
                if let data = try? Data(contentsOf: url) { hashed.append(("\(id).yaml", data)) }
                if let map = MappingReader(element, allowed: Keys.criterion, log: fileLog) {
                    criterionDocuments.append((id, map, fileLog))
                }
            } catch let error as InputError {
                failures += error.diagnostics
            }
        }
        reportUnlistedFiles(folder: folder, base: base, listed: criterionIDs, log: log)

        reader.collectFacts(standardMap.optional("facts"), log: log)
        for document in criterionDocuments { reader.collectFacts(document.map.optional("facts"), log: document.log) }
        reader.resolveFactLimits()

        let attributes = reader.attributes(standardMap.optional("attributes"))
        let kind: StandardKind = log.choice(standardMap.required("kind"), named: LocalizedText(vi: "loại chuẩn", en: "standard kind"))
            ?? .points
        let recognition = reader.recognition(standardMap.required("recognition"), attributes: attributes,
                                             checklist: kind == .checklist)
        var criteria: [Criterion] = []
        for (c, document) in criterionDocuments.enumerated() {
            reader.log = document.log
            if let criterion = reader.criterion(document.map, index: c, expectedID: document.id) {
                criteria.append(criterion)
            }
        }
        reader.log = log

        let id = log.string(standardMap.required("id"))
        let version = log.string(standardMap.required("version"))
        var unitTypes: [UnitType] = []
        if let element = standardMap.optional("unitTypes") {
            for name in log.strings(element) ?? [] {
                if let type = reader.unitType(name, element) { unitTypes.append(type) }
            }
        }
        let mandatoryItems = reader.markedInteger(standardMap.optional("mandatoryItems"))
        if let element = standardMap.optional("mandatoryItems") { reader.locate(.mandatoryItems, element) }
        let title = log.text(standardMap.required("title"))
        let citation = log.string(standardMap.optional("citation"))
        let provenance = log.provenance(standardMap.required("provenance"))
        let effective = reader.marked(standardMap.required("effective"), extraKeys: ["from", "to"]) {
            (element: Element, map: MappingReader) -> EffectivePeriod? in
            guard let from = log.date(map.required("from")) else { return nil }
            let to = map.optional("to").flatMap { log.date($0) }
            if let to, to < from {
                log.add(element, LocalizedText(vi: "ngày kết thúc hiệu lực trước ngày bắt đầu",
                                               en: "the standard ends before it starts"))
            }
            return EffectivePeriod(from: from, to: to)
        }
        let maximum = reader.markedInteger(standardMap.required("maximum"))
        let targets = reader.targets(standardMap.optional("targets"))
        if let element = standardMap.optional("effective") { reader.locate(.effective, element) }
        if let element = standardMap.optional("maximum") { reader.locate(.standardMaximum, element) }
        reader.locate(.standard, root)

        failures += allLogs.flatMap(\.items)
        guard failures.isEmpty, let id, let version, let title, let provenance, let effective, let maximum,
              let recognition, criteria.count == criterionDocuments.count else {
            throw InputError(failures.isEmpty ? log.items : failures)
        }
        var standard = Standard(
            id: id, version: version, title: title, citation: citation ?? "", provenance: provenance,
            effective: effective, maximum: maximum, attributes: attributes, facts: reader.facts,
            criteria: criteria, recognition: recognition)
        standard.targets = targets
        standard.kind = kind
        standard.unitTypes = unitTypes
        standard.mandatoryItems = mandatoryItems
        var content: [UInt8] = []
        for (name, data) in hashed.sorted(by: { $0.0 < $1.0 }) {
            content += Array(name.utf8) + [0] + Array(data) + [0]
        }
        return LoadedStandard(standard: standard, hash: SHA256.hex(content), folder: base, locations: reader.locations,
                              files: Dictionary(hashed, uniquingKeysWith: { first, _ in first }))
    }

    private static func reportUnlistedFiles(folder: URL, base: String, listed: [String], log: DiagnosticLog) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") && name != "standard.yaml" {
            let id = String(name.dropLast(5))
            if !listed.contains(id) {
                log.add(line: 1, column: 1, field: "criteria", LocalizedText(
                    vi: "tệp \(name) không có trong danh sách “criteria” của standard.yaml",
                    en: "file \(name) is not listed under “criteria” in standard.yaml"))
            }
        }
    }
}

/// The keys each kind of mapping may hold; anything else is reported with a did-you-mean.
enum Keys {
    static let standard = ["id", "version", "kind", "title", "citation", "provenance", "effective", "maximum",
                           "mandatoryItems", "unitTypes", "criteria", "attributes", "recognition", "facts", "targets", "note"]
    static let criterion = ["id", "number", "name", "citation", "provenance", "note", "maximum", "responsible", "facts",
                            "indicators"]
    static let fact = ["id", "type", "name", "atMost", "rollUp", "note"]
    static let attribute = ["id", "name", "note"]
    static let indicator = ["id", "name", "citation", "provenance", "note", "kind", "fact", "points", "numerator",
                            "denominator", "share", "per", "ifDenominatorZero", "minimumSample", "bands", "mandatory",
                            "mayBeNotApplicable"]
    static let band = ["atLeast", "above", "below", "atMost", "points", "provenance", "citation", "note"]
    static let marked = ["value", "provenance", "citation", "note"]
    static let recognition = ["noZeroCriterion", "classes", "classRules", "minimumShare", "allMandatory", "notApplicable",
                              "vetoes"]
    static let unitClass = ["id", "name", "threshold", "mandatoryThreshold", "note"]
    static let veto = ["id", "name", "provenance", "citation", "note"]
    static let classRule = ["class", "when", "provenance", "citation", "note"]
    static let target = ["id", "year", "name", "share", "note"]
    static let sample = ["fact", "atLeast", "provenance", "citation", "note"]
}
