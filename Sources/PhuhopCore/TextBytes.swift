/// A text put together as UTF-8 bytes and made a `String` once.
///
/// Appending to a `String` checks and copies on every piece (a third of a reason's cost went to
/// `String.append`), and a decision's reasons, measures and band ranges are hundreds of pieces.
struct TextBytes: TextSink {
    private var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    @_disfavoredOverload mutating func write(_ piece: String) {
        // Read in place: a copy of the string (as `withUTF8` needs) costs a retain and a release
        // on every piece.
        if piece.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: piece.utf8)
        }
    }

    mutating func write(_ piece: StaticString) {
        piece.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits = 1
        var probe = number.magnitude / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        // Room for the digits, then filled from the last one backwards.
        var end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var rest = number.magnitude
        repeat {
            end -= 1
            bytes[end] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// The text `body` writes.
    static func text(capacity: Int, _ body: (inout TextBytes) -> Void) -> String {
        var text = TextBytes(capacity: capacity)
        body(&text)
        return text.text
    }
}
