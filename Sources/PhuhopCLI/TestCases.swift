import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats

/// `phuhop test`: runs golden cases and ends with `N passed, M failed`.
struct TestCases: PhuhopCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Chạy các ca kiểm thử mẫu / Run golden cases.")

    @Argument(help: "Folder of golden cases (default: cases).")
    var directory: String = "cases"

    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let location = try CriteriaLocation(option: shared.criteria)
        let results = try GoldenCaseRunner(location: location).run(directory: directory)
        var out = ""
        for result in results {
            if result.failures.isEmpty {
                out += "ok    \(result.file)\n"
            } else {
                out += "FAIL  \(result.file)\n"
                for failure in result.failures { out += "      \(failure)\n" }
            }
        }
        let failed = results.filter { !$0.failures.isEmpty }.count
        out += "\(results.count - failed) passed, \(failed) failed\n"
        console.write(out)
        return failed == 0 && !results.isEmpty ? 0 : 1
    }
}

/// Runs every golden case under a folder; shared by `phuhop test` and the test suite.
public struct GoldenCaseRunner: Sendable {
    /// One case's result: empty `failures` means it passed.
    public struct Result: Sendable {
        public var file: String
        public var failures: [String]
    }

    let location: CriteriaLocation

    /// A runner reading criteria from `criteria` (or the default location).
    public init(criteria: String?) throws {
        location = try CriteriaLocation(option: criteria)
    }

    init(location: CriteriaLocation) {
        self.location = location
    }

    /// The case files under `directory`, sorted.
    public static func files(in directory: String) -> [String] {
        DataFiles.under(directory)
    }

    /// Runs every case under `directory`.
    public func run(directory: String) throws -> [Result] {
        var standards: [String: LoadedStandard] = [:]
        var results: [Result] = []
        for file in Self.files(in: directory) {
            results.append(run(file: file, standards: &standards))
        }
        return results
    }

    /// Runs one case file.
    public func run(file: String) -> Result {
        var standards: [String: LoadedStandard] = [:]
        return run(file: file, standards: &standards)
    }

    private func run(file: String, standards: inout [String: LoadedStandard]) -> Result {
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                return Result(file: file, failures: ["cannot read the file"])
            }
            let id = try CaseReader.standardID(in: data, file: file) ?? location.defaultID()
            if standards[id] == nil { standards[id] = try location.load(id) }
            guard let loaded = standards[id] else { return Result(file: file, failures: ["no standard \(id)"]) }
            let golden = try CaseReader.read(data, file: file, standard: loaded.standard)
            let decision = Evaluator(standard: loaded.standard).evaluate(golden.evidence)
            return Result(file: file, failures: golden.expectation.mismatches(decision, standard: loaded.standard))
        } catch let error as InputError {
            return Result(file: file, failures: error.diagnostics.map { $0.rendered(.en) })
        } catch let error as CommandError {
            return Result(file: file, failures: [error.message.en])
        } catch {
            return Result(file: file, failures: ["\(error)"])
        }
    }
}
