import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore

/// `phuhop import`: stores evidence as new revisions, all or nothing.
struct Import: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập bằng chứng vào cơ sở dữ liệu / Import evidence into the database (one transaction, all or nothing).")

    @Argument(help: "CSV files (one row per unit), YAML or JSON evidence files, or folders of them.")
    var files: [String]

    @Option(help: "Standard of the CSV files (default: qd06-2019 or the only one); evidence files name their own.")
    var standard: String?

    @Option(help: "Why this evidence is entered or corrected (recorded with every revision).")
    var reason: String?

    @Option(help: "The source document, such as a report's number and date (default: the file name).")
    var document: String?

    @Flag(help: "Store the valid rows and skip the invalid ones (listed, and written to --rejects).")
    var skipInvalid = false

    @Option(help: "With --skip-invalid: write the rejected CSV rows here, with an error column.")
    var rejects: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file or folder to import") }
        if rejects != nil && !skipInvalid { throw ValidationError("--rejects needs --skip-invalid") }
    }

    /// Raised inside the transaction to undo it when a row was invalid and nothing may land.
    private struct Refused: Error {}

    func execute(_ console: Console) throws -> Int32 {
        let database = try store.open()
        let standards = LoadedStandards(location: try CriteriaLocation(option: shared.criteria))
        let tableStandard = try standards.entry(standard ?? standards.location.defaultID())
        let rejectsFile = try rejects.map { try OutputFile(path: $0, console: console, inputs: files) }
        var rejections = Rejections(limit: Int.max, file: rejectsFile, path: rejects) { [files] in
            try OutputFile(path: $0, console: console, inputs: files)
        }
        let reason = reason ?? (shared.lang == .vi ? "nhập từ \(files.joined(separator: ", "))" : "imported from \(files.joined(separator: ", "))")
        let authorship = Authorship(author: author.name, reason: reason, document: document)
        var summary: ImportSummary?
        // Rows are read and encoded on a second thread while this one writes them.
        let handoff = Handoff<Item>()
        // Batches go back once written, so their strings are freed by the thread that made them:
        // freeing into another thread's heap takes its lock, and the reading thread waited on it.
        let used = Handoff<Item>()
        let finished = DispatchSemaphore(value: 0)
        let reading = HandedOver(value: (command: self, standards: standards, table: tableStandard))
        Thread.detachNewThread {
            let (command, standards, table) = reading.value
            command.produce(into: handoff, returned: used, standards: standards, table: table)
            finished.signal()
        }
        defer {
            handoff.close()
            finished.wait()
        }
        do {
            summary = try database.importEvidence(files: files, by: authorship) { session in
                consuming: while true {
                    let batch = handoff.pop()
                    defer { used.offer(batch) }
                    for item in batch {
                        switch item {
                        case .record(let record, let origin):
                            if case .refused(let why) = try session.add(record) {
                                rejections.add(origin.rejection(why(shared.lang)))
                            }
                        case .rejected(let rejection):
                            session.countRejected()
                            rejections.add(rejection)
                        case .failed(let error):
                            throw error.value
                        case .end:
                            break consuming
                        }
                    }
                }
                if rejections.count > 0 && !skipInvalid { throw Refused() }
            }
        } catch is Refused {
            rejections.discardFiles()
            rejections.report(console, language: shared.lang)
            console.error(shared.lang == .vi
                ? "Không lưu gì: \(rejections.count) dòng/tệp không hợp lệ. Sửa chúng, hoặc dùng --skip-invalid để lưu các dòng hợp lệ.\n"
                : "Nothing stored: \(rejections.count) invalid rows or files. Fix them, or use --skip-invalid to store the valid rows.\n")
            return 1
        } catch {
            rejections.discardFiles()
            throw error
        }
        try rejections.finishFile()
        rejections.report(console, language: shared.lang)
        guard let summary else { return 1 }
        console.write(shared.lang == .vi
            ? "Lần nhập #\(summary.importID) vào \(store.db): \(summary.stored) bản ghi mới, \(summary.unchanged) không đổi, \(summary.rejected) bị bỏ qua.\n"
            : "Import #\(summary.importID) into \(store.db): \(summary.stored) new revisions, \(summary.unchanged) unchanged, \(summary.rejected) skipped.\n")
        return 0
    }

    /// The standard whose columns a CSV table's header names, when `--standard` was not given
    /// and exactly one standard fits (a household survey sheet beside a commune's table).
    private func tableStandard(_ input: String, standards: LoadedStandards, default table: LoadedStandards.Entry) throws
        -> LoadedStandards.Entry
    {
        guard var records = try? CSVRecords(path: input), let header = try? records.next() else { return table }
        func fits(_ entry: LoadedStandards.Entry) -> Bool {
            (try? EvidenceCSV(header: header.fields, file: input, standard: entry.standard)) != nil
        }
        // The default first: loading every other standard costs more than a small import.
        if fits(table) { return table }
        let fitting = try standards.location.standardIDs().map { try standards.entry($0) }.filter(fits)
        return fitting.count == 1 ? fitting[0] : table
    }

    /// What the reading thread hands to the writing one.
    enum Item: Sendable {
        case record(PreparedRecord, EvidenceInputs.Origin)
        case rejected(EvidenceInputs.Rejection)
        case failed(HandedOver<any Error>)
        case end
    }

    /// Reads every input, preparing each record for the store, and hands them over in batches.
    private func produce(into handoff: Handoff<Item>, returned: Handoff<Item>, standards: LoadedStandards,
                         table: LoadedStandards.Entry) {
        let preparer = RecordPreparer()
        var batch: [Item] = []
        batch.reserveCapacity(1024)
        func send(_ item: Item) -> Bool {
            batch.append(item)
            guard batch.count == 1024 else { return true }
            defer { batch.removeAll(keepingCapacity: true) }
            _ = returned.drain()
            return handoff.push(batch)
        }
        struct Stopped: Error {}
        do {
            for input in files {
                try read(input, standards: standards, table: table, store: { evidence, entry, origin in
                    let place = origin.row == nil ? origin.file : "\(origin.file):\(origin.line)"
                    let record = preparer.prepare(evidence, standard: entry.standard, document: document ?? place)
                    if !send(.record(record, origin)) { throw Stopped() }
                }, reject: { rejection in _ = send(.rejected(rejection)) })
            }
            _ = send(.end)
        } catch is Stopped {
            return
        } catch {
            _ = send(.failed(HandedOver(value: error)))
        }
        if !batch.isEmpty { handoff.push(batch) }
    }

    /// Reads one input: a folder (every evidence file and CSV under it), a CSV table, or an
    /// evidence file that names its standard.
    private func read(_ input: String, standards: LoadedStandards, table: LoadedStandards.Entry,
                      store: (Evidence, LoadedStandards.Entry, EvidenceInputs.Origin) throws -> Void,
                      reject: (EvidenceInputs.Rejection) -> Void) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            for file in DataFiles.under(input, including: ["csv"]) {
                try read(file, standards: standards, table: table, store: store, reject: reject)
            }
            return
        }
        if input.lowercased().hasSuffix(".csv") || !exists {
            let entry = try standard == nil ? tableStandard(input, standards: standards, default: table) : table
            let reader = EvidenceInputs(standards: [entry.standard], language: shared.lang)
            try reader.read(input, unit: { read, origin in try store(read[0], entry, origin) }, reject: reject)
            return
        }
        do {
            let (evidence, entry) = try standards.readEvidence(input, console: Console.capturing(), standard: nil)
            try store(evidence, entry, EvidenceInputs.Origin(file: input, line: 1))
        } catch let error as InputError {
            reject(EvidenceInputs.Rejection(problems: error.diagnostics.map { $0.rendered(shared.lang) }))
        } catch let error as CommandError {
            reject(EvidenceInputs.Rejection(problems: ["\(input):1: " + error.message(shared.lang)]))
        }
    }
}
