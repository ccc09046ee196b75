import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order.
public struct FormData: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Parses `a=1&b=x+y`; names and values are percent-decoded (with `+` as a space) and put
    /// into NFC, so Vietnamese typed in any form compares equal to the criteria's text.
    public init(encoded text: Substring) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (FormData.decode(parts[0]), parts.count > 1 ? FormData.decode(parts[1]) : "")
        }
    }

    /// The first value of a field, if sent.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The fields as a dictionary, the first value of each name.
    public var dictionary: [String: String] {
        var out: [String: String] = [:]
        for field in fields where out[field.name] == nil { out[field.name] = field.value }
        return out
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).precomposedStringWithCanonicalMapping
    }

    /// Percent-encodes a value for a query string: everything but ASCII letters, digits and `-._~`.
    public static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.append(byte)
            default: out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func == (a: FormData, b: FormData) -> Bool {
        a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}
