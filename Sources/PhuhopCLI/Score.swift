import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop score`: evaluates evidence files and prints the decisions.
struct Score: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chấm điểm tệp bằng chứng / Score evidence files (YAML or JSON; - reads standard input).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
    }

    @Argument(help: "Evidence files (YAML or JSON); - reads standard input.")
    var files: [String]

    @Option(help: "Standard id, such as qd06-2019 (default: the one the evidence names, or the only one).")
    var standard: String?

    @Option(help: "Output format: text, json, markdown, or html (checklists: the report a school posts).")
    var format: Format = .text

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one evidence file, or - for standard input") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let standards = LoadedStandards(location: try CriteriaLocation(option: shared.criteria))
        var decisions: [(Decision, StandardReference)] = []
        var problems: [Diagnostic] = []
        for path in files {
            do {
                let (evidence, entry) = try standards.readEvidence(path, console: console, standard: standard)
                decisions.append((entry.evaluator.evaluate(evidence), entry.reference))
            } catch let error as InputError {
                problems += error.diagnostics
            }
        }
        // All or nothing: one bad file means no decision is printed.
        if !problems.isEmpty { throw InputError(problems) }
        switch format {
        case .json:
            let values = decisions.map { DecisionJSON.value($0.0, $0.1, language: shared.lang) }
            let json = values.count == 1 ? values[0] : .array(values)
            console.write(json.rendered() + "\n")
        case .text, .markdown, .html:
            let report = DecisionReport(style: format == .text ? .text : .markdown, language: shared.lang)
            let checklist = ChecklistReport(style: format == .text ? .text : format == .markdown ? .markdown : .html,
                                            language: shared.lang)
            if format == .html, decisions.contains(where: { $0.0.checklist == nil }) {
                throw CommandError(vi: "định dạng html dành cho bảng kiểm (trường học, ngôi nhà an toàn); dùng markdown",
                                   en: "the html format is for checklists (safe school, safe home); use markdown")
            }
            console.write(decisions.map { decision, reference in
                decision.checklist != nil ? checklist.render(decision, reference) : report.render(decision, reference)
            }.joined(separator: "\n"))
        }
        return 0
    }
}
