import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats

/// `phuhop check`: validates criteria folders, evidence files and golden cases.
struct Check: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra bộ tiêu chí và tệp bằng chứng / Validate criteria folders, evidence files and cases.")

    @Argument(help: "Criteria folders (holding standard.yaml), evidence or case files, or folders of them.")
    var paths: [String]

    @Option(help: "Standard to check evidence against (default: the one the file names, or the only one).")
    var standard: String?

    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        var problems: [Diagnostic] = []
        var checked = 0
        var location: CriteriaLocation?
        var standards: [String: LoadedStandard] = [:]
        func standardFor(_ id: String?) throws -> LoadedStandard {
            if location == nil { location = try CriteriaLocation(option: shared.criteria) }
            guard let location else { throw CommandError(vi: "không có thư mục tiêu chí", en: "no criteria folder") }
            let key = try id ?? location.defaultID()
            if let found = standards[key] { return found }
            let found = try location.load(key)
            standards[key] = found
            return found
        }
        for path in paths {
            for file in expand(path) {
                checked += 1
                do {
                    if file.hasSuffix("/standard.yaml") || file == "standard.yaml" {
                        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
                        _ = try CriteriaLoader.load(folder: folder, displayPath: String(file.dropLast("/standard.yaml".count)))
                        continue
                    }
                    let input = try readInput(file, console: console)
                    let root = try CaseReader.standardID(in: input.data, file: input.name)
                    let loaded = try standardFor(standard ?? root)
                    if try CaseReader.isCase(input.data, file: input.name) {
                        _ = try CaseReader.read(input.data, file: input.name, standard: loaded.standard)
                    } else {
                        _ = try EvidenceReader.read(input.data, file: input.name, standard: loaded.standard)
                    }
                } catch let error as InputError {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        if checked == 0 {
            throw CommandError(vi: "không tìm thấy tệp YAML hoặc JSON nào để kiểm tra",
                               en: "no YAML or JSON file found to check")
        }
        let vi = shared.lang == .vi
        console.write(vi ? "Đã kiểm tra \(checked) mục: không có lỗi.\n" : "Checked \(checked) item(s): no problems.\n")
        return 0
    }

    /// A criteria folder becomes its standard.yaml; other folders their YAML and JSON files.
    private func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if FileManager.default.fileExists(atPath: trimmed + "/standard.yaml") { return [trimmed + "/standard.yaml"] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? []
        return entries.sorted().flatMap { name -> [String] in
            let child = trimmed + "/" + name
            var childIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                return expand(child)
            }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") ? [child] : []
        }
    }
}
