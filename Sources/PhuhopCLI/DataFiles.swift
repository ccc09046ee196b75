import Foundation

/// The YAML and JSON files under a folder, at any depth, sorted: what `batch`, `compare` and
/// `test` read from a folder (`rollup` adds its CSV survey sheets).
enum DataFiles {
    static func under(_ folder: String, including extra: [String] = []) -> [String] {
        var folder = folder
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        let enumerator = FileManager.default.enumerator(atPath: folder)
        let suffixes = ["yaml", "yml", "json"] + extra
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if suffixes.contains(where: { name.lowercased().hasSuffix("." + $0) }) { files.append(folder + "/" + name) }
        }
        return files.sorted()
    }
}
