import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop template`: writes a blank evidence form for a standard.
struct Template: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo phiếu đánh giá trống / Write a blank evidence form (YAML, or a CSV survey sheet) for a standard.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, csv
    }

    @Argument(help: "Standard id, such as tt18-2023 or qd548-2011.")
    var id: String

    @Option(help: "Form format: yaml (one unit) or csv (one row per unit, for surveys).")
    var format: Format = .yaml

    @Option(help: "Output file (default: standard output). An existing file is never overwritten.")
    var out: String?

    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let loaded = try CriteriaLocation(option: shared.criteria).load(id)
        // A form that exists may already be filled in: writing over it would lose the answers.
        if let out, out != "-", FileManager.default.fileExists(atPath: out) {
            throw CommandError(vi: "\(out) đã tồn tại; không ghi đè (có thể là phiếu đã điền)",
                               en: "\(out) already exists; it will not be overwritten (it may be a filled-in form)")
        }
        let template = EvidenceTemplate(style: format == .yaml ? .yaml : .csv, language: shared.lang)
        let output = try OutputFile(path: out, console: console)
        output.write(template.render(loaded.standard, columns: EvidenceCSV.header(for: loaded.standard)))
        try output.finish()
        return 0
    }
}
