import PhuhopCore

/// A failure a command reports to the user: a message in both languages and an exit status.
struct CommandError: Error {
    var message: LocalizedText
    var exitCode: Int32 = 1

    init(vi: String, en: String, exitCode: Int32 = 1) {
        message = LocalizedText(vi: vi, en: en)
        self.exitCode = exitCode
    }
}
