import HTTPTypes

/// Cookies read from a request's `Cookie` headers by name, without parsing the others.
///
/// Every request looks up its session (and its language) this way. Hummingbird's
/// `Request.cookies` splits every cookie by `Character` on each read, which was a twentieth of
/// the scoring API's time; this reads the bytes. The rules are Hummingbird's: cookies are
/// separated by `;`, leading spaces are dropped, the name ends at the first `=` and the value is
/// the rest, as it is.
enum CookieHeader {
    /// The value of the first cookie called `name`, or nil.
    static func value(_ name: String, in headers: HTTPFields) -> String? {
        var wanted = name
        return wanted.withUTF8 { wanted in
            for field in headers where field.name == .cookie {
                var header = field.value
                if let found = header.withUTF8({ value(wanted, in: $0) }) { return found }
            }
            return nil
        }
    }

    private static func value(_ name: UnsafeBufferPointer<UInt8>, in header: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        while start <= header.count {
            let end = header[start...].firstIndex(of: UInt8(ascii: ";")) ?? header.count
            var first = start
            while first < end, isSpace(header[first]) { first += 1 }
            if let equals = header[first..<end].firstIndex(of: UInt8(ascii: "=")),
               equals - first == name.count, header[first..<equals].elementsEqual(name) {
                return String(decoding: UnsafeBufferPointer(rebasing: header[(equals + 1)..<end]), as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }
}
