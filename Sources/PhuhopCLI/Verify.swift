import ArgumentParser
import PhuhopCore
import PhuhopStore

/// `phuhop verify`: re-makes every stored decision and reports any that no longer holds.
struct Verify: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm chứng các quyết định đã lưu / Re-make every stored decision from its evidence and criteria and compare.",
        discussion: "Exit status 0 when every decision holds, 1 when any does not.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let report = try store.open().verify()
        let vi = shared.lang == .vi
        for problem in report.problems {
            let d = problem.decision
            console.write((vi ? "Quyết định #\(d.id) (\(d.unitId), \(d.standardId), \(d.period)) không còn khớp:\n"
                : "Decision #\(d.id) (\(d.unitId), \(d.standardId), \(d.period)) no longer holds:\n"))
            for kind in problem.kinds { console.write("  - " + describe(kind, vi: vi) + "\n") }
        }
        let held = report.checked - report.problems.count
        console.write(vi
            ? "Đã kiểm chứng \(report.checked) quyết định: \(held) khớp (cùng kết quả, cùng mã băm), \(report.problems.count) không khớp.\n"
            : "Verified \(report.checked) decisions: \(held) hold (same result, same hash), \(report.problems.count) do not.\n")
        return report.problems.isEmpty ? 0 : 1
    }

    private func describe(_ kind: VerificationProblem.Kind, vi: Bool) -> String {
        switch kind {
        case .criteriaAltered(let stored, let computed):
            let now = computed.map { String($0.prefix(12)) + "…" } ?? (vi ? "không đọc được" : "unreadable")
            return vi ? "bộ tiêu chí lưu kèm đã bị sửa: mã băm ghi \(stored.prefix(12))…, nay \(now)"
                : "the criteria kept with it were altered: recorded hash \(stored.prefix(12))…, now \(now)"
        case .evidenceAltered(let stored, let computed):
            return vi ? "bằng chứng đã bị sửa: mã băm ghi \(stored.prefix(12))…, nay \(computed.prefix(12))…"
                : "the evidence was altered: recorded hash \(stored.prefix(12))…, now \(computed.prefix(12))…"
        case .decisionDiffers(let storedOutcome, let computedOutcome, let storedHash, let computedHash, let first):
            let line = first.map { vi ? "; khác đầu tiên: \($0)" : "; first difference: \($0)" } ?? ""
            return vi ? "chấm lại cho kết quả khác: \(storedOutcome) → \(computedOutcome), mã băm \(storedHash.prefix(12))… → \(computedHash.prefix(12))…\(line)"
                : "re-evaluating gives another result: \(storedOutcome) → \(computedOutcome), hash \(storedHash.prefix(12))… → \(computedHash.prefix(12))…\(line)"
        case .evidenceUnreadable(let problem):
            return vi ? "không đọc lại được bằng chứng đã lưu: \(problem)" : "the stored evidence cannot be read back: \(problem)"
        case .recordDiffers(let field, let stored, let computed):
            return vi ? "cột \(field) của quyết định đã lưu ghi \(stored), chấm lại cho \(computed)"
                : "the stored decision's \(field) says \(stored), re-evaluating gives \(computed)"
        case .engineChanged(let stored, let current):
            return vi ? "quyết định do phiên bản bộ máy \(stored) đưa ra, nay là \(current)"
                : "the decision was made by engine \(stored), this is \(current)"
        }
    }
}
