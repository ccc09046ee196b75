import Foundation
import PhuhopCLI
import Testing

/// End-to-end: the command line as a user runs it, whole outputs compared.
@Suite struct CLITests {
    let criteria = RepositoryPaths.criteria.path

    private func run(_ arguments: [String], stdin: Data = Data()) -> (code: Int32, out: String, err: String) {
        let console = Console.capturing(stdin: stdin)
        let code = Phuhop.run(arguments, console: console)
        return (code, console.output, console.errorOutput)
    }

    private func example(_ name: String) -> String { RepositoryPaths.examples.appendingPathComponent(name).path }

    @Test func scoreMatchesTheRecordedReport() throws {
        let expectedURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Expected/score-dak-ro-en.txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let result = run(["score", example("xa-dak-ro-not-recognized.yaml"), "--lang", "en", "--criteria", criteria])
        #expect(result.code == 0)
        #expect(result.err.isEmpty)
        #expect(result.out == expected)
    }

    @Test func standardInputIsReadWithADash() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: example("phuong-ba-dinh-recognized.yaml")))
        let result = run(["score", "-", "--format", "json", "--criteria", criteria], stdin: data)
        #expect(result.code == 0)
        #expect(result.out.contains("\"outcome\": \"recognized\""))
    }

    @Test func badInputExitsOneAndPrintsNoDecision() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try """
        unit: {id: "1", name: "Xã A", province: "P", unitType: xa, attributes: {mountainous: true}}
        period: {from: 2023-11-01, to: 2024-10-31}
        facts:
          c02.births: -1
        """.write(to: bad, atomically: true, encoding: .utf8)
        let result = run(["score", example("phuong-ba-dinh-recognized.yaml"), bad.path, "--criteria", criteria])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == "lỗi: \(bad.path):4:15: facts.c02.births: số đếm không được âm (-1)\n")
    }

    @Test func usageErrorsExitTwoAndHelpExitsZero() {
        #expect(run(["score"]).code == 2)
        #expect(run(["score", "x.yaml", "--format", "pdf"]).code == 2)
        #expect(run(["frobnicate"]).code == 2)
        let help = run(["score", "--help"])
        #expect(help.code == 0)
        #expect(help.out.contains("--format"))
        for command in [["check"], ["criteria", "list"], ["criteria", "show"], ["criteria", "audit"], ["test"]] {
            let result = run(command + ["--help"])
            #expect(result.code == 0 && result.out.contains("USAGE"), "no help for \(command)")
        }
    }

    @Test func auditListsEveryValueThatIsNotVerified() throws {
        let result = run(["criteria", "audit", "qd06-2019", "--format", "json", "--criteria", criteria])
        #expect(result.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let values = try #require(object["values"] as? [[String: Any]])
        #expect(values.count == object["count"] as? Int)
        #expect(values.allSatisfy { ($0["provenance"] as? String) != "verified" && $0["citation"] is String })
        #expect(values.contains { $0["path"] as? String == "c01.4.points" && $0["provenance"] as? String == "inferred" })
    }

    @Test func checkReportsEveryProblemAndPassesTheRepositoryData() {
        let good = run(["check", criteria + "/qd06-2019", RepositoryPaths.examples.path, RepositoryPaths.cases.path,
                        "--criteria", criteria])
        #expect(good.code == 0, "\(good.err)")
        let missing = run(["check", "/nonexistent/file.yaml", "--criteria", criteria])
        #expect(missing.code == 1)
        #expect(missing.err.contains("/nonexistent/file.yaml:1:1"))
    }

    @Test func testCommandEndsWithTheCountLine() {
        let result = run(["test", RepositoryPaths.cases.path, "--criteria", criteria])
        let last = result.out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"))
        #expect(result.code == 0)
    }

    @Test func foldersAreNotEvidenceAndAnEmptyCheckFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let score = run(["score", folder.path, "--criteria", criteria, "--lang", "en"])
        #expect(score.code == 1)
        #expect(score.err.contains("this is a folder"))
        let check = run(["check", folder.path, "--criteria", criteria, "--lang", "en"])
        #expect(check.code == 1)
        #expect(check.err.contains("no YAML or JSON file found"))
    }

    @Test func anUnknownStandardGetsADidYouMean() {
        let result = run(["score", example("phuong-ba-dinh-recognized.yaml"), "--standard", "qd06-2018",
                          "--criteria", criteria, "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.err.contains("Did you mean “qd06-2019”?"))
    }
}

