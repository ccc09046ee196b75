import Foundation
import Testing
@testable import PhuhopFormats

@Suite struct CSVRecordsTests {
    private func records(_ bytes: [UInt8]) throws -> [CSVRecords.Record] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        var reader = try CSVRecords(path: url.path)
        var out: [CSVRecords.Record] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func readsWhatSpreadsheetsWrite() throws {
        // BOM, semicolons, CRLF, a quoted cell holding the separator, doubled quotes and a line break.
        let text = "a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\r\n2;\"two\nlines\";z\r\n"
        let found = try records([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(found.count == 3)
        #expect(found[0].fields == ["a", "b", "c"])
        #expect(found[1].fields == ["1", "x;y", "say \"hi\""])
        #expect(found[2].fields == ["2", "two\nlines", "z"])
        #expect(found.map(\.line) == [1, 2, 3])
    }

    @Test func commaIsTheDefaultSeparator() throws {
        let found = try records(Array("a,b\n1,2".utf8))
        #expect(found.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func invalidUTF8NamesItsLine() throws {
        #expect(throws: CSVError.invalidUTF8(line: 2)) {
            _ = try records(Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        }
    }
}
