import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop compare`: which units would gain or lose recognition under a variant of a standard.
struct Compare: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "So sánh hai phiên bản tiêu chí / Compare a standard with a variant over the same units.")

    @Option(help: "The baseline standard id, such as qd06-2019.")
    var baseline: String

    @Option(help: "The variant: a standard id, a folder under criteria/variants/, or a path to a criteria folder.")
    var variant: String?

    @Option(name: .customLong("set"), help: "Override one value of the variant: PATH=VALUE, e.g. c07.1.bands[0].atLeast=99%. Repeatable.")
    var overrides: [String] = []

    @Argument(help: "CSV files (one row per unit) or folders of YAML/JSON evidence files.")
    var inputs: [String]

    @Option(help: "text, markdown or json.")
    var format: CompareReport.Format = .text

    @Option(help: "Write the result here instead of standard output.")
    var out: String?

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if variant == nil && overrides.isEmpty { throw ValidationError("give --variant, --set PATH=VALUE, or both") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let location = try CriteriaLocation(option: shared.criteria)
        let base = try location.load(baseline)
        var alternative = try variant.map { try location.loadVariant($0) } ?? base
        let standard: Standard
        do {
            standard = try StandardDraft.applying(overrides, to: alternative.standard)
        } catch {
            switch error {
            case .malformed(let text):
                throw CommandError(vi: "--set cần dạng ĐƯỜNG_DẪN=GIÁ_TRỊ, gặp “\(text)”",
                                   en: "--set needs PATH=VALUE, found “\(text)”", exitCode: 2)
            case .refused(let text, let why):
                throw CommandError(vi: "--set \(text): " + why.vi, en: "--set \(text): " + why.en)
            case .invalid(let problems):
                let list = problems.map { "\($0.path): \($0.message(shared.lang))" }.joined(separator: "; ")
                throw CommandError(vi: "bản thử sau --set không hợp lệ: " + list, en: "the variant after --set is not valid: " + list)
            }
        }
        if !overrides.isEmpty {
            let content = alternative.hash + "\n" + overrides.joined(separator: "\n")
            alternative = LoadedStandard(standard: standard, hash: SHA256.hex(Array(content.utf8)),
                                         folder: alternative.folder, locations: alternative.locations)
        }
        // Criteria and indicators are matched by id: a variant may add, remove or reorder them.
        let pairing = StandardPairing(baseline: base.standard, variant: standard)

        let report = CompareReport(format: format, language: shared.lang,
                                   baseline: StandardReference(standard: base.standard, hash: base.hash),
                                   variant: StandardReference(standard: standard, hash: alternative.hash))
        let before = Evaluator(standard: base.standard)
        let after = Evaluator(standard: standard)
        var summary = ComparisonSummary()
        var problems: [String] = []
        var first = true
        let output = try OutputFile(path: out, console: console, inputs: inputs)
        do {
            output.write(report.opening)
            let reader = EvidenceInputs(standards: [base.standard, standard], language: shared.lang)
            for input in inputs {
                try reader.read(input, unit: { read, _ in
                    let comparison = UnitComparison(baseline: before.evaluate(read[0]), variant: after.evaluate(read[1]), pairing: pairing)
                    summary.add(comparison, standard: base.standard)
                    if comparison.changed {
                        output.write(report.unit(comparison, first: first))
                        first = false
                    }
                }, reject: { problems += $0.problems })
            }
            output.write(report.closing(summary))
            try output.finish()
        } catch {
            output.discard()
            throw error
        }
        for line in problems.prefix(20) { console.error((shared.lang == .vi ? "lỗi: " : "error: ") + line + "\n") }
        return problems.isEmpty ? 0 : 1
    }
}

extension CompareReport.Format: ExpressibleByArgument {}
