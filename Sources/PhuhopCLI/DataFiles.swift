import Foundation

/// The YAML and JSON files under a folder, at any depth, sorted: what `batch`, `compare` and
/// `test` read from a folder.
enum DataFiles {
    static func under(_ folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") { files.append(folder + "/" + name) }
        }
        return files.sorted()
    }
}
