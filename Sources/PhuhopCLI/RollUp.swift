import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop rollup`: one commune's household and school results added up, with the safe-community
/// standards that follow and the commune's child-friendly decision beside them.
struct RollUp: PhuhopCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Tổng hợp kết quả hộ gia đình, trường học của một xã / Roll up a commune's household and school results.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Id of the commune-level unit: households and schools name it as unit.commune.")
    var commune: String

    @Argument(help: "Evidence files or folders (YAML, JSON), or CSV survey sheets of households or schools.")
    var inputs: [String]

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one evidence file, folder or CSV sheet") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let standards = LoadedStandards(location: try CriteriaLocation(option: shared.criteria))
        // One result per school or household: an inspection stands over the self-assessment of
        // the same unit and period, which would otherwise be counted twice.
        var members: [Decision] = []
        var memberIndex: [String: Int] = [:]
        var communeEvidence: [(Evidence, LoadedStandards.Entry)] = []
        var problems: [Diagnostic] = []
        func take(_ evidence: Evidence, _ entry: LoadedStandards.Entry) {
            if evidence.unit.unitType.isCommuneLevel {
                if evidence.unit.id == commune { communeEvidence.append((evidence, entry)) }
            } else if evidence.unit.commune == commune {
                let decision = entry.evaluator.evaluate(evidence)
                let key = "\(entry.standard.id)|\(evidence.unit.id)|\(evidence.period.from)|\(evidence.period.to)"
                if let n = memberIndex[key] {
                    if decision.assessment == .inspection || members[n].assessment != .inspection { members[n] = decision }
                } else {
                    memberIndex[key] = members.count
                    members.append(decision)
                }
            }
        }
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                files += DataFiles.under(input, including: ["csv"])
            } else {
                files.append(input)
            }
        }
        for path in files {
            do {
                if path.lowercased().hasSuffix(".csv") {
                    try readSheet(path, standards: standards, take: take)
                } else {
                    let (evidence, entry) = try standards.readEvidence(path, console: console)
                    take(evidence, entry)
                }
            } catch let error as InputError {
                problems += error.diagnostics
            }
        }
        // All or nothing: a roll-up over part of the evidence would understate the shares.
        if !problems.isEmpty { throw InputError(problems) }
        let rollUp = CommuneRollUp(commune: commune, members: members)
        var community: (Decision, StandardReference)?
        var childFriendly: (Decision, StandardReference)?
        for (evidence, entry) in communeEvidence {
            var filled = evidence
            CommuneRollUp.fill(&filled, standard: entry.standard, members: members)
            let decision = entry.evaluator.evaluate(filled)
            if entry.standard.facts.contains(where: { $0.rollUp != nil }) {
                community = (decision, entry.reference)
            } else {
                childFriendly = (decision, entry.reference)
            }
        }
        // Without the commune's own safe-community evidence, the rolled-up facts still decide
        // what they can (standard 2); the rest shows as missing.
        if community == nil, let first = members.first, let entry = standards.location.standardIDs().lazy
            .compactMap({ try? standards.entry($0) }).first(where: { $0.standard.facts.contains { $0.rollUp != nil } }) {
            let s = entry.standard
            var evidence = Evidence(
                unit: UnitInfo(id: commune, name: commune, province: first.unit.province, unitType: .xa,
                               attributes: [Bool?](repeating: nil, count: s.attributes.count)),
                period: first.period, facts: [FactValue?](repeating: nil, count: s.facts.count),
                sources: [FactSource?](repeating: nil, count: s.facts.count))
            CommuneRollUp.fill(&evidence, standard: s, members: members)
            community = (entry.evaluator.evaluate(evidence), entry.reference)
        }
        let report = RollUpReport(markdown: format == .markdown, language: shared.lang)
        console.write(report.render(rollUp, community: community, commune: childFriendly))
        return 0
    }

    /// Reads a CSV survey sheet with the checklist standard whose columns it has.
    private func readSheet(_ path: String, standards: LoadedStandards,
                           take: (Evidence, LoadedStandards.Entry) -> Void) throws {
        var records = try CSVRecords(path: path)
        guard let header = try records.next() else { return }
        var table: (EvidenceCSV, LoadedStandards.Entry)?
        var checklists: [String] = []
        for id in standards.location.standardIDs() {
            guard let entry = try? standards.entry(id), entry.standard.hasItems else { continue }
            checklists.append(id)
            if let csv = try? EvidenceCSV(header: header.fields, file: path, standard: entry.standard) {
                table = (csv, entry)
                break
            }
        }
        guard let (csv, loaded) = table else {
            let ids = checklists.joined(separator: ", ")
            throw InputError([Diagnostic(location: SourceLocation(file: path, line: 1, column: 1), field: "",
                                         message: LocalizedText(vi: "tiêu đề không khớp với bảng kiểm nào (\(ids))",
                                                                en: "the header matches no checklist (\(ids))"))])
        }
        var problems: [Diagnostic] = []
        while let record = try records.next() {
            guard EvidenceCSV.isData(record.fields) else { continue }
            switch csv.evidence(record.fields, line: record.line) {
            case .success(let evidence): take(evidence, loaded)
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
    }
}
