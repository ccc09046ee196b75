import Foundation

/// Where a command writes and what it reads: the real terminal, or buffers in tests.
///
/// Commands compute everything first and write at the end, so invalid input leaves no
/// partial output behind.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: (out: String, err: String)?
    private let input: () -> Data

    /// The process's standard streams.
    public static func standard() -> Console {
        Console(captured: nil) { FileHandle.standardInput.readDataToEndOfFile() }
    }

    /// A console that keeps what is written, for tests; `stdin` is what `-` reads.
    public static func capturing(stdin: Data = Data()) -> Console {
        Console(captured: ("", "")) { stdin }
    }

    private init(captured: (String, String)?, input: @escaping () -> Data) {
        self.captured = captured
        self.input = input
    }

    /// Everything written to standard output (capturing consoles only).
    public var output: String { lock.withLock { captured?.out ?? "" } }

    /// Everything written to standard error (capturing consoles only).
    public var errorOutput: String { lock.withLock { captured?.err ?? "" } }

    func write(_ text: String) {
        lock.withLock {
            if captured != nil { captured?.out += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
        }
    }

    func error(_ text: String) {
        lock.withLock {
            if captured != nil { captured?.err += text } else { FileHandle.standardError.write(Data(text.utf8)) }
        }
    }

    func readStandardInput() -> Data { input() }

    /// Whether standard error is a terminal a person is watching (never for a capturing console).
    var isTerminal: Bool { lock.withLock { captured == nil } && isatty(STDERR_FILENO) == 1 }
}
