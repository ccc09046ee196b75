import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop review`: a self-assessment against the inspection of the same unit and year.
struct Review: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Đối chiếu tự đánh giá với kết quả kiểm tra / Compare a self-assessment with an inspection of the same unit and year.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: "The self-assessment (YAML or JSON).")
    var selfAssessment: String

    @Argument(help: "The inspection of the same unit and period (YAML or JSON).")
    var inspection: String

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let standards = LoadedStandards(location: try CriteriaLocation(option: shared.criteria))
        var problems: [Diagnostic] = []
        var read: [(Evidence, LoadedStandards.Entry)] = []
        for path in [selfAssessment, inspection] {
            do {
                read.append(try standards.readEvidence(path, console: console))
            } catch let error as InputError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let (first, loaded) = read[0]
        let second = read[1].0
        guard read[1].1.standard.id == loaded.standard.id else {
            throw CommandError(vi: "hai tệp theo hai bộ tiêu chí khác nhau (\(loaded.standard.id), \(read[1].1.standard.id))",
                               en: "the two files are for different standards (\(loaded.standard.id), \(read[1].1.standard.id))")
        }
        guard first.unit.id == second.unit.id, first.period == second.period else {
            throw CommandError(
                vi: "hai tệp không cùng đơn vị và kỳ đánh giá (\(first.unit.id) \(first.period.from)–\(first.period.to); \(second.unit.id) \(second.period.from)–\(second.period.to))",
                en: "the two files are not for the same unit and period (\(first.unit.id) \(first.period.from)–\(first.period.to); \(second.unit.id) \(second.period.from)–\(second.period.to))")
        }
        let review = AssessmentReview(selfAssessment: loaded.evaluator.evaluate(first),
                                      inspection: loaded.evaluator.evaluate(second), standard: loaded.standard)
        let report = ReviewReport(markdown: format == .markdown, language: shared.lang)
        console.write(report.render(review, loaded.reference))
        return 0
    }
}
