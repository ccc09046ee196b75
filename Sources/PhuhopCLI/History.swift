import ArgumentParser
import PhuhopReports
import PhuhopStore

/// `phuhop history`: everything kept about a unit.
struct History: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lịch sử một đơn vị / A unit's history: versions, mergers, evidence revisions and decisions.")

    @Argument(help: "The unit's id.")
    var unit: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let history = try store.open().history(of: unit)
        console.write(HistoryReport(language: shared.lang).render(history))
        return 0
    }
}
