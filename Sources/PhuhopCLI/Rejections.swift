import Foundation
import PhuhopCore

/// The rows and files a command refused: every one counted, the first `limit` kept to show,
/// and CSV rows copied (with their error) to a rejects file when one was asked for.
///
/// Rows of tables with another header go to a file of their own beside it (`rejects-2.csv`):
/// a rejects file is fixed and read again, so its rows must match its header.
struct Rejections {
    let limit: Int
    private(set) var count = 0
    /// The problems to show, of the first `shownCount` rejections.
    private(set) var problems: [String] = []
    private(set) var shownCount = 0
    /// The file asked for, and how to open a sibling for another header.
    private let path: String?
    private let open: ((String) throws -> OutputFile)?
    /// The files in use, each with its header and whether a row was written.
    private var files: [(header: String?, path: String, file: OutputFile, written: Bool)] = []

    /// Keeps problems only (no file).
    init(limit: Int = 20) {
        self.limit = limit
        path = nil
        open = nil
    }

    /// Writes rejected rows to `file` at `path`; `open` opens a sibling file for another header.
    init(limit: Int = 20, file: OutputFile?, path: String?, open: @escaping (String) throws -> OutputFile) {
        self.limit = limit
        self.path = path
        self.open = open
        if let file, let path { files = [(nil, path, file, false)] }
    }

    mutating func add(_ rejection: EvidenceInputs.Rejection) {
        count += 1
        if problems.count < limit {
            problems += rejection.problems.prefix(limit - problems.count)
            shownCount += 1
        }
        guard !files.isEmpty, let header = rejection.header, let line = rejection.line else { return }
        var n = files.firstIndex { $0.header == header } ?? files.firstIndex { $0.header == nil }
        if n == nil, let path, let open {
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
            let sibling = url.deletingPathExtension().path + "-\(files.count + 1)" + ext
            if let file = try? open(sibling) {
                files.append((nil, sibling, file, false))
                n = files.count - 1
            }
        }
        guard let n else { return }
        if files[n].header == nil {
            files[n].header = header
            files[n].file.write(header + "\n")
        }
        files[n].file.write(line + "\n")
        files[n].written = true
    }

    /// Writes the problems kept, and how many more there were, to standard error.
    func report(_ console: Console, language: Language) {
        for line in problems { console.error((language == .vi ? "lỗi: " : "error: ") + line + "\n") }
        if count > shownCount {
            let more = count - shownCount
            console.error(language == .vi ? "… và \(more) dòng/tệp bị từ chối khác\n" : "… and \(more) more rejected rows or files\n")
        }
        if files.count > 1 {
            let names = files.filter(\.written).map(\.path).joined(separator: ", ")
            console.error(language == .vi ? "Các dòng bị từ chối, theo tiêu đề bảng của chúng: \(names)\n"
                : "Rejected rows, by the header of their table: \(names)\n")
        }
    }

    /// Keeps each rejects file that has rows, and removes the others.
    func finishFile() throws {
        for entry in files {
            if entry.written { try entry.file.finish() } else { entry.file.discard() }
        }
    }

    /// Removes every rejects file (nothing was stored, or the command failed).
    func discardFiles() {
        for entry in files { entry.file.discard() }
    }
}
