import Foundation
import PhuhopCLI
import Testing

/// Every golden case under `cases/`, through one generic test.
@Suite struct GoldenCaseTests {
    static let files = GoldenCaseRunner.files(in: RepositoryPaths.cases.path)

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.files.count >= 40)
    }

    @Test(arguments: files)
    func goldenCase(_ file: String) throws {
        let runner = try GoldenCaseRunner(criteria: RepositoryPaths.criteria.path)
        let result = runner.run(file: file)
        #expect(result.failures.isEmpty, "\(URL(fileURLWithPath: file).lastPathComponent): \(result.failures)")
    }
}
