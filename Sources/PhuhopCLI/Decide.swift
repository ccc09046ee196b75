import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// `phuhop decide`: decides on stored evidence and stores the decisions, immutable.
struct Decide: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ra quyết định từ bằng chứng đã lưu / Decide on stored evidence and store the decisions.")

    @Option(help: "The unit to decide on.")
    var unit: String?

    @Option(help: "With --unit: the period, as FROM/TO (2023-11-01/2024-10-31) or the year it ends (2024); default: every period.")
    var period: String?

    @Flag(help: "Decide on the latest evidence of every unit and period.")
    var all = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if (unit == nil) == !all { throw ValidationError("give either --unit ID or --all") }
        if period != nil && unit == nil { throw ValidationError("--period needs --unit") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let database = try store.open()
        let standards = LoadedStandards(location: try CriteriaLocation(option: shared.criteria))
        let vi = shared.lang == .vi
        let report = DecisionReport(style: .text, language: shared.lang)
        let checklist = ChecklistReport(style: .text, language: shared.lang)
        var outcomes: [String: Int] = [:]
        var provisional = 0
        let selection: DecisionSelection = unit.map { .unit($0, period: period) } ?? .all
        let counts = try database.decide(selection, by: author.name, standards: { id in
            let entry = try standards.entry(id)
            return DecidingStandard(loaded: entry.file, evaluator: entry.evaluator)
        }, each: { decided in
            let d = decided.decision
            let entry = try standards.entry(decided.record.standardId)
            outcomes[ReasonText.outcome(d.outcome, kind: entry.standard.kind)(shared.lang), default: 0] += 1
            if d.provisional { provisional += 1 }
            guard unit != nil else { return }
            console.write(d.checklist != nil ? checklist.render(d, entry.reference) : report.render(d, entry.reference))
            console.write("\n" + stored(decided.record, isNew: decided.isNew, vi: vi) + "\n\n")
        })
        let byOutcome = outcomes.isEmpty ? ""
            : " (" + outcomes.keys.sorted().map { "\($0): \(outcomes[$0] ?? 0)" }.joined(separator: ", ") + ")"
        console.write(vi
            ? "\(counts.decided) quyết định mới, \(counts.unchanged) giữ nguyên\(byOutcome); \(provisional) tạm thời. Cơ sở dữ liệu: \(store.db)\n"
            : "\(counts.decided) new decisions, \(counts.unchanged) standing\(byOutcome); \(provisional) provisional. Database: \(store.db)\n")
        return 0
    }

    private func stored(_ record: DecisionRecord, isNew: Bool, vi: Bool) -> String {
        let hash = String(record.decisionHash.prefix(16))
        if !isNew {
            return vi ? "Quyết định #\(record.id) giữ nguyên: bằng chứng, tiêu chí và kết quả không đổi (mã băm \(hash)…)."
                : "Decision #\(record.id) stands: the evidence, criteria and result are unchanged (hash \(hash)…)."
        }
        let replaces = record.supersedes.map { vi ? ", thay quyết định #\($0)" : ", superseding decision #\($0)" } ?? ""
        return vi ? "Đã lưu quyết định #\(record.id)\(replaces) (mã băm \(hash)…, tiêu chí \(record.criteriaHash.prefix(12))…)."
            : "Stored decision #\(record.id)\(replaces) (hash \(hash)…, criteria \(record.criteriaHash.prefix(12))…)."
    }
}
