import Foundation
import PhuhopReports
import Testing

/// `JSONWriter` is the one JSON renderer: its escaping must give back every string, and its two
/// layouts must hold the same value.
@Suite struct JSONWriterTests {
    /// Strings with the characters JSON must escape at every offset of an 8-byte word, so the
    /// word-at-a-time scan is checked where a special byte starts, ends or straddles a word.
    private static let hostile: [String] = {
        var texts = ["", "\"", "\\", "\n\r\t", "\u{01}\u{1F}", "Xã Đắk Rơ Ông “trích dẫn” — 98,3%", "😀 and \u{7F}"]
        for offset in 0..<17 {
            for special in ["\"", "\\", "\u{0}", "\n", "\u{1F}"] {
                texts.append(String(repeating: "a", count: offset) + special + String(repeating: "ế", count: 9 - offset % 5))
            }
        }
        return texts
    }()

    @Test func everyStringReadsBackAsWritten() throws {
        for pretty in [false, true] {
            let value = JSONValue.array(Self.hostile.map { .string($0) })
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.bytes(pretty: pretty))) as? [String])
            #expect(parsed == Self.hostile)
        }
    }

    @Test func keysWrittenFromDataAreEscaped() throws {
        let value = JSONValue.object(Self.hostile.enumerated().map { ("\($0.offset)\($0.element)", .int(Int64($0.offset))) })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.bytes(pretty: false))) as? [String: Int])
        #expect(parsed.count == Self.hostile.count)
        #expect(parsed["6😀 and \u{7F}"] == 6)
    }

    @Test func layoutsAreTheIndentedAndTheCompactFormsOfOneValue() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .null, .bool(true), .array([]), .object([])])),
            ("b", .object([("c", .string("x")), ("d", .int(-12))])),
            ("e", .written { w in
                w.object { w in
                    w.field("f", 10)
                    w.field("g", array: { w in w.string(nil); w.int(Int?.none); w.int(7) })
                }
            }),
        ])
        #expect(value.rendered(pretty: false) == #"{"a":[1,null,true,[],{}],"b":{"c":"x","d":-12},"e":{"f":10,"g":[null,null,7]}}"#)
        #expect(value.rendered(pretty: true) == """
            {
              "a": [
                1,
                null,
                true,
                [],
                {}
              ],
              "b": {
                "c": "x",
                "d": -12
              },
              "e": {
                "f": 10,
                "g": [
                  null,
                  null,
                  7
                ]
              }
            }
            """)
    }

    @Test func aValueWrittenInsideAnotherIsIndentedWhereItStands() {
        let inner = JSONValue.written { w in w.object { w in w.field("x", true) } }
        #expect(JSONValue.array([inner]).rendered(pretty: true) == "[\n  {\n    \"x\": true\n  }\n]")
    }

    @Test func aTextEscapedOnceIsWrittenAsTheStringWouldBe() {
        for text in Self.hostile {
            for pretty in [false, true] {
                var once = JSONWriter(pretty: pretty)
                once.array { w in
                    w.string(JSONText(text))
                    w.object { w in w.field("k", JSONText(text)) }
                    w.object { w in w.field("none", JSONText(String?.none)) }
                }
                let plain = JSONValue.array([.string(text), .object([("k", .string(text))]), .object([("none", .null)])])
                #expect(once.bytes == plain.bytes(pretty: pretty))
            }
        }
    }

    @Test func aRenderedValueIsCopiedCompactAndWrittenAgainWhenIndented() {
        let value = JSONValue.object([("path", .string("c02.1")), ("note", .null), ("list", .array([.int(1), .string("ế\n")]))])
        let rendered = RenderedJSON(value)
        #expect(rendered.compact == value.bytes(pretty: false))
        let around = JSONValue.array([.rendered(rendered), .int(2), .rendered(rendered)])
        let plain = JSONValue.array([value, .int(2), value])
        for pretty in [false, true] {
            #expect(around.bytes(pretty: pretty) == plain.bytes(pretty: pretty))
        }
        #expect(around.withBytes(pretty: false, capacity: 1) { Array($0) } == plain.bytes(pretty: false))
    }

    /// Members rendered before stand in an object as the same members written there would:
    /// first, after others, next to each other, and in both layouts.
    @Test func renderedMembersAreCopiedCompactAndWrittenAgainWhenIndented() {
        let head: [(key: String, value: JSONValue)] = [("id", .string("c01.1")), ("name", .string("Tỷ lệ “trẻ em”\n")), ("n", .int(3))]
        let tail: [(key: String, value: JSONValue)] = [("citation", .null)]
        let rendered = (head: RenderedMembers(head), tail: RenderedMembers(tail), none: RenderedMembers([]))
        let written = JSONValue.written { w in
            w.object { w in
                w.members(rendered.head)
                w.members(rendered.none)
                w.field("points", 40)
                w.members(rendered.tail)
                w.members(rendered.head)
            }
        }
        let plain = JSONValue.object(head.map { ($0.key, $0.value) } + [("points", .int(40))] + tail.map { ($0.key, $0.value) }
                                     + head.map { ($0.key, $0.value) })
        // Deeper, where indented output indents each member by its depth.
        let nested = JSONValue.object([("list", .array([.int(1), written]))])
        let nestedPlain = JSONValue.object([("list", .array([.int(1), plain]))])
        for pretty in [false, true] {
            #expect(written.bytes(pretty: pretty) == plain.bytes(pretty: pretty))
            #expect(nested.bytes(pretty: pretty) == nestedPlain.bytes(pretty: pretty))
        }
        let first = JSONValue.written { w in w.object { w in w.members(rendered.tail) } }
        #expect(first.bytes(pretty: false) == Array(#"{"citation":null}"#.utf8))
    }

    /// Short runs are copied by word moves that overlap: every length up to past the longest
    /// such move must come out whole.
    @Test func textsOfEveryShortLengthAreCopiedWhole() {
        for length in 0...70 {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            var writer = JSONWriter(pretty: false, capacity: 1)
            writer.object { w in w.field("k", text) }
            #expect(writer.bytes == Array("{\"k\":\"\(text)\"}".utf8), "length \(length)")
        }
    }

    /// A writer lent a region writes there while the text fits, and moves into room of its own,
    /// whole, once it does not.
    @Test func aWriterLentARegionWritesThereUntilItIsOutgrown() {
        let value = JSONValue.object([("name", .string("Xã Đắk Rơ \"1\"")), ("points", .array((0..<40).map { .int(Int64($0)) }))])
        let expected = value.bytes(pretty: false)
        for size in [0, 64, expected.count - 1, expected.count, 4_096] {
            let region = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
            defer { region.deallocate() }
            var writer = JSONWriter(pretty: false, into: region)
            value.write(into: &writer)
            #expect(writer.bytes == expected, "region of \(size) bytes")
            let count = writer.count
            #expect(count == expected.count)
            // Room is reserved for the longest number before one is written, so a region of
            // exactly the text's length may or may not hold it; a shorter one never does.
            let inRegion = writer.isInRegion
            if size < expected.count { #expect(!inRegion, "region of \(size) bytes") }
            if size >= expected.count + 32 { #expect(inRegion, "region of \(size) bytes") }
            if inRegion {
                #expect(Array(region.prefix(expected.count)) == expected)
            }
        }
    }

    /// Inside `text(_:)` the writer is a text sink: pieces are escaped as they come, literals
    /// copied as they are, numbers written in digits.
    @Test func aTextWrittenPieceByPieceIsOneEscapedString() {
        // A text from the data (a `String`), which may hold anything.
        let name: String = "Trẻ \"dưới\" 1 tuổi \\ đăng ký\n"
        var writer = JSONWriter(pretty: false)
        writer.array { w in
            w.text { t in
                t.write("c02.1 “")
                t.write(name)
                t.write("”: ")
                t.write(-12)
                t.write(" điểm.")
            }
            w.int(1)
        }
        #expect(writer.bytes == Array(#"["c02.1 “Trẻ \"dưới\" 1 tuổi \\ đăng ký\n”: -12 điểm.",1]"#.utf8))
    }
}
