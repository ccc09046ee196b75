import Foundation
import PhuhopCore
import PhuhopFormats

/// Finds criteria folders: `--criteria DIR`, else `$PHUHOP_CRITERIA`, else `criteria/` in the
/// current folder or the nearest folder above it that has one.
struct CriteriaLocation: Sendable {
    let root: URL

    init(option: String?) throws {
        if let option {
            root = URL(fileURLWithPath: option)
            return
        }
        if let env = ProcessInfo.processInfo.environment["PHUHOP_CRITERIA"], !env.isEmpty {
            root = URL(fileURLWithPath: env)
            return
        }
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            let candidate = folder.appendingPathComponent("criteria")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                root = candidate
                return
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw CommandError(vi: "không tìm thấy thư mục criteria/; chỉ định bằng --criteria DIR",
                           en: "no criteria/ folder found; give one with --criteria DIR")
    }

    /// The ids of the standards under the root (folders holding a `standard.yaml`).
    func standardIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("standard.yaml").path)
        }.sorted()
    }

    /// Loads and lints one standard by id.
    func load(_ id: String) throws -> LoadedStandard {
        let ids = standardIDs()
        guard ids.contains(id) else {
            let hint = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
            let mean = Suggestion.hint(for: id, in: ids)
            throw CommandError(vi: "không có bộ tiêu chí “\(id)” trong \(root.path)\(hint).\(mean.vi)",
                               en: "no standard “\(id)” in \(root.path)\(hint).\(mean.en)")
        }
        return try Self.load(root.appendingPathComponent(id), displayPath: displayPath(id))
    }

    /// Loads a variant: a folder path holding a `standard.yaml`, a folder under `variants/`, or an id.
    func loadVariant(_ name: String) throws -> LoadedStandard {
        var isDirectory: ObjCBool = false
        let candidates = [URL(fileURLWithPath: name), root.appendingPathComponent("variants").appendingPathComponent(name)]
        for folder in candidates where FileManager.default.fileExists(atPath: folder.appendingPathComponent("standard.yaml").path,
                                                                      isDirectory: &isDirectory) {
            return try Self.load(folder, displayPath: folder.path)
        }
        return try load(name)
    }

    /// Loads and lints a criteria folder whose name must be its id: a copied folder that keeps the
    /// original id would otherwise score silently under the wrong name.
    private static func load(_ folder: URL, displayPath: String) throws -> LoadedStandard {
        let loaded = try CriteriaLoader.load(folder: folder, displayPath: displayPath)
        let name = folder.lastPathComponent
        guard loaded.standard.id == name else {
            throw CommandError(vi: "thư mục \(name)/ khai báo id “\(loaded.standard.id)” trong standard.yaml; tên thư mục và id phải trùng nhau",
                               en: "folder \(name)/ declares id “\(loaded.standard.id)” in standard.yaml; the folder name and the id must match")
        }
        return loaded
    }

    /// The standard to use when neither the option nor the evidence names one: the only one.
    func defaultID() throws -> String {
        let ids = standardIDs()
        if ids.count == 1, let only = ids.first { return only }
        if ids.contains("qd06-2019") { return "qd06-2019" }
        throw CommandError(vi: "hãy chọn bộ tiêu chí bằng --standard (có: \(ids.joined(separator: ", ")))",
                           en: "choose a standard with --standard (available: \(ids.joined(separator: ", ")))", exitCode: 2)
    }

    private func displayPath(_ id: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let full = root.appendingPathComponent(id).path
        return full.hasPrefix(cwd) ? String(full.dropFirst(cwd.count)) : full
    }
}
