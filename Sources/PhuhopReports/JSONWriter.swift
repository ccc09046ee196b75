import PhuhopCore

/// Writes JSON as UTF-8 bytes as it goes, compact or indented by two spaces; the one place JSON
/// text is made (`JSONValue` renders through it).
///
/// A decision's JSON is written straight into bytes rather than built as a tree first: building
/// and freeing hundreds of small objects and arrays was most of the scoring API's time. The bytes
/// go into a buffer of its own, or one it is lent (a response's), rather than an array, whose
/// checks on every append were a third of what was left; the writer cannot be copied, so the
/// buffer has one owner.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    // Whether the container being written has no element yet (no comma before the next one).
    private var empty = true

    // False while the bytes go into memory the writer was lent (`init(pretty:into:)`).
    private var owned = true

    /// A writer; `pretty` indents by two spaces and puts a space after each colon.
    public init(pretty: Bool, capacity: Int = 16_384) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// A writer into `region`, memory it is lent (the buffer a response is sent from), so the
    /// text is not copied there afterwards. Text that outgrows the region moves into room of the
    /// writer's own: `isInRegion` tells which.
    public init(pretty: Bool, into region: UnsafeMutableRawBufferPointer) {
        self.pretty = pretty
        if let start = region.baseAddress, region.count >= 64 {
            base = start.bindMemory(to: UInt8.self, capacity: region.count)
            capacity = region.count
            owned = false
        } else {
            capacity = 64
            base = .allocate(capacity: capacity)
        }
    }

    deinit {
        if owned { base.deallocate() }
    }

    /// The number of bytes written.
    public var count: Int { used }

    /// Whether the text is all in the region given to `init(pretty:into:)`.
    public var isInRegion: Bool { !owned }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: used)) }

    /// Calls `body` with the text written so far, without copying it.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: used))
    }

    // MARK: Values

    /// `null`.
    public mutating func null() {
        element()
        append("null")
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        element()
        if value { append("true") } else { append("false") }
    }

    /// A whole number, its digits written straight into the buffer.
    public mutating func int(_ value: Int64) {
        element()
        digits(value)
    }

    private mutating func digits(_ value: Int64) {
        // A sign and room for 20 digits (an Int64 has at most 19).
        reserve(21)
        if value < 0 {
            base[used] = UInt8(ascii: "-")
            used += 1
        }
        // The digits backwards from the end of the room, then moved into place.
        var rest = value.magnitude
        var end = 20
        let digits = base + used
        repeat {
            end -= 1
            digits[end] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        let length = 20 - end
        if end > 0 { digits.update(from: digits + end, count: length) }
        used += length
    }

    /// A whole number.
    public mutating func int(_ value: Int) { int(Int64(value)) }

    /// An integer, or null.
    public mutating func int(_ value: Int?) {
        if let value { int(Int64(value)) } else { null() }
    }

    /// A string, or null.
    public mutating func string(_ value: String?) {
        element()
        guard let value else {
            append("null")
            return
        }
        escape(value)
    }

    /// A text escaped and quoted before (see `JSONText`), copied as it is.
    public mutating func string(_ text: JSONText) {
        element()
        append(text.bytes)
    }

    /// A string whose text `body` writes piece by piece, as a `TextSink` (a reason, a measure):
    /// each piece is escaped as it comes, and the text is never made a `String` of its own.
    public mutating func text(_ body: (inout JSONWriter) -> Void) {
        element()
        append(UInt8(ascii: "\""))
        inText = true
        body(&self)
        inText = false
        append(UInt8(ascii: "\""))
    }

    /// A value rendered before: its compact text is copied as it is, and in indented output,
    /// where the indent depends on where it stands, the value is written again.
    public mutating func rendered(_ value: RenderedJSON) {
        guard !pretty else {
            value.value.write(into: &self)
            return
        }
        element()
        append(value.compact)
    }

    /// Members rendered before, written into the object being written.
    ///
    /// In compact output their text is copied as it is (after a comma when members precede
    /// them); in indented output, where the indent depends on the depth, they are written again.
    public mutating func members(_ rendered: RenderedMembers) {
        assert(depth > 0 && !inMember, "members outside an object")
        guard !pretty else {
            for member in rendered.members {
                key(escaping: member.key)
                member.value.write(into: &self)
            }
            return
        }
        guard !rendered.compact.isEmpty else { return }
        if !empty { append(UInt8(ascii: ",")) }
        append(rendered.compact)
        empty = false
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
        guard !pretty, name.hasPointerRepresentation, depth > 0 else {
            element()
            append(UInt8(ascii: "\""))
            append(name)
            append(UInt8(ascii: "\""))
            separateValue()
            return
        }
        // Compact (what the API sends): the comma, the quotes, the name and the colon with one
        // check for room, in locals rather than stored fields between byte stores. Keys are a
        // fifth of what is written.
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        var at = used
        let out = base
        if !empty {
            out[at] = UInt8(ascii: ",")
            at += 1
        }
        out[at] = UInt8(ascii: "\"")
        JSONWriter.copy(name.utf8Start, to: out + at + 1, length)
        out[at + 1 + length] = UInt8(ascii: "\"")
        out[at + 2 + length] = UInt8(ascii: ":")
        used = at + length + 3
        empty = false
        // The value follows the key on the same line, with no comma of its own.
        inMember = true
    }

    /// Starts an object member whose name is data (escaped).
    public mutating func key(escaping name: String) {
        element()
        escape(name)
        separateValue()
    }

    @inline(__always)
    private mutating func separateValue() {
        append(UInt8(ascii: ":"))
        if pretty { append(UInt8(ascii: " ")) }
        // The value follows the key on the same line, with no comma of its own.
        inMember = true
    }

    /// A member holding a string, or null.
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// A member holding a code of this program's own (an enum's raw value, such as `bandMatched`):
    /// letters, digits and dashes, which need no escaping (checked in debug builds). A decision
    /// has one or two per reason and indicator.
    public mutating func field(_ name: StaticString, code: String) {
        key(name)
        element()
        var text = code
        text.withUTF8 { bytes in
            assert(bytes.allSatisfy { $0 < 0x80 && !JSONWriter.needsEscape($0) }, "a code that needs escaping: \(code)")
            append(UInt8(ascii: "\""))
            if let start = bytes.baseAddress { append(start, bytes.count) }
            append(UInt8(ascii: "\""))
        }
    }

    /// A member holding a text escaped before, or null.
    public mutating func field(_ name: StaticString, _ text: JSONText?) {
        key(name)
        if let text { string(text) } else { null() }
    }

    /// A member holding a whole number.
    public mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        int(value)
    }

    /// A member holding a whole number.
    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(Int64(value))
    }

    /// A member holding a whole number, or null.
    public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    /// A member holding `true` or `false`.
    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member holding a string whose text `body` writes (see `text(_:)`).
    public mutating func field(_ name: StaticString, text body: (inout JSONWriter) -> Void) {
        key(name)
        text(body)
    }

    /// A member holding an object whose members `body` writes.
    public mutating func field(_ name: StaticString, object body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    /// A member holding an array whose items `body` writes.
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
    // True inside `text(_:)`, the only place where the writer is a `TextSink`.
    private var inText = false

    /// Writes what goes before an element: a comma after an earlier one, and in pretty
    /// output a new line indented to the depth.
    @inline(__always)
    private mutating func element() {
        if inMember {
            inMember = false
            empty = false
            return
        }
        guard depth > 0 else { return }
        if !empty { append(UInt8(ascii: ",")) }
        empty = false
        if pretty {
            newLine()
        }
    }

    private mutating func open(_ bracket: UInt8) {
        append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && !empty {
            newLine()
        }
        // The container just closed is an element of the one around it.
        empty = false
        append(bracket)
    }

    // MARK: The buffer

    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if used + more > capacity { grow(more) }
    }

    // Kept out of line: every append checks for room, and inlined growth made each caller large.
    @inline(never)
    private mutating func grow(_ more: Int) {
        var grown = capacity * 2
        while grown < used + more { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: used)
        if owned { base.deallocate() }
        base = larger
        capacity = grown
        owned = true
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        JSONWriter.copy(start, to: base + used, length)
        used += length
    }

    /// Copies `length` bytes; up to 32 with two or four word moves that may overlap, rather than
    /// a call to `memcpy`, whose cost is in the call for the short keys and texts a document is
    /// made of.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, _ length: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        switch length {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        case 17...32:
            let a = from.loadUnaligned(as: UInt64.self)
            let b = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = from.loadUnaligned(fromByteOffset: length - 16, as: UInt64.self)
            let d = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: a, as: UInt64.self)
            to.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            to.storeBytes(of: c, toByteOffset: length - 16, as: UInt64.self)
            to.storeBytes(of: d, toByteOffset: length - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        case 0..<4:
            var k = 0
            while k < length {
                target[k] = source[k]
                k += 1
            }
        default:
            target.initialize(from: source, count: length)
        }
    }

    /// Bytes written before (an escaped text, a rendered value), copied as they are.
    private mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { written in
            if let start = written.baseAddress { append(start, written.count) }
        }
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer in
            if let start = buffer.baseAddress { append(start, buffer.count) }
        }
    }

    private mutating func newLine() {
        reserve(1 + depth * 2)
        base[used] = UInt8(ascii: "\n")
        (base + used + 1).initialize(repeating: UInt8(ascii: " "), count: depth * 2)
        used += 1 + depth * 2
    }

    private mutating func escape(_ s: String) {
        append(UInt8(ascii: "\""))
        escapeContent(s)
        append(UInt8(ascii: "\""))
    }

    private mutating func escapeContent(_ s: String) {
        // Over the contiguous UTF-8 at once, in runs between the bytes that need escaping: most
        // texts have none, and a decision's JSON is mostly texts. Read in place (a copy of the
        // string, as `withUTF8` needs, costs a retain on text shared by every request).
        if s.utf8.withContiguousStorageIfAvailable({ escapeRuns($0) }) == nil {
            var copy = s
            copy.withUTF8 { escapeRuns($0) }
        }
    }

    private mutating func escapeRuns(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress else { return }
        let length = text.count
        let words = UnsafeRawPointer(source)
        var start = 0
        var i = 0
        while i < length {
            // Eight bytes at a time while none of them needs escaping (bit tricks on a word:
            // a byte below 0x20, or equal to a quote or a backslash, sets its high bit).
            if i + 8 <= length {
                if !JSONWriter.needsEscape(words.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
            } else if length >= 8 && !JSONWriter.needsEscape(words.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)) {
                // The last (overlapping) word is clean, so is every byte left.
                i = length
                continue
            }
            let byte = source[i]
            if !JSONWriter.needsEscape(byte) {
                i += 1
                continue
            }
            if i > start { append(source + start, i - start) }
            escape(byte)
            i += 1
            start = i
        }
        if length > start { append(source + start, length - start) }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `byte` must be escaped in a JSON string: below 0x20, a quote or a backslash.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any byte of `word` is below 0x20, a quote or a backslash.
    @inline(__always)
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
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            let hex = Array("0123456789abcdef".utf8)
            append("\\u00")
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0xF)])
        }
    }
}

/// Inside `JSONWriter.text(_:)`: the pieces of a string, escaped as they come.
extension JSONWriter: TextSink {
    @_disfavoredOverload public mutating func write(_ piece: String) {
        assert(inText, "a piece of text outside JSONWriter.text(_:)")
        escapeContent(piece)
    }

    /// Copied as it is: a literal of the wording has nothing to escape (checked in debug builds).
    public mutating func write(_ piece: StaticString) {
        assert(inText, "a piece of text outside JSONWriter.text(_:)")
        piece.withUTF8Buffer { literal in
            assert(!literal.contains(where: JSONWriter.needsEscape),
                   "a literal that needs escaping: \(piece)")
            if let start = literal.baseAddress { append(start, literal.count) }
        }
    }

    public mutating func write(_ number: Int) {
        write(Int64(number))
    }

    /// A whole number's digits inside `text(_:)`, such as a fraction's numerator.
    public mutating func write(_ number: Int64) {
        assert(inText, "a piece of text outside JSONWriter.text(_:)")
        digits(number)
    }
}

/// A text escaped and quoted for JSON once, then copied wherever it is written (a band's range,
/// which the decisions under a standard repeat).
public struct JSONText: Sendable {
    /// The quoted, escaped UTF-8 text.
    let bytes: [UInt8]

    /// Escapes `text` once.
    public init(_ text: String) {
        var writer = JSONWriter(pretty: false, capacity: text.utf8.count + 2)
        writer.string(text)
        bytes = writer.bytes
    }

    /// Escapes `text` once, or nil.
    public init?(_ text: String?) {
        guard let text else { return nil }
        self.init(text)
    }
}
