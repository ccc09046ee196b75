import Foundation

/// Reads JSON text into document nodes, with the line and column of each, without the YAML parser.
///
/// The scoring API's payloads are JSON, and composing them with Yams was its largest cost. This
/// reader accepts strict JSON only; anything else (YAML flow style, comments, duplicate keys, a
/// syntax error, invalid UTF-8, and what libyaml reads otherwise than JSON does) makes it give up,
/// and the YAML parser, which reads JSON as YAML's flow style, reads the text instead and reports
/// its problems. A document therefore gets the same nodes, positions and messages whichever parser
/// reads it, but for two leniencies: a character beyond the first plane written as a surrogate pair
/// (`\ud83d\ude00`, as JSON writers do), which libyaml refuses, and tabs as whitespace anywhere,
/// which libyaml refuses in some places.
enum JSONDocument {
    /// Nesting deeper than this is left to the YAML parser, so recursion here stays shallow.
    static let depthLimit = 128

    /// The document's root, or nil when the text is not strict JSON with an object or array at its root.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentNode? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") || scanner.peek == UInt8(ascii: "[") else { return nil }
        guard let root = scanner.value(depth: 0) else { return nil }
        scanner.skipWhitespace()
        return scanner.atEnd && !scanner.unsupported ? root : nil
    }

    /// The text of UTF-8 bytes, or nil when they are not valid UTF-8.
    ///
    /// Decoding repairs what is invalid, so a text whose bytes come back unchanged was valid: the
    /// standard library's validating initialiser is generic over the encoding, and checking each
    /// of a payload's strings through it was a fifth of the parse.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if ascii { return text }
        let unchanged = text.utf8.withContiguousStorageIfAvailable { decoded in
            guard decoded.count == bytes.count, let a = decoded.baseAddress, let b = bytes.baseAddress else {
                return decoded.count == bytes.count
            }
            return memcmp(a, b, bytes.count) == 0
        } ?? text.utf8.elementsEqual(bytes)
        return unchanged ? text : nil
    }

    /// FNV-1a over the text's UTF-8: cheap, and collisions only cost a comparison.
    static func hash(_ text: String) -> UInt64 {
        func fnv<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        // Over the contiguous bytes when there are (a key just read always has them).
        return text.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(text.utf8)
    }

    /// Whether every byte of `word` is printable ASCII (0x20 to 0x7E) other than a quote or a
    /// backslash.
    ///
    /// Exact: once no byte has its high bit set, a borrow between bytes starts only below a byte
    /// that is itself caught, so no test says yes or no for the wrong reason.
    static func plainPrintable(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        guard word & highs == 0 else { return false }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        return !belowSpace && !hasZeroByte(word ^ (ones &* 0x7F)) && !hasZeroByte(word ^ (ones &* 0x22))
            && !hasZeroByte(word ^ (ones &* 0x5C))
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0
        var line = 1
        var lineStart = 0
        // Columns count characters, as the YAML parser's do; they are counted forward from the last
        // position asked for, so a long single-line document is walked once.
        var countedTo = 0
        var countedColumn = 1

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Set when the whitespace holds what libyaml reads otherwise (a carriage return alone),
        /// so the whole document goes to the YAML parser.
        var unsupported = false

        var atEnd: Bool { offset >= bytes.count }
        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"): offset += 1
                case UInt8(ascii: "\r"):
                    // A carriage return alone is a line break to libyaml; only CRLF is read here.
                    guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\n") else {
                        unsupported = true
                        return
                    }
                    offset += 1
                case UInt8(ascii: "\n"):
                    offset += 1
                    line += 1
                    lineStart = offset
                default: return
                }
            }
        }

        /// The 1-based column of the current offset.
        mutating func column() -> Int {
            if countedTo < lineStart {
                countedTo = lineStart
                countedColumn = 1
            }
            // Eight bytes at a time where there are: a UTF-8 continuation byte has its top bit set
            // and the next one clear, and every other byte starts a character.
            if let base = bytes.baseAddress {
                let words = UnsafeRawPointer(base)
                while countedTo + 8 <= offset {
                    let word = words.loadUnaligned(fromByteOffset: countedTo, as: UInt64.self)
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    countedColumn += 8 - continuations.nonzeroBitCount
                    countedTo += 8
                }
            }
            while countedTo < offset {
                if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
                countedTo += 1
            }
            return countedColumn
        }

        mutating func value(depth: Int) -> DocumentNode? {
            guard depth < JSONDocument.depthLimit, let first = peek else { return nil }
            let line = line
            let column = column()
            switch first {
            case UInt8(ascii: "{"): return mapping(depth: depth, line: line, column: column)
            case UInt8(ascii: "["): return sequence(depth: depth, line: line, column: column)
            case UInt8(ascii: "\""): return string().map { DocumentNode(.scalar($0, plain: false), line: line, column: column) }
            default: return plain().map { DocumentNode(.scalar($0, plain: true), line: line, column: column) }
            }
        }

        mutating func mapping(depth: Int, line: Int, column: Int) -> DocumentNode? {
            offset += 1
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                offset += 1
                return DocumentNode(.mapping(pairs), line: line, column: column)
            }
            // A duplicate key is looked for among a hash of each key so far, and the texts are
            // compared only when two hashes agree: a unit's facts are a mapping of dozens of keys,
            // and hashing them into a set, or comparing the texts, was a tenth of the parse.
            var hashes: [UInt64] = []
            // Room for a small mapping's keys at once: growing both arrays from empty, one
            // allocation per doubling, was a sixth of the parse.
            hashes.reserveCapacity(8)
            pairs.reserveCapacity(8)
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { return nil }
                let keyLine = self.line
                let keyColumn = self.column()
                let keyStart = offset
                guard let key = string() else { return nil }
                let hash = JSONDocument.hash(key)
                for (n, earlier) in hashes.enumerated() where earlier == hash && pairs[n].key.scalarText == key {
                    return nil
                }
                hashes.append(hash)
                skipWhitespace()
                // libyaml reads a key only when its colon is on the same line and it is shorter
                // than 1024 characters (bytes here, which is stricter).
                guard peek == UInt8(ascii: ":"), self.line == keyLine, offset - keyStart < 1000 else { return nil }
                offset += 1
                skipWhitespace()
                guard let value = value(depth: depth + 1) else { return nil }
                pairs.append((key: DocumentNode(.scalar(key, plain: false), line: keyLine, column: keyColumn), value: value))
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "}"):
                    offset += 1
                    return DocumentNode(.mapping(pairs), line: line, column: column)
                default: return nil
                }
            }
        }

        mutating func sequence(depth: Int, line: Int, column: Int) -> DocumentNode? {
            offset += 1
            var items: [DocumentNode] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                offset += 1
                return DocumentNode(.sequence(items), line: line, column: column)
            }
            while true {
                skipWhitespace()
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "]"):
                    offset += 1
                    return DocumentNode(.sequence(items), line: line, column: column)
                default: return nil
                }
            }
        }

        /// `true`, `false`, `null` or a number, as its text.
        mutating func plain() -> String? {
            let start = offset
            for word: StaticString in ["true", "false", "null"] where matches(word) {
                offset += word.utf8CodeUnitCount
                return word.description
            }
            func digits() -> Bool {
                let from = offset
                while let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { offset += 1 }
                return offset > from
            }
            if peek == UInt8(ascii: "-") { offset += 1 }
            if peek == UInt8(ascii: "0") {
                offset += 1
            } else if !digits() {
                return nil
            }
            if peek == UInt8(ascii: ".") {
                offset += 1
                guard digits() else { return nil }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                offset += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
                guard digits() else { return nil }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        }

        /// Whether the text at the offset starts with `word`.
        func matches(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard offset + length <= bytes.count else { return false }
            for k in 0..<length where bytes[offset + k] != word.utf8Start[k] { return false }
            return true
        }

        /// A quoted string's text; nil for a raw control character, a bad escape or invalid UTF-8.
        mutating func string() -> String? {
            offset += 1
            let start = offset
            var ascii = true
            let words = bytes.baseAddress.map(UnsafeRawPointer.init)
            scan: while offset < bytes.count {
                // Eight bytes at a time while they are plain printable ASCII without a quote or a
                // backslash, as a payload's keys are; otherwise those eight one by one.
                if let words, offset + 8 <= bytes.count,
                   JSONDocument.plainPrintable(words.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                    offset += 8
                    continue
                }
                let end = min(offset + 8, bytes.count)
                while offset < end {
                    let b = bytes[offset]
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break scan }
                    guard b >= 0x20, b < 0x7F || acceptable(at: offset) else { return nil }
                    if b >= 0x80 { ascii = false }
                    offset += 1
                }
            }
            guard let stop = peek else { return nil }
            if stop == UInt8(ascii: "\"") {
                defer { offset += 1 }
                return JSONDocument.text(UnsafeBufferPointer(rebasing: bytes[start..<offset]), ascii: ascii)
            }
            var text = Array(bytes[start..<offset])
            while let b = peek {
                offset += 1
                switch b {
                case UInt8(ascii: "\""): return text.withUnsafeBufferPointer { JSONDocument.text($0, ascii: false) }
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { return nil }
                    offset += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        text.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0..<0x20: return nil
                default:
                    guard b < 0x7F || acceptable(at: offset - 1) else { return nil }
                    text.append(b)
                }
            }
            return nil
        }

        /// Whether the byte at `index` (0x7F or above) may stand in a quoted scalar as libyaml reads
        /// it: not DEL, a C1 control (NEL among them), U+FFFE or U+FFFF, which libyaml refuses, not
        /// the line and paragraph separators, which it reads as line breaks, and not a byte-order
        /// mark, which it treats apart.
        func acceptable(at index: Int) -> Bool {
            let b = bytes[index]
            guard b != 0x7F else { return false }
            func next(_ k: Int) -> UInt8? { index + k < bytes.count ? bytes[index + k] : nil }
            switch b {
            case 0xC2: return !(0x80...0x9F).contains(next(1) ?? 0)
            case 0xE2: return !(next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9))
            case 0xEF: return !(next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF)) && !(next(1) == 0xBB && next(2) == 0xBF)
            default: return true
            }
        }

        /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
            guard bytes[offset...].starts(with: "\\u".utf8) else { return nil }
            offset += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }

        mutating func hex4() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[offset]
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                offset += 1
            }
            return value
        }
    }
}
