import HTTPTypes
import Hummingbird

/// Cookies read from a request's `Cookie` headers by name, without parsing the others.
///
/// Every request looks up its session (and its language) this way. Hummingbird's
/// `Request.cookies` splits every cookie by `Character` on each read, which was a twentieth of
/// the scoring API's time; this reads the bytes, with the same result: cookies are separated
/// by `;`, leading spaces are dropped, the name ends at the first `=`, and the value follows
/// the `=` signs after it (a cookie without a value is no cookie). The first cookie of the name
/// decides, across all the headers. A header with other than ASCII in it is left to Hummingbird.
enum CookieHeader {
    /// The value of the first cookie called `name`, or nil.
    static func value(_ name: String, in headers: HTTPFields) -> String? {
        let values = headers[values: .cookie]
        guard values.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return Cookies(from: values)[name]?.value
        }
        var wanted = name
        return wanted.withUTF8 { wanted in
            for var header in values {
                let found = header.withUTF8 { lookUp(wanted, in: $0) }
                if case .found(let value) = found { return value }
            }
            return nil
        }
    }

    private enum LookUp {
        case absent
        /// The first cookie of the name: its value, or nil when it has none.
        case found(String?)
    }

    private static func lookUp(_ name: UnsafeBufferPointer<UInt8>, in header: UnsafeBufferPointer<UInt8>) -> LookUp {
        var start = 0
        while start < header.count {
            let end = header[start...].firstIndex(of: UInt8(ascii: ";")) ?? header.count
            var first = start
            while first < end, isSpace(header[first]) { first += 1 }
            if let equals = header[first..<end].firstIndex(of: UInt8(ascii: "=")),
               header[first..<equals].elementsEqual(name) {
                return .found(value(header, first, end))
            }
            start = end + 1
        }
        return .absent
    }

    /// The value of the cookie in `header[first..<end]`, read as Hummingbird's `Cookie` does: `=`
    /// signs before the name are skipped, the name runs to the next `=`, and the value starts
    /// after the `=` signs that follow it.
    private static func value(_ header: UnsafeBufferPointer<UInt8>, _ first: Int, _ end: Int) -> String? {
        let equals = UInt8(ascii: "=")
        var i = first
        while i < end, header[i] == equals { i += 1 }
        while i < end, header[i] != equals { i += 1 }
        while i < end, header[i] == equals { i += 1 }
        guard i < end else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: header[i..<end]), as: UTF8.self)
    }

    /// ASCII's white space, as `Character.isWhitespace` has it.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }
}
