import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop batch`: scores many units from CSV tables or folders of evidence files, streaming.
struct Batch: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chấm hàng loạt / Score many units from CSV files or folders of evidence files, with a summary.")

    @Argument(help: "CSV files (one row per unit) or folders of YAML/JSON evidence files.")
    var inputs: [String]

    @Option(help: "Standard id (default: the only one, or qd06-2019).")
    var standard: String?

    @Option(help: "Write the result here instead of standard output.")
    var out: String?

    @Option(help: "csv (the unit list; the summary goes to standard error), json, markdown, html or text.")
    var format: BatchReport.Format?

    @Option(help: "Write rejected rows here (CSV, with an error column).")
    var rejects: String?

    @Option(help: "List the units whose total is within N points of their threshold, on either side.")
    var near: Int?

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if let near, near < 0 { throw ValidationError("--near must be 0 or more") }
        if let out, let rejects, out != "-", out == rejects { throw ValidationError("--out and --rejects must be different files") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let location = try CriteriaLocation(option: shared.criteria)
        let loaded = try location.load(standard ?? location.defaultID())
        let suffix = out?.lowercased() ?? ""
        let chosen = format ?? (suffix.hasSuffix(".csv") ? .csv : suffix.hasSuffix(".json") ? .json
            : suffix.hasSuffix(".html") ? .html : suffix.hasSuffix(".md") ? .markdown : .text)
        let report = BatchReport(format: chosen, language: shared.lang, standard: loaded.standard)
        // Open every output first: a bad path fails before any work, and nothing half-written remains.
        let output = try OutputFile(path: out, console: console, inputs: inputs)
        var rejectsFile: OutputFile?
        do {
            rejectsFile = try rejects.map { try OutputFile(path: $0, console: console, inputs: inputs) }
        } catch {
            output.discard()
            throw error
        }
        var run = BatchRun(standard: loaded.standard, report: report, console: console)
        run.summary = BatchSummary(near: near)
        run.rejections = Rejections(file: rejectsFile, path: rejects) { [inputs] in
            try OutputFile(path: $0, console: console, inputs: inputs)
        }
        // The unit list is built in a scratch file so the summary can come first, with memory flat.
        let scratchPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("phuhop-batch-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratchPath) }
        do {
            // CSV has no summary before the list (it goes to standard error), so the list is written
            // straight to the output; the other formats put the summary first and need the scratch file.
            if chosen == .csv { output.write(report.listHeader) }
            let scratch = chosen == .csv ? output : try OutputFile(path: scratchPath, console: console)
            for input in inputs {
                try run.process(input, into: scratch)
            }
            if chosen != .csv { try scratch.finish() }
            run.endProgress()
            switch chosen {
            case .csv:
                console.error(report.summary(run.summary))
            case .json:
                output.write("{\n  \"summary\": ")
                output.write(report.summary(run.summary).replacingOccurrences(of: "\n", with: "\n  "))
                output.write(",\n  \"units\": [")
                try copy(scratchPath, into: output)
                output.write("\n  ]\n}\n")
            case .html:
                let page = report.htmlPage ?? ("", "")
                output.write(page.open + report.summary(run.summary))
                output.write("<h2>" + (shared.lang == .vi ? "Danh sách đơn vị" : "Units") + "</h2>\n" + report.listHeader)
                try copy(scratchPath, into: output)
                output.write(page.close)
            case .markdown, .text:
                output.write(report.summary(run.summary))
                output.write("\n" + (chosen == .markdown ? "## " : "") + (shared.lang == .vi ? "Danh sách đơn vị" : "Units") + "\n\n")
                output.write(report.listHeader)
                try copy(scratchPath, into: output)
            }
            try output.finish()
            try run.rejections.finishFile()
        } catch {
            output.discard()
            run.rejections.discardFiles()
            throw error
        }
        run.rejections.report(console, language: shared.lang)
        return run.summary.rejected == 0 ? 0 : 1
    }

    private func copy(_ path: String, into output: OutputFile) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            output.write(bytes: chunk)
        }
    }
}

extension BatchReport.Format: ExpressibleByArgument {}

/// The state of one batch: the evaluator, the decision reused for every unit, the summary,
/// the rejects and the progress line.
struct BatchRun {
    let standard: Standard
    let report: BatchReport
    let console: Console
    let evaluator: Evaluator
    var decision: Decision?
    var summary = BatchSummary()
    /// The first problems found (the rest are counted, so memory stays flat), and the rejects file.
    var rejections = Rejections()
    private var first = true
    private var processed = 0
    private let showProgress: Bool

    init(standard: Standard, report: BatchReport, console: Console) {
        self.standard = standard
        self.report = report
        self.console = console
        evaluator = Evaluator(standard: standard)
        // A progress line only for a person watching a terminal, never into a pipe or CI log.
        showProgress = console.isTerminal && ProcessInfo.processInfo.environment["CI"] == nil
    }

    mutating func process(_ input: String, into list: OutputFile) throws {
        let reader = EvidenceInputs(standards: [standard], language: report.language)
        try reader.read(input, unit: { read, _ in decide(read[0], into: list) }, reject: { rejected($0) })
    }

    mutating func rejected(_ rejection: EvidenceInputs.Rejection) {
        summary.rejected += 1
        rejections.add(rejection)
    }

    private mutating func decide(_ evidence: Evidence, into list: OutputFile) {
        if decision == nil {
            decision = evaluator.evaluate(evidence)
        } else if var reused = decision {
            decision = nil
            evaluator.evaluate(evidence, into: &reused)
            decision = reused
        }
        guard let decision else { return }
        summary.add(decision, standard: standard)
        list.write(report.line(decision, first: first))
        first = false
        processed += 1
        if showProgress && processed % 5000 == 0 {
            console.error("\r" + (report.language == .vi ? "Đã chấm \(processed) đơn vị…" : "Scored \(processed) units…"))
        }
    }

    mutating func endProgress() {
        if showProgress && processed >= 5000 { console.error("\n") }
    }
}
