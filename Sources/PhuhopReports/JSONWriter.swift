/// Writes JSON as UTF-8 bytes as it goes, compact or indented by two spaces; the one place JSON
/// text is made (`JSONValue` renders through it).
///
/// A decision's JSON is written straight into bytes rather than built as a tree first: building
/// and freeing hundreds of small objects and arrays was most of the scoring API's time.
public struct JSONWriter {
    /// The text written so far.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    // Whether the container being written has no element yet (no comma before the next one).
    private var empty = true

    /// A writer; `pretty` indents by two spaces and puts a space after each colon.
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: Values

    public mutating func null() {
        element()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func bool(_ value: Bool) {
        element()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func int(_ value: Int64) {
        element()
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    /// An integer, or null.
    public mutating func int(_ value: Int?) {
        if let value { int(Int64(value)) } else { null() }
    }

    /// A string, or null.
    public mutating func string(_ value: String?) {
        element()
        guard let value else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        escape(value)
    }

    /// An object whose members `body` writes with `key(_:)` and a value each.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        element()
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array whose items `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        element()
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    // MARK: Members of an object

    /// Starts an object member: the value written next belongs to `name`, a literal written as
    /// it is (keys are plain ASCII words, so they skip escaping).
    public mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        separateValue()
    }

    /// Starts an object member whose name is data (escaped).
    public mutating func key(escaping name: String) {
        element()
        escape(name)
        separateValue()
    }

    private mutating func separateValue() {
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        // The value follows the key on the same line, with no comma of its own.
        inMember = true
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(Int64(value))
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: StaticString, object body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    public mutating func field(_ name: StaticString, array body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    /// A member holding a JSON value built elsewhere.
    public mutating func field(_ name: StaticString, _ value: JSONValue) {
        key(name)
        value.write(into: &self)
    }

    // MARK: Layout

    // True between a key and its value: the value neither takes a comma nor a new line.
    private var inMember = false

    /// Writes what goes before an element: a comma after an earlier one, and in pretty
    /// output a new line indented to the depth.
    private mutating func element() {
        if inMember {
            inMember = false
            empty = false
            return
        }
        guard depth > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && !empty {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
        // The container just closed is an element of the one around it.
        empty = false
        bytes.append(bracket)
    }

    private mutating func escape(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        // Over the contiguous UTF-8 at once, in runs between the bytes that need escaping: most
        // texts have none, and a decision's JSON is mostly texts.
        s.withUTF8 { text in
            guard let base = text.baseAddress else { return }
            var start = 0
            var i = 0
            let count = text.count
            let raw = UnsafeRawPointer(base)
            while i < count {
                // Eight bytes at a time while none of them needs escaping (bit tricks on a word:
                // a byte below 0x20, or equal to a quote or a backslash, sets its high bit).
                if i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if !JSONWriter.needsEscape(word) {
                        i += 8
                        continue
                    }
                }
                let byte = base[i]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if i > start { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start)) }
                escape(byte)
                i += 1
                start = i
            }
            if count > start { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start)) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below 0x20, a quote or a backslash.
    private static func needsEscape(_ word: UInt64) -> Bool {
        let below = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        return (below | zeroInQuote | zeroInBackslash) & highs != 0
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
