import Foundation

/// A buffered output that is either standard output or a file written atomically: the file
/// appears under its name only when complete, so an interrupted run never leaves half of it.
final class OutputFile {
    private let handle: FileHandle?
    private let console: Console?
    private let temporary: String?
    private let target: String?
    private var buffer: [UInt8] = []

    /// The console's standard output when `path` is nil or `-`.
    init(path: String?, console: Console) throws {
        if let path, path != "-" {
            let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw CommandError(vi: "không ghi được tệp \(path)", en: "cannot write the file \(path)")
            }
            self.handle = handle
            self.console = nil
            self.temporary = temporary
            target = path
        } else {
            handle = nil
            self.console = console
            temporary = nil
            target = nil
        }
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        if let handle { handle.write(Data(buffer)) } else { console?.write(String(decoding: buffer, as: UTF8.self)) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    func finish() throws {
        flush()
        guard let temporary, let target, let handle else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
        try FileManager.default.moveItem(atPath: temporary, toPath: target)
    }

    /// Removes an unfinished file.
    func discard() {
        guard let temporary else { return }
        try? handle?.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
