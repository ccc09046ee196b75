import Foundation

/// Reads a CSV file record by record without holding the file in memory.
///
/// Handles what spreadsheet software writes: a UTF-8 byte-order mark, CRLF line ends, comma
/// or semicolon separators (decided from the header line), quoted fields with doubled quotes
/// and line breaks inside quotes.
public struct CSVRecords {
    /// One record: its fields and the line it starts on (1-based).
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
        /// The record's text as read, for a rejects file.
        public var raw: String
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var nextLine = 1
    private var firstRecord = true
    /// The separator, known once the header is read.
    public private(set) var separator: UInt8 = UInt8(ascii: ",")

    /// Opens a file for reading.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError.unreadable
        }
        self.handle = handle
    }

    /// The next record, nil at the end; throws `CSVError.invalidUTF8(line)` for bytes that are not UTF-8.
    public mutating func next() throws -> Record? {
        guard let (bytes, line) = nextRecordBytes() else { return nil }
        var body = bytes[...]
        if firstRecord {
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            separator = CSVRecords.detectSeparator(body)
            firstRecord = false
        }
        while body.last == UInt8(ascii: "\r") || body.last == UInt8(ascii: "\n") { body = body.dropLast() }
        guard let raw = String(validating: body, as: UTF8.self) else { throw CSVError.invalidUTF8(line: line) }
        return Record(line: line, fields: CSVRecords.split(body, separator: separator), raw: raw)
    }

    /// The bytes of the next record (up to a line break outside quotes) and its first line.
    private mutating func nextRecordBytes() -> ([UInt8], Int)? {
        var quoted = false
        // A quote opens a quoted cell only at the start of a cell, as `split` reads it; a stray
        // quote inside a cell is an ordinary character and must not swallow the lines after it.
        var atCellStart = true
        let separators: [UInt8] = firstRecord ? [UInt8(ascii: ","), UInt8(ascii: ";")] : [separator]
        var start = position
        var scanned = position
        let line = nextLine
        while true {
            if scanned >= buffer.count {
                if atEnd {
                    guard start < buffer.count else { return nil }
                    let record = Array(buffer[start...])
                    position = buffer.count
                    return (record, line)
                }
                // Keep the unfinished record, drop what was consumed, read more.
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
                position = 0
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
                continue
            }
            let byte = buffer[scanned]
            if byte == UInt8(ascii: "\"") && (quoted || atCellStart) {
                quoted.toggle()
                atCellStart = false
            } else if !quoted && separators.contains(byte) {
                atCellStart = true
            } else if byte == UInt8(ascii: "\n") {
                nextLine += 1
                if !quoted {
                    let record = Array(buffer[start...scanned])
                    position = scanned + 1
                    return (record, line)
                }
            } else {
                atCellStart = false
            }
            scanned += 1
        }
    }

    /// Semicolon when the header has more semicolons than commas outside quotes (as spreadsheet
    /// software writes CSV where the comma is the decimal separator), comma otherwise.
    static func detectSeparator(_ header: ArraySlice<UInt8>) -> UInt8 {
        var quoted = false
        var commas = 0
        var semicolons = 0
        for byte in header {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            default: break
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Splits one record into fields, unquoting quoted ones.
    static func split(_ bytes: ArraySlice<UInt8>, separator: UInt8) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = bytes.startIndex
        var fieldStart = index
        var simple = true
        while index < bytes.endIndex {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = bytes.index(after: index)
                    if next < bytes.endIndex && bytes[next] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == separator {
                fields.append(simple ? String(decoding: bytes[fieldStart..<index], as: UTF8.self)
                                     : String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                simple = true
                fieldStart = bytes.index(after: index)
            } else if byte == UInt8(ascii: "\"") && index == fieldStart {
                quoted = true
                simple = false
            } else if !simple {
                field.append(byte)
            }
            index = bytes.index(after: index)
        }
        fields.append(simple ? String(decoding: bytes[fieldStart..<bytes.endIndex], as: UTF8.self)
                             : String(decoding: field, as: UTF8.self))
        return fields
    }
}

/// Why a CSV file could not be read.
public enum CSVError: Error, Equatable, Sendable {
    case unreadable
    case invalidUTF8(line: Int)
}
