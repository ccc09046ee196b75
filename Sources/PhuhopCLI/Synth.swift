import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopSynthesis

/// `phuhop synth`: writes plausible synthetic evidence as CSV, for demos and benchmarks.
struct Synth: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo dữ liệu mẫu (giả lập) / Write synthetic evidence for N units as CSV (same seed, same output).")

    @Option(help: "Number of units.")
    var units: Int = 100

    @Option(help: "Seed: the same seed gives the same units.")
    var seed: UInt64 = 2019

    @Option(help: "Standard id (default: the only one, or qd06-2019).")
    var standard: String?

    @Option(help: "Output file (default: standard output).")
    var out: String?

    @Option(help: "Profile of typical cohort sizes (default: examples/synthetic-<standard>.profile when it exists).")
    var profile: String?

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if units < 0 { throw ValidationError("--units must be 0 or more") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let location = try CriteriaLocation(option: shared.criteria)
        let loaded = try location.load(standard ?? location.defaultID())
        let synthetic = SyntheticUnits(standard: loaded.standard, seed: seed,
                                       profile: try Synth.profile(profile, standard: loaded.standard, criteria: location.root))
        let output = try OutputFile(path: out, console: console)
        output.write(CSVText.line(EvidenceCSV.header(for: loaded.standard)) + "\n")
        for n in 0..<units {
            output.write(CSVText.line(EvidenceCSV.row(synthetic.unit(n), standard: loaded.standard)) + "\n")
        }
        try output.finish()
        return 0
    }
}

extension Synth {
    /// The profile named, or the example profile beside the criteria folder, or none.
    static func profile(_ path: String?, standard: Standard, criteria: URL) throws -> SyntheticProfile {
        let fallback = criteria.deletingLastPathComponent().appendingPathComponent("examples/synthetic-\(standard.id).profile").path
        guard let file = path ?? (FileManager.default.fileExists(atPath: fallback) ? fallback : nil) else { return SyntheticProfile() }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandError(vi: "không đọc được tệp \(file)", en: "cannot read the file \(file)")
        }
        return try SyntheticProfileReader.read(data, file: file, standard: standard)
    }
}
