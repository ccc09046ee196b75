import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// Reads units from the inputs of `batch` and `compare`: CSV tables (one row per unit) or
/// folders of YAML/JSON evidence files, each unit read against every standard given (a
/// comparison reads it against the baseline and the variant).
struct EvidenceInputs {
    /// A row or file that could not be read, with every problem rendered.
    struct Rejection {
        var problems: [String]
        /// For a CSV row: the header with an `error` column, and the row with its error.
        var header: String?
        var line: String?
    }

    /// Where a unit was read: the file, and for a CSV row its line, text and header, so a
    /// later refusal (by the store) can be reported and written to a rejects file like a bad row.
    struct Origin {
        var file: String
        var line: Int
        var row: (header: String, raw: String, separator: Character)?

        /// A rejection of this unit for `message`.
        func rejection(_ message: String) -> Rejection {
            guard let row else { return Rejection(problems: ["\(file):\(line): \(message)"]) }
            return Rejection(problems: ["\(file):\(line): \(message)"], header: row.header,
                             line: row.raw + String(row.separator) + CSVText.line([message], separator: row.separator))
        }
    }

    let standards: [Standard]
    let language: Language

    /// For each standard, the facts only the others have: a comparison's two versions each skip
    /// the facts the other added.
    private var others: [Set<String>] {
        standards.indices.map { n in
            let own = Set(standards[n].facts.map(\.id))
            return Set(standards.indices.filter { $0 != n }.flatMap { standards[$0].facts.map(\.id) }).subtracting(own)
        }
    }

    /// Reads one input, calling `unit` for each unit read and `reject` for each bad row or file.
    func read(_ input: String, unit: ([Evidence], Origin) throws -> Void, reject: (Rejection) -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            reject(Rejection(problems: ["\(input):1: " + (language == .vi ? "không đọc được tệp" : "cannot read the file")]))
            return
        }
        if isDirectory.boolValue {
            try readFolder(input, unit: unit, reject: reject)
        } else {
            try readTable(input, unit: unit, reject: reject)
        }
    }

    private func readFolder(_ input: String, unit: ([Evidence], Origin) throws -> Void, reject: (Rejection) -> Void) throws {
        for file in DataFiles.under(input) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            do {
                let ignoring = others
                let read = try standards.indices.map {
                    try EvidenceReader.read(data, file: file, standard: standards[$0], overridden: true, ignoring: ignoring[$0])
                }
                try unit(read, Origin(file: file, line: 1))
            } catch let error as InputError {
                reject(Rejection(problems: error.diagnostics.map { $0.rendered(language) }))
            }
        }
    }

    private func readTable(_ input: String, unit: ([Evidence], Origin) throws -> Void, reject: (Rejection) -> Void) throws {
        // A file whose header cannot be read is one rejection; the other inputs go on.
        var records: CSVRecords
        let headerRecord: CSVRecords.Record
        let tables: [EvidenceCSV]
        do {
            records = try CSVRecords(path: input)
            guard let header = try records.next() else {
                reject(Rejection(problems: ["\(input):1: " + (language == .vi ? "tệp rỗng" : "the file is empty")]))
                return
            }
            headerRecord = header
            let ignoring = others
            tables = try standards.indices.map {
                try EvidenceCSV(header: headerRecord.fields, file: input, standard: standards[$0], ignoring: ignoring[$0])
            }
        } catch let error as InputError {
            reject(Rejection(problems: error.diagnostics.map { $0.rendered(language) }))
            return
        } catch CSVError.invalidUTF8(let line) {
            reject(Rejection(problems: ["\(input):\(line): " + (language == .vi ? "dòng không phải UTF-8 hợp lệ" : "the line is not valid UTF-8")]))
            return
        } catch {
            reject(Rejection(problems: ["\(input):1: " + (language == .vi ? "không đọc được tệp" : "cannot read the file")]))
            return
        }
        let separator = Character(UnicodeScalar(records.separator))
        let header = headerRecord.raw + String(separator) + "error"
        while true {
            let record: CSVRecords.Record?
            do {
                record = try records.next()
            } catch CSVError.invalidUTF8(let line) {
                reject(Rejection(problems: ["\(input):\(line): " + (language == .vi ? "dòng không phải UTF-8 hợp lệ" : "the line is not valid UTF-8")]))
                continue
            }
            guard let record else { break }
            guard EvidenceCSV.isData(record.fields) else { continue }
            var read: [Evidence] = []
            var failure: InputError?
            for table in tables {
                switch table.evidence(record.fields, line: record.line) {
                case .success(let evidence): read.append(evidence)
                case .failure(let error): failure = failure ?? error
                }
            }
            if let failure {
                let message = failure.diagnostics.map { "\($0.field): \($0.message(language))" }.joined(separator: "; ")
                reject(Rejection(problems: failure.diagnostics.map { $0.rendered(language) }, header: header,
                                 line: record.raw + String(separator) + CSVText.line([message], separator: separator)))
            } else {
                try unit(read, Origin(file: input, line: record.line, row: (header, record.raw, separator)))
            }
        }
    }
}
