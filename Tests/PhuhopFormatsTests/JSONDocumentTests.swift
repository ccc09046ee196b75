import Foundation
import Testing
@testable import PhuhopFormats

/// `JSONDocument` must give the tree the YAML parser gives for the same JSON (same texts, same
/// plain/quoted scalars, same lines and columns), and leave anything else to the YAML parser.
struct JSONDocumentTests {
    /// The tree as text: every node with its position and kind, so two trees compare as strings.
    private func dump(_ node: DocumentNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.content {
        case .scalar(let text, let plain): return "\(plain ? "plain" : "quoted")(\(text.debugDescription))\(place)"
        case .sequence(let items): return "[\(items.map(dump).joined(separator: ", "))]\(place)"
        case .mapping(let pairs): return "{\(pairs.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: ", "))}\(place)"
        case .alias: return "alias\(place)"
        }
    }

    private func fast(_ text: String) -> DocumentNode? {
        Array(text.utf8).withUnsafeBufferPointer { JSONDocument.parse($0) }
    }

    @Test(arguments: [
        #"{"standard": "qd06-2019", "facts": {"children.total": 1450, "c01.x": true, "c02.y": null}}"#,
        "{\n  \"unit\": {\n    \"name\": \"Xã Đắk Rơ Ông\",\n    \"id\": \"62\"\n  },\n  \"n\": [1, -2, 3.5, 1e5, 0, -0.25E-3]\n}\n",
        #"{"tên": "Phường Đống Đa", "sau": {"ghi chú": "được"}, "x": [[], {}, [{"a": false}]]}"#,
        #"{"escapes": "a\"b\\c\/d\n\t\u00e9\u1ea1", "empty": ""}"#,
        "[\n\"một\",\n  \"hai\" ,\n    {\"ba\":\n 3}\n]",
        #"{"null text": "null", "tilde": "~", "number text": "12"}"#,
        "{\r\n  \"crlf\": [1,\r\n 2],\r\n  \"b\": \"Đống\"\r\n}\r\n",
        "{\"nbsp and more\": \"a\u{A0}b \u{2030} \u{FFFD}\"}",
        // Columns counted eight bytes at a time across letters of two, three and four bytes.
        #"{"Ếếểễệ Đường ươờ": "ẾếỂểỄễ Ệệ 😀 Đường Đống Đa, Thừa Thiên Huế", "bbbbbbbbbbbbbbbbbbbbbbb": ["ươờ", "ầẩẫậ", 7], "c": {"đ": 1}}"#,
        // Strings read eight bytes at a time, with escapes and letters at every offset of a word.
        #"{"abcdefghijklmnopq": "abcdefgh\"ijklmnop\\qrstuvw\/xyz 0123456789~ {}[]", "k": "1234567é12345678Đ1234567\u0041"}"#,
    ])
    func givesTheTreeTheYAMLParserGives(_ json: String) throws {
        let expected = try Document.yaml(json, file: "t.json").node
        let found = try #require(fast(json))
        #expect(dump(found) == dump(expected))
    }

    @Test(arguments: [
        "{a: 1}",                              // YAML flow style
        #"{"a": 1, "a": 2}"#,                  // duplicate keys
        #"{"a": 1} # comment"#,                // a comment
        #"{"a": 1,}"#,                         // trailing comma
        #"{"a": 01}"#,                         // leading zero
        #"{"a": "\x"}"#,                       // unknown escape
        #"{"a": "\ud800"}"#,                   // lone surrogate
        "{\"a\": \"line\nbreak\"}",            // raw control character in a string
        #"{"a": 1} {"b": 2}"#,                 // two documents
        "a: 1",                                // not JSON at all
        #""just a string""#,                   // a scalar root
        String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        // Characters libyaml refuses in a scalar, or reads as line breaks inside one.
        "{\"a\": \"del \u{7F}\"}",
        "{\"a\": \"c1 \u{80}\"}",
        "{\"a\": \"nel \u{85}\"}",
        "{\"a\": \"ls \u{2028}\"}",
        "{\"a\": \"ps \u{2029}\"}",
        "{\"a\": \"not a character \u{FFFF}\"}",
        "{\"a\": \"byte-order mark \u{FEFF}\"}",
        // A key libyaml cannot read: its colon on the next line, or too long.
        "{\"a\"\n: 1}",
        "{\"" + String(repeating: "k", count: 1100) + "\": 1}",
        // A carriage return alone is a line break to libyaml.
        "{\"a\": 1,\r\"b\": 2}",
    ])
    func leavesAnythingElseToTheYAMLParser(_ text: String) {
        #expect(fast(text) == nil)
    }

    /// A word passes as plain only when each of its bytes is printable ASCII other than a quote
    /// or a backslash, whatever byte stands where.
    @Test func aWordIsPlainOnlyWhenEachByteIs() {
        for position in 0..<8 {
            for byte in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[position] = UInt8(byte)
                let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let plain = (0x20...0x7E).contains(byte) && byte != 0x22 && byte != 0x5C
                #expect(JSONDocument.plainPrintable(value) == plain, "byte \(byte) at \(position)")
            }
        }
        // Two bytes that need reading one by one next to each other, where a borrow could hide one.
        for pair: [UInt8] in [[0x00, 0x22], [0x1F, 0x5C], [0x22, 0x00], [0x7F, 0x80], [0x5C, 0x1F]] {
            var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
            word.replaceSubrange(3..<5, with: pair)
            #expect(!JSONDocument.plainPrintable(word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        }
    }

    /// JSON writes characters beyond the first plane as a surrogate pair, which libyaml refuses;
    /// a program's `json.dumps` (ASCII by default) writes them so.
    @Test func readsASurrogatePairAsOneCharacter() throws {
        let node = try #require(fast(#"{"a": "\ud83d\ude00 ok"}"#))
        #expect(node["a"]?.scalarText == "😀 ok")
    }

    @Test func invalidUTF8InsideAStringIsLeftToTheYAMLParser() {
        let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(bytes.withUnsafeBufferPointer { JSONDocument.parse($0) } == nil)
    }

    @Test func errorsInJSONAreReportedByTheYAMLParserWithLineAndColumn() throws {
        let text = "{\n  \"standard\": \"qd06-2019\",\n  \"unit\": {\"id\": \"x\",, }\n}"
        let error = try #require(throws: InputError.self) { try Document.parse(Data(text.utf8), file: "bad.json") }
        let problem = try #require(error.diagnostics.first)
        #expect(problem.location.line == 3)
        #expect(problem.message(.en).hasPrefix("YAML/JSON syntax error"))
    }

    @Test func findsADuplicateKeyInALongMapping() {
        // Long mappings keep their keys in a set from the 17th on: a duplicate is found on either side.
        let keys = (0..<20).map { "\"k\($0)\": \($0)" }
        #expect(fast("{" + keys.joined(separator: ", ") + "}") != nil)
        #expect(fast("{" + (keys + ["\"k3\": 0"]).joined(separator: ", ") + "}") == nil)
        #expect(fast("{" + (keys.prefix(5) + ["\"k3\": 0"]).joined(separator: ", ") + "}") == nil)
    }

    @Test func duplicateKeysAreStillRefused() throws {
        let error = try #require(throws: InputError.self) {
            try Document.parse(Data(#"{"a": 1, "a": 2}"#.utf8), file: "dup.json")
        }
        #expect(error.diagnostics.first?.message(.en).contains("duplicated keys: a") == true)
    }
}
