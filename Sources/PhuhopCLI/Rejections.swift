import PhuhopCore

/// The rows and files a command refused: every one counted, the first `limit` kept to show,
/// and CSV rows copied (with their error) to a rejects file when one was asked for.
struct Rejections {
    let limit: Int
    private(set) var count = 0
    /// The problems to show, of the first `shownCount` rejections.
    private(set) var problems: [String] = []
    private(set) var shownCount = 0
    var file: OutputFile?
    private(set) var wroteFile = false
    private var header: String?

    init(limit: Int = 20, file: OutputFile? = nil) {
        self.limit = limit
        self.file = file
    }

    mutating func add(_ rejection: EvidenceInputs.Rejection) {
        count += 1
        if problems.count < limit {
            problems += rejection.problems.prefix(limit - problems.count)
            shownCount += 1
        }
        guard let file, let header = rejection.header, let line = rejection.line else { return }
        if self.header == nil {
            self.header = header
            file.write(header + "\n")
        }
        file.write(line + "\n")
        wroteFile = true
    }

    /// Writes the problems kept, and how many more there were, to standard error.
    func report(_ console: Console, language: Language) {
        for line in problems { console.error((language == .vi ? "lỗi: " : "error: ") + line + "\n") }
        if count > shownCount {
            let more = count - shownCount
            console.error(language == .vi ? "… và \(more) dòng/tệp bị từ chối khác\n" : "… and \(more) more rejected rows or files\n")
        }
    }

    /// Keeps the rejects file when something was written to it, and removes it otherwise.
    func finishFile() throws {
        if wroteFile { try file?.finish() } else { file?.discard() }
    }
}
