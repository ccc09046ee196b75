import Foundation

/// A buffered output that is either standard output or a file written atomically: the file
/// appears under its name only when complete, so an interrupted run never leaves half of it.
final class OutputFile {
    private let handle: FileHandle?
    private let console: Console?
    private let temporary: String?
    private let target: String?
    private var buffer: [UInt8] = []

    /// The console's standard output when `path` is nil or `-`. A path that is a folder, or one
    /// of the run's inputs, is refused: writing there would destroy data.
    init(path: String?, console: Console, inputs: [String] = []) throws {
        if let path, path != "-" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CommandError(vi: "\(path) là một thư mục; hãy chọn tên tệp để ghi",
                                   en: "\(path) is a folder; give a file name to write")
            }
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == resolved }) {
                throw CommandError(vi: "\(path) là tệp đầu vào; không ghi đè lên dữ liệu đầu vào",
                                   en: "\(path) is an input; it will not be overwritten")
            }
            let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
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
        if buffer.count >= 1 << 20 { flush(complete: false) }
    }

    /// Appends raw UTF-8 bytes (such as a chunk of another file, which may end mid-character).
    func write(bytes: Data) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush(complete: false) }
    }

    /// Writes the buffer out. A console takes text, so a character split across two writes is
    /// held back until it is whole; `complete` says no more bytes will follow.
    private func flush(complete: Bool) {
        guard !buffer.isEmpty else { return }
        if let handle {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var end = buffer.count
        if !complete {
            // Back up to the start of the last character; keep it if it is not whole yet.
            var start = end - 1
            while start > 0 && buffer[start] & 0xC0 == 0x80 { start -= 1 }
            let lead = buffer[start]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if start + length > end { end = start }
        }
        console?.write(String(decoding: buffer[..<end], as: UTF8.self))
        buffer.removeSubrange(..<end)
    }

    /// Flushes and, for a file, moves it into place.
    func finish() throws {
        flush(complete: true)
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
