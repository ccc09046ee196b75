import Foundation

/// Paths inside the repository, found from this file's location so tests run from any folder.
enum RepositoryPaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let criteria = root.appendingPathComponent("criteria")
    static let cases = root.appendingPathComponent("cases")
    static let examples = root.appendingPathComponent("examples")
}
