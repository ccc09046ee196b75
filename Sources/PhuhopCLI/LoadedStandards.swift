import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// The standards a run has loaded, each with its evaluator: read and compiled once, however
/// many evidence files name them.
final class LoadedStandards {
    /// One loaded standard and the evaluator built from it.
    struct Entry {
        let file: LoadedStandard
        let evaluator: Evaluator
        /// Kept with the entry: it keeps the texts every decision's report repeats.
        let reference: StandardReference

        init(file: LoadedStandard, evaluator: Evaluator) {
            self.file = file
            self.evaluator = evaluator
            reference = StandardReference(standard: file.standard, hash: file.hash)
        }

        var standard: Standard { file.standard }
    }

    let location: CriteriaLocation
    private var entries: [String: Entry] = [:]

    init(location: CriteriaLocation) {
        self.location = location
    }

    /// The standard with this id, loaded on first use.
    func entry(_ id: String) throws -> Entry {
        if let entry = entries[id] { return entry }
        let file = try location.load(id)
        let entry = Entry(file: file, evaluator: Evaluator(standard: file.standard))
        entries[id] = entry
        return entry
    }

    /// Reads one evidence file (`-` is standard input) against `standard` when given, else the
    /// standard the file names, else the only one.
    func readEvidence(_ path: String, console: Console, standard: String? = nil) throws -> (Evidence, Entry) {
        let input = try readInput(path, console: console)
        let parsed = try EvidenceReader.parse(input.data, file: input.name)
        let id = try standard ?? parsed.requestedStandard ?? location.defaultID()
        let entry = try entry(id)
        let evidence = try EvidenceReader.read(parsed, standard: entry.standard, overridden: standard != nil)
        return (evidence, entry)
    }
}
