import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore

/// `phuhop merge-units`: records that old units went into a new one.
struct MergeUnits: PhuhopCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-units",
        abstract: "Ghi việc sáp nhập đơn vị / Record a merger: the old units keep their evidence and decisions.")

    @Argument(help: "The old units' ids.")
    var from: [String] = []

    @Option(help: "The unit they go into.")
    var into: String

    @Option(help: "The date the merger takes effect (YYYY-MM-DD).")
    var date: String

    @Option(help: "The decision or resolution that orders it.")
    var document: String?

    @Option(help: "The new unit's name, when it is not registered yet.")
    var name: String?

    @Option(help: "The new unit's province, when it is not registered yet.")
    var province: String?

    @Option(help: "The new unit's type (xa, phuong, dac-khu...), when it is not registered yet.")
    var unitType: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if from.isEmpty { throw ValidationError("give the old units' ids") }
    }

    func execute(_ console: Console) throws -> Int32 {
        guard let day = CalendarDate(iso: date) else {
            throw CommandError(vi: "--date cần một ngày dạng YYYY-MM-DD có thật, gặp “\(date)”",
                               en: "--date needs a real date as YYYY-MM-DD, found “\(date)”")
        }
        var type: UnitType?
        if let unitType {
            switch FactText.unitType(unitType) {
            case .success(let t): type = t
            case .failure(let problem): throw CommandError(vi: "--unit-type: " + problem.message.vi, en: "--unit-type: " + problem.message.en)
            }
        }
        let database = try store.open()
        try database.merge(Merger(predecessors: from, successor: into, date: day, document: document,
                                  name: name.map { $0.precomposedStringWithCanonicalMapping },
                                  province: province.map { $0.precomposedStringWithCanonicalMapping }, unitType: type),
                           by: author.name)
        console.write(shared.lang == .vi
            ? "Đã ghi: \(from.joined(separator: ", ")) sáp nhập vào \(into) từ \(day.vietnamese). Lịch sử cũ được giữ nguyên.\n"
            : "Recorded: \(from.joined(separator: ", ")) merged into \(into) from \(day). Their history is kept.\n")
        return 0
    }
}
