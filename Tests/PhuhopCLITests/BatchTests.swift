import Foundation
import PhuhopCLI
import PhuhopCore
import PhuhopFormats
import PhuhopSynthesis
import Testing

/// `phuhop synth` and `phuhop batch`, end to end.
@Suite struct BatchTests {
    let criteria = RepositoryPaths.criteria.path

    private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capturing()
        let code = Phuhop.run(arguments + ["--criteria", criteria], console: console)
        return (code, console.output, console.errorOutput)
    }

    private func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// A folder holding the three commune examples (the examples folder also holds checklists,
    /// which a batch for qd06-2019 would reject as evidence for other standards).
    private func communeExamples() throws -> String {
        let folder = temporary("communes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["phuong-ba-dinh-recognized.yaml", "xa-dak-ro-not-recognized.yaml", "xa-tan-hoa-undetermined.yaml"] {
            try FileManager.default.copyItem(atPath: RepositoryPaths.examples.appendingPathComponent(name).path,
                                             toPath: folder + "/" + name)
        }
        return folder
    }

    @Test func synthIsDeterministic() {
        let a = run(["synth", "--units", "50", "--seed", "3"])
        let b = run(["synth", "--units", "50", "--seed", "3"])
        let c = run(["synth", "--units", "50", "--seed", "4"])
        #expect(a.code == 0)
        #expect(a.out == b.out)
        #expect(a.out != c.out)
        #expect(a.out.split(separator: "\n").count == 51)
    }

    /// The batch's counts must equal scoring each unit on its own, through the CSV round trip.
    @Test func batchCountsEqualScoringEachUnit() throws {
        let csv = temporary("units.csv")
        #expect(run(["synth", "--units", "400", "--seed", "11", "--out", csv]).code == 0)
        let result = run(["batch", csv, "--format", "json"])
        #expect(result.code == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let all = try #require(summary["all"] as? [String: Any])
        let units = try #require(object["units"] as? [[String: String]])
        #expect(units.count == 400)

        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        let evaluator = Evaluator(standard: standard)
        let profileURL = RepositoryPaths.examples.appendingPathComponent("synthetic-qd06-2019.profile")
        let profile = try SyntheticProfileReader.read(Data(contentsOf: profileURL), file: "profile", standard: standard)
        let synthetic = SyntheticUnits(standard: standard, seed: 11, profile: profile)
        var counts: [Outcome: Int] = [:]
        for n in 0..<400 { counts[evaluator.evaluate(synthetic.unit(n)).outcome, default: 0] += 1 }
        #expect(all["recognized"] as? Int == counts[.recognized, default: 0])
        #expect(all["notRecognized"] as? Int == counts[.notRecognized, default: 0])
        #expect(all["undetermined"] as? Int == counts[.undetermined, default: 0])
        #expect(units.filter { $0["outcome"] == "recognized" }.count == counts[.recognized, default: 0])
        let targets = try #require(summary["targets"] as? [[String: Any]])
        #expect(targets.map { $0["share"] as? String } == ["65%", "75%"])
    }

    @Test func aBadRowIsReportedAndDoesNotStopTheOthers() throws {
        let csv = temporary("bad.csv")
        let rejects = temporary("rejects.csv")
        let out = temporary("out.csv")
        let text = """
        \u{FEFF}unit.id;unit.name;unit.province;unit.unitType;period.from;period.to;children.total;c02.births
        A;Xã A;Gia Lai;xa;2023-11-01;2024-10-31;1000;20
        B;Xã B;Gia Lai;xa;2023-11-01;2024-10-31;1000;-20
        C;Phường C;Huế;phuong;2023-11-01;2024-10-31;900;10

        """
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = run(["batch", csv, "--out", out, "--rejects", rejects, "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.err.contains("\(csv):3:8: c02.births: a count cannot be negative (-20)"))
        #expect(result.err.contains("Rows or files rejected: 1"))
        let list = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(list.count == 3)
        #expect(list[1].hasPrefix("A,") && list[2].hasPrefix("C,"))
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 2)
        #expect(rejected[0].hasSuffix(";error"))
        #expect(rejected[1].hasPrefix("B;Xã B;") && rejected[1].hasSuffix(";c02.births: a count cannot be negative (-20)"))
    }

    @Test func batchReadsFoldersOfEvidenceFiles() throws {
        let result = run(["batch", try communeExamples(), "--format", "json", "--near", "0"])
        #expect(result.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let all = try #require(summary["all"] as? [String: Any])
        // Đắk Rơ Ông totals exactly its threshold (800); Ba Đình is 65 above; Tân Hòa has no total.
        let near = try #require((summary["near"] as? [String: Any])?["units"] as? [[String: Any]])
        #expect(near.map { $0["id"] as? String } == ["62-dak-ro-ong"])
        let units = try #require(object["units"] as? [[String: String]])
        #expect(units.first { $0["unit.id"] == "62-dak-ro-ong" }?["toRecognize"] == "c03.1 -1")
        #expect(all["units"] as? Int == 3)
        #expect(all["recognized"] as? Int == 1 && all["notRecognized"] as? Int == 1 && all["undetermined"] as? Int == 1)
    }

    /// A file whose header is wrong is rejected whole; other inputs would still be scored.
    @Test func anUnknownColumnRejectsTheWholeFile() throws {
        let csv = temporary("header.csv")
        try "unit.id,unit.name,unit.province,unit.unitType,period.from,period.to,c02.birth\n".write(
            toFile: csv, atomically: true, encoding: .utf8)
        let result = run(["batch", csv, try communeExamples(), "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.out.contains("Units scored: 3"))
        #expect(result.out.contains("Rows or files rejected: 1"))
        #expect(result.err.contains(":1:7: c02.birth: unknown column “c02.birth”. Did you mean “c02.births”?"))
    }

    @Test func theHTMLReportEscapesWhatItShows() throws {
        let csv = temporary("html.csv")
        try """
        unit.id,unit.name,unit.province,unit.unitType,period.from,period.to
        X,<script>alert(1)</script>,Huế,phuong,2023-11-01,2024-10-31

        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = run(["batch", csv, "--format", "html"])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("<!DOCTYPE html>"))
        #expect(result.out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!result.out.contains("<script>"))
        #expect(result.out.hasSuffix("</table>\n</body>\n</html>\n"))
    }

    @Test func outputsNeverDestroyDataOrLeaveHalfFiles() throws {
        let folder = temporary("out-folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep".write(toFile: folder + "/keep.txt", atomically: true, encoding: .utf8)
        let csv = temporary("in.csv")
        #expect(run(["synth", "--units", "3", "--out", csv]).code == 0)
        let intoFolder = run(["batch", csv, "--out", folder, "--lang", "en"])
        #expect(intoFolder.code == 1)
        #expect(intoFolder.err.contains("is a folder"))
        #expect(FileManager.default.fileExists(atPath: folder + "/keep.txt"))
        let ontoInput = run(["batch", csv, "--out", csv, "--lang", "en"])
        #expect(ontoInput.code == 1)
        #expect(ontoInput.err.contains("is an input"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("unit.id,"))
        #expect(run(["batch", csv, "--out", folder + "/x.csv", "--rejects", folder + "/x.csv"]).code == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test func vietnameseSurvivesTheScratchFileWhateverTheChunking() throws {
        let csv = temporary("viet.csv")
        #expect(run(["synth", "--units", "6000", "--seed", "9", "--out", csv]).code == 0)
        let result = run(["batch", csv, "--format", "json"])
        #expect(!result.out.contains("\u{FFFD}"))
        #expect(result.out.contains("Phường mẫu"))
    }

    @Test func aStrayQuoteOrABlankRowDoesNotSwallowUnits() throws {
        let csv = temporary("stray.csv")
        try """
        unit.id,unit.name,unit.province,unit.unitType,period.from,period.to
        A,Xã 5" mẫu,Huế,xa,2023-11-01,2024-10-31
        B,Xã B,Huế,xa,2023-11-01,2024-10-31
        ,,,,,

        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = run(["batch", csv, "--format", "json"])
        #expect(result.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((object["units"] as? [[String: String]])?.map { $0["unit.name"] ?? "" } == ["Xã 5\" mẫu", "Xã B"])
    }

    /// With the example profile, synthetic units hang together as real ones do.
    @Test func syntheticUnitsArePlausible() throws {
        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
        let profileURL = RepositoryPaths.examples.appendingPathComponent("synthetic-qd06-2019.profile")
        let profile = try SyntheticProfileReader.read(Data(contentsOf: profileURL), file: "profile", standard: standard)
        let synthetic = SyntheticUnits(standard: standard, seed: 5, profile: profile)
        func count(_ e: Evidence, _ id: String) -> Int64? {
            guard let f = standard.factIndex(id), case .count(let n)? = e.facts[f] else { return nil }
            return n
        }
        for n in 0..<2000 {
            let e = synthetic.unit(n)
            if let school = count(e, "c10.children-school-age"), let young = count(e, "c10.children-3to5") {
                #expect(school > young, "unit \(n): fewer school-age children than 3-5-year-olds")
            }
            if let cases = count(e, "c06.abuse-cases"), let abused = count(e, "c03.children-abused") {
                #expect(cases == abused, "unit \(n): abuse cases without abused children")
            }
            if let births = count(e, "c02.births"), let total = count(e, "children.total") {
                #expect(births * 100 >= total * 4 && births * 100 <= total * 8, "unit \(n): births \(births) of \(total) children")
            }
            if e.unit.unitType == .dacKhu {
                #expect(["Quảng Ninh", "Hải Phòng", "Quảng Trị", "Quảng Ngãi", "Đà Nẵng", "Khánh Hòa", "Lâm Đồng", "TP. Hồ Chí Minh", "An Giang"]
                    .contains(e.unit.province))
            }
        }
    }

    /// Two tables with different columns: each one's bad rows go to a rejects file under its own
    /// header, so either file can be fixed and read again.
    @Test func rejectsFromTablesWithDifferentHeadersKeepTheirOwnHeader() throws {
        let table = run(["synth", "--units", "3", "--seed", "5"]).out
        var lines = table.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let births = try #require(lines[0].firstIndex(of: "c02.births"))
        lines[2][births] = "-1"
        let first = temporary("first.csv")
        try (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        // The second table has its last two columns swapped.
        let swapped = lines.map { row -> [String] in
            var row = row
            row.swapAt(row.count - 1, row.count - 2)
            return row
        }
        let second = temporary("second.csv")
        try (swapped.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: second, atomically: true, encoding: .utf8)
        let rejects = temporary("rejects.csv")
        let sibling = rejects.replacingOccurrences(of: "rejects.csv", with: "rejects-2.csv")
        defer { for path in [first, second, rejects, sibling] { try? FileManager.default.removeItem(atPath: path) } }
        let result = run(["batch", first, second, "--format", "csv", "--rejects", rejects, "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.err.contains("Rejected rows, by the header of their table: \(rejects), \(sibling)"))
        let a = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        let b = try String(contentsOfFile: sibling, encoding: .utf8).split(separator: "\n")
        #expect(a.count == 2 && b.count == 2)
        #expect(a[0] == Substring(lines[0].joined(separator: ",") + ",error"))
        #expect(b[0] == Substring(swapped[0].joined(separator: ",") + ",error"))
        #expect(a[1].hasPrefix(lines[2].joined(separator: ",")) && b[1].hasPrefix(swapped[2].joined(separator: ",")))
    }
}

