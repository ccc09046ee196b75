import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// `phuhop export`: writes the stored evidence out, as CSV to import or score again, or as a
/// JSON archive with each record's revision and decision.
struct Export: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất bằng chứng đã lưu / Export stored evidence (CSV to import again, or a JSON archive with decisions).")

    /// CSV to import or batch again; JSON, the whole archive.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "The standard whose evidence to export (default: qd06-2019 or the only one stored).")
    var standard: String?

    @Option(help: "csv: the latest evidence, one row per unit and period, read by import and batch (sources are not kept); json: every field, with the revision and the current decision.")
    var format: Format = .csv

    @Flag(help: "Every revision, not only the latest.")
    var allRevisions = false

    @Option(help: "Write here instead of standard output.")
    var out: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let database = try store.open()
        let stored = try database.standardsWithEvidence()
        // Without --standard: the only standard with evidence, else the commune standard.
        if standard == nil && stored.isEmpty {
            throw CommandError(vi: "cơ sở dữ liệu \(store.db) chưa có bằng chứng nào", en: "the database \(store.db) holds no evidence yet")
        }
        guard let id = standard ?? (stored.count == 1 ? stored.first : stored.first { $0 == "qd06-2019" }) else {
            throw CommandError(vi: "hãy chọn bộ tiêu chí bằng --standard (có bằng chứng: \(stored.joined(separator: ", ")))",
                               en: "choose a standard with --standard (with evidence: \(stored.joined(separator: ", ")))")
        }
        let loaded = try CriteriaLocation(option: shared.criteria).load(id)
        let output = try OutputFile(path: out, console: console)
        do {
            switch format {
            case .csv:
                output.write(CSVText.line(EvidenceCSV.header(for: loaded.standard)) + "\n")
                try database.export(standard: loaded.standard, allRevisions: allRevisions) { record in
                    output.write(CSVText.line(EvidenceCSV.row(record.evidence, standard: loaded.standard)) + "\n")
                }
            case .json:
                output.write("[")
                var first = true
                try database.export(standard: loaded.standard, allRevisions: allRevisions) { record in
                    output.write((first ? "\n" : ",\n") + json(record, loaded.standard))
                    first = false
                }
                output.write("\n]\n")
            }
            try output.finish()
        } catch {
            output.discard()
            throw error
        }
        return 0
    }

    /// One record of the archive: the revision, its evidence document as stored, and its decision.
    private func json(_ record: ExportedRecord, _ standard: Standard) -> String {
        let r = record.revision
        func q(_ text: String?) -> String { text.map(EvidenceSnapshot.quoted) ?? "null" }
        var out = "  {\"unit\": \(q(r.unitId)), \"standard\": \(q(r.standardId)), \"period\": \(q(r.period)), "
            + "\"revision\": {\"number\": \(r.revision), \"author\": \(q(r.author)), \"recordedAt\": \(q(r.recordedAt)), "
            + "\"reason\": \(q(r.reason)), \"document\": \(q(r.document)), \"import\": \(r.importId)}, "
            + "\"evidence\": \(EvidenceSnapshot.encode(record.evidence, standard: standard)), \"decision\": "
        if let d = record.decision {
            out += "{\"id\": \(d.id), \"outcome\": \(q(d.outcome)), \"provisional\": \(d.provisional), "
                + "\"total\": \(d.total.map(String.init) ?? "null"), \"threshold\": \(d.threshold.map(String.init) ?? "null"), "
                + "\"decidedAt\": \(q(d.decidedAt)), \"decidedBy\": \(q(d.decidedBy)), \"criteriaHash\": \(q(d.criteriaHash)), "
                + "\"evidenceHash\": \(q(d.evidenceHash)), \"engineVersion\": \(q(d.engineVersion)), \"decisionHash\": \(q(d.decisionHash))}"
        } else {
            out += "null"
        }
        return out + "}"
    }
}
