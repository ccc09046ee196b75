import Foundation
import PhuhopCore
import Yams

/// Turns the bytes of a YAML or JSON file into a node tree, or into diagnostics that name the
/// line: invalid UTF-8 and syntax errors never reach the readers.
enum Document {
    /// Parses `data` read from `file`. Strict JSON is read by `JSONDocument`; everything else,
    /// and JSON with a problem, by the YAML parser (JSON is YAML's flow style), so both formats
    /// report lines and columns the same way.
    static func parse(_ data: Data, file: String) throws -> Element {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let root = bytes.withUnsafeBytes({ JSONDocument.parse($0.bindMemory(to: UInt8.self)) }) {
            return Element(node: root, path: "")
        }
        guard var text = String(data: bytes, encoding: .utf8) else {
            let (line, column) = invalidUTF8Position(bytes)
            throw InputError([Diagnostic(
                location: SourceLocation(file: file, line: line, column: column), field: "",
                message: LocalizedText(vi: "tệp không phải UTF-8 hợp lệ (lưu lại tệp với mã hóa UTF-8)",
                                       en: "the file is not valid UTF-8 (save it as UTF-8)"))])
        }
        // Raw tabs are illegal inside JSON strings, so in a JSON file they are only indentation,
        // which the YAML scanner refuses; spaces mean the same to JSON.
        if file.lowercased().hasSuffix(".json") { text = text.replacingOccurrences(of: "\t", with: " ") }
        return try yaml(text, file: file)
    }

    /// Parses `text` with the YAML parser alone.
    static func yaml(_ text: String, file: String) throws -> Element {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError([Diagnostic(
                    location: SourceLocation(file: file, line: 1, column: 1), field: "",
                    message: LocalizedText(vi: "tệp rỗng", en: "the file is empty"))])
            }
            return Element(node: DocumentNode(node), path: "")
        } catch let error as YamlError {
            throw InputError([syntaxDiagnostic(error, file: file)])
        }
    }

    /// Reads and parses a file from disk.
    static func read(_ url: URL, displayName: String? = nil) throws -> Element {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError([Diagnostic(
                location: SourceLocation(file: name, line: 1, column: 1), field: "",
                message: LocalizedText(vi: "không đọc được tệp", en: "cannot read the file"))])
        }
        return try parse(data, file: name)
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        var line = 1
        var column = 1
        var problem = "\(error)"
        switch error {
        case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
            line = mark.line
            column = mark.column
            problem = p
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line
            column = context.mark.column
            problem = "duplicated keys: \(duplicates.joined(separator: ", "))"
        case .reader(let p, _, _, _):
            problem = p
        default:
            break
        }
        return Diagnostic(location: SourceLocation(file: file, line: line, column: column), field: "",
                          message: LocalizedText(vi: "lỗi cú pháp YAML/JSON: \(problem)",
                                                 en: "YAML/JSON syntax error: \(problem)"))
    }

    /// The line and column of the first byte that is not valid UTF-8.
    private static func invalidUTF8Position(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.count,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                  String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil else { return (line, column) }
            if b == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return (line, column)
    }
}
