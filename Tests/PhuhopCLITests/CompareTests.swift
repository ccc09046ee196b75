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

    /// A variant that drops indicator c12.2 (and its fact) and adds c12.3 on a new fact: criteria
    /// and indicators are matched by id, the evidence's facts the variant lacks are skipped, and a
    /// fact only the variant has is read for it alone.
    @Test func aVariantMayAddAndRemoveIndicators() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-variant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("qd06-2019")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"), to: folder)
        let c12 = folder.appendingPathComponent("c12.yaml")
        var text = try String(contentsOf: c12, encoding: .utf8)
        text = text.replacingOccurrences(of: "c12.occasion-activities-held", with: "c12.sports-ground")
            .replacingOccurrences(of: "c12.2", with: "c12.3")
        try text.write(to: c12, atomically: true, encoding: .utf8)

        // Unit A's evidence has the baseline's fact and not the variant's: under the variant its
        // c12 cannot be scored, so it is no longer recognised for want of a fact.
        let result = run(["compare", "--baseline", "qd06-2019", "--variant", folder.path, fixtures, "--format", "json"])
        #expect(result.code == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.count == 2)
        for unit in units {
            let indicators = (unit["indicators"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(indicators.contains("c12.2") && indicators.contains("c12.3"), "\(indicators)")
            #expect((unit["outcome"] as? [String: Any])?["variant"] as? String == "undetermined")
        }

        // The same units with the new fact recorded as the old one was: no unit changes.
        let withFact = root.appendingPathComponent("with-fact")
        try FileManager.default.createDirectory(at: withFact, withIntermediateDirectories: true)
        for name in ["unit-a.yaml", "unit-b.yaml"] {
            let source = try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)
            let line = try #require(source.split(separator: "\n").first { $0.contains("c12.occasion-activities-held:") })
            let value = line.split(separator: ":")[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
            let added = source.replacingOccurrences(of: String(line), with: String(line) + "\n  c12.sports-ground: \(value)")
            try added.write(to: withFact.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let same = run(["compare", "--baseline", "qd06-2019", "--variant", folder.path, withFact.path, "--format", "json"])
        #expect(same.code == 0, "\(same.err)")
        let summary = try #require((try JSONSerialization.jsonObject(with: Data(same.out.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        #expect(summary["changed"] as? Int == 0)
    }
}

