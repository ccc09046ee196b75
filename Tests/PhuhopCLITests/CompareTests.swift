import Foundation
import PhuhopCLI
import Testing

/// `phuhop compare`, end to end, on the example variant and on overrides.
@Suite struct CompareTests {
    let criteria = RepositoryPaths.criteria.path
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capturing()
        let code = Phuhop.run(arguments + ["--criteria", criteria], console: console)
        return (code, console.output, console.errorOutput)
    }

    private var fixtures: String { here.appendingPathComponent("Fixtures/compare").path }

    /// Unit A is recognised at exactly 900 with c07 at 118/120 = 98.33%: the 99% variant drops c07
    /// to 35 and the total to 885, so A loses recognition. Ba Đình (c07 645/652) falls 965 → 950, still
    /// recognised. Worked out by hand; the whole report is compared.
    @Test func theExampleVariantFlipsExactlyTheUnitAtTheThreshold() throws {
        let expected = try String(contentsOf: here.appendingPathComponent("Expected/compare-epi99-en.txt"), encoding: .utf8)
        let result = run(["compare", "--baseline", "qd06-2019", "--variant", "qd06-2019-epi99", fixtures, "--lang", "en"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == expected)
    }

    @Test func anOverrideGivesTheSameFlipsAsTheVariantFolder() throws {
        let folder = run(["compare", "--baseline", "qd06-2019", "--variant", "qd06-2019-epi99", fixtures, "--format", "json"])
        let set = run(["compare", "--baseline", "qd06-2019", "--set", "c07.1.bands[0].atLeast=99%", fixtures, "--format", "json"])
        #expect(folder.code == 0 && set.code == 0)
        func summary(_ text: String) throws -> [String: Any] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(object["summary"] as? [String: Any])
        }
        let a = try summary(folder.out)
        let b = try summary(set.out)
        #expect(a["losses"] as? Int == 1 && a["gains"] as? Int == 0 && a["changed"] as? Int == 2)
        #expect(b["losses"] as? Int == 1 && b["gains"] as? Int == 0 && b["changed"] as? Int == 2)
        let causes = try #require(b["causes"] as? [[String: Any]])
        #expect(causes.first?["indicator"] as? String == "c07.1")
    }

    @Test func aPathThatDoesNotExistIsAClearError() {
        let result = run(["compare", "--baseline", "qd06-2019", "--set", "c07.1.band[0].atLeast=99%", fixtures, "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("no value at the path “c07.1.band[0].atLeast” in qd06-2019. Did you mean “c07.1.bands[0].atLeast”?"))
    }

    @Test func anOverrideThatBreaksTheTableIsRefused() {
        // 30 points on a band of a 50-point criterion whose top band stays 50: fine; 60 is above the maximum.
        let result = run(["compare", "--baseline", "qd06-2019", "--set", "c07.1.bands[0].points=60", fixtures, "--lang", "en"])
        #expect(result.code == 1)
        #expect(result.err.contains("the variant after --set is not valid"))
        #expect(run(["compare", "--baseline", "qd06-2019", "--set", "nonsense", fixtures]).code == 2)
        #expect(run(["compare", "--baseline", "qd06-2019", fixtures]).code == 2)
    }
}
