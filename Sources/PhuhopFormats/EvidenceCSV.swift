import Foundation
import PhuhopCore

/// Evidence for many units in one CSV table: one row per unit, a header of unit fields,
/// attributes and fact ids. Each bad row is reported with its line and column and does not
/// stop the others.
///
/// Columns: `unit.id`, `unit.name`, `unit.province`, `unit.unitType`, `period.from`,
/// `period.to` (required); `unit.<attribute>` for each attribute of the standard; one column
/// per fact id. An empty cell is a fact not supplied (missing). A checklist adds one column per
/// item (answered `dat`, `chuaDat`, `notApplicable` or their Vietnamese words; every item must be
/// answered), `veto.<id>` per veto event (`không`, `có` or the date it happened; empty: not
/// declared), and optional `unit.commune` and `assessment`.
public struct EvidenceCSV: Sendable {
    enum Column: Sendable, Equatable {
        case id, name, province, unitType, from, to
        case attribute(Int)
        case fact(Int)
        case commune, assessment
        case veto(Int)
    }

    public let file: String
    public let standard: Standard
    private let columns: [Column]
    private let names: [String]
    private let hasItems: Bool

    static let required: [(String, Column)] = [
        ("unit.id", .id), ("unit.name", .name), ("unit.province", .province), ("unit.unitType", .unitType),
        ("period.from", .from), ("period.to", .to),
    ]

    /// Reads the header; throws `InputError` naming every unknown or missing column. Columns in
    /// `ignoring` are skipped rather than unknown: a comparison reads one table against two
    /// versions of a standard, each with facts the other lacks.
    public init(header: [String], file: String, standard: Standard, ignoring: Set<String> = []) throws {
        self.file = file
        self.standard = standard
        var columns: [Column] = []
        var problems: [Diagnostic] = []
        let known = EvidenceCSV.header(for: standard)
        for (n, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let column = EvidenceCSV.required.first(where: { $0.0 == name })?.1 {
                columns.append(column)
            } else if name == "unit.commune" {
                columns.append(.commune)
            } else if name == "assessment" {
                columns.append(.assessment)
            } else if name.hasPrefix("veto."),
                      let v = standard.recognition.vetoes.firstIndex(where: { $0.id == name.dropFirst(5) }) {
                columns.append(.veto(v))
            } else if name.hasPrefix("unit."), let a = standard.attributeIndex(String(name.dropFirst(5))
                .replacingOccurrences(of: "attributes.", with: "")) {
                columns.append(.attribute(a))
            } else if let f = standard.factIndex(name) {
                columns.append(.fact(f))
            } else if ignoring.contains(name) {
                columns.append(.fact(-1))
            } else {
                let hint = Suggestion.hint(for: name, in: known)
                problems.append(Diagnostic(location: SourceLocation(file: file, line: 1, column: n + 1), field: name,
                                           message: LocalizedText(vi: "cột không được biết “\(name)”.\(hint.vi)",
                                                                  en: "unknown column “\(name)”.\(hint.en)")))
                columns.append(.fact(-1))
            }
        }
        var seen = Set<String>()
        for (n, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if !seen.insert(name).inserted {
                problems.append(Diagnostic(location: SourceLocation(file: file, line: 1, column: n + 1), field: name,
                                           message: LocalizedText(vi: "cột “\(name)” xuất hiện hai lần", en: "column “\(name)” appears twice")))
            }
        }
        let present = Set(header.map { $0.trimmingCharacters(in: .whitespaces) })
        for (name, _) in EvidenceCSV.required where !present.contains(name) {
            problems.append(Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), field: name,
                                       message: LocalizedText(vi: "thiếu cột bắt buộc “\(name)”",
                                                              en: "missing required column “\(name)”")))
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.columns = columns
        names = header
        hasItems = standard.hasItems
    }

    /// Reads one row into evidence, or every problem in it.
    public func evidence(_ fields: [String], line: Int) -> Result<Evidence, InputError> {
        var problems: [Diagnostic] = []
        func problem(_ n: Int, _ message: LocalizedText) {
            problems.append(Diagnostic(location: SourceLocation(file: file, line: line, column: n + 1),
                                       field: n < names.count ? names[n] : "", message: message))
        }
        if fields.count != columns.count {
            problem(min(fields.count, columns.count), LocalizedText(
                vi: "dòng có \(fields.count) ô, tiêu đề có \(columns.count) cột",
                en: "the row has \(fields.count) cells, the header \(columns.count) columns"))
            return .failure(InputError(problems))
        }
        var id = "", name = "", province = ""
        var unitType: UnitType?
        var from: CalendarDate?, to: CalendarDate?
        var attributes = [Bool?](repeating: nil, count: standard.attributes.count)
        var facts = [FactValue?](repeating: nil, count: standard.facts.count)
        var factColumns = [Int](repeating: -1, count: standard.facts.count)
        var commune: String?
        var assessment = Assessment.selfAssessment
        var vetoEvents: [VetoEvent]?
        for (n, column) in columns.enumerated() {
            let cell = FactText.trimmed(fields[n])
            switch column {
            // Identifiers in NFC too: the YAML reader composes them, and one unit must not become two.
            case .id: id = ComposedText.nfc(cell)
            case .name: name = ComposedText.nfc(cell)
            case .province: province = ComposedText.nfc(cell)
            case .commune:
                commune = cell.isEmpty ? nil : ComposedText.nfc(cell)
            case .assessment:
                guard !cell.isEmpty else { continue }
                switch FactText.choice(cell, named: FactText.assessmentName) as Result<Assessment, FactProblem> {
                case .success(let value): assessment = value
                case .failure(let p): problem(n, p.message)
                }
            case .veto(let v):
                switch FactText.vetoCell(cell) {
                case .success(nil): break
                case .success(let declared?):
                    var events = vetoEvents ?? []
                    if declared.happened { events.append(VetoEvent(veto: v, date: declared.date, description: nil)) }
                    vetoEvents = events
                case .failure(let p): problem(n, p.message)
                }
            case .unitType:
                switch FactText.unitType(cell, standard: standard) {
                case .success(let type): unitType = type
                case .failure(let p): problem(n, p.message)
                }
            case .from, .to:
                guard let date = CalendarDate(iso: cell) else {
                    problem(n, LocalizedText(vi: "cần một ngày dạng YYYY-MM-DD có thật, gặp “\(cell)”",
                                             en: "expected a real date as YYYY-MM-DD, found “\(cell)”"))
                    continue
                }
                if case .from = column { from = date } else { to = date }
            case .attribute(let a):
                guard !cell.isEmpty else { continue }
                switch FactText.parse(cell, type: .boolean) {
                case .success(.boolean(let flag)): attributes[a] = flag
                case .success: break
                case .failure(let p): problem(n, p.message)
                }
            case .fact(let f):
                guard f >= 0, !cell.isEmpty else { continue }
                switch FactText.parse(cell, type: standard.facts[f].type) {
                case .success(let value):
                    facts[f] = value
                    factColumns[f] = n
                case .failure(let p): problem(n, p.message)
                }
            }
        }
        for (label, value, column) in [("unit.id", id, Column.id), ("unit.name", name, .name), ("unit.province", province, .province)]
            where value.isEmpty {
            let n = columns.firstIndex(of: column) ?? 0
            problem(n, LocalizedText(vi: "thiếu giá trị cho \(label)", en: "no value for \(label)"))
        }
        var period: Period?
        if let from, let to {
            switch FactText.period(from: from, to: to, standard: standard) {
            case .success(let p): period = p
            case .failure(let p):
                let n = columns.firstIndex(of: .to) ?? 0
                problem(n, p.message)
            }
        }
        for (f, p) in FactText.inconsistencies(facts, standard: standard) { problem(factColumns[f], p.message) }
        if hasItems {
            for (f, p) in FactText.answerProblems(facts, standard: standard) {
                problem(factColumns[f] >= 0 ? factColumns[f] : (columns.firstIndex(of: .fact(f)) ?? 0), p.message)
            }
        }
        guard problems.isEmpty, let unitType, let period else { return .failure(InputError(problems)) }
        return .success(Evidence(
            unit: UnitInfo(id: id, name: name, province: province, unitType: unitType, attributes: attributes,
                           commune: commune),
            period: period, facts: facts, sources: [FactSource?](repeating: nil, count: standard.facts.count),
            vetoEvents: vetoEvents, assessment: assessment))
    }

    /// Whether a row holds a unit: not blank (spreadsheets leave rows of empty cells below a
    /// table) and not a remark (a first cell starting with #, as the item texts of a blank form).
    public static func isData(_ fields: [String]) -> Bool {
        if fields.allSatisfy({ FactText.trimmed($0).isEmpty }) { return false }
        return fields.first.map { !FactText.trimmed($0).hasPrefix("#") } ?? false
    }

    /// The header line for evidence of this standard, in the column order `row(_:)` writes.
    public static func header(for standard: Standard) -> [String] {
        let checklist = standard.hasItems ? ["unit.commune", "assessment"] : []
        return required.map(\.0) + checklist + standard.attributes.map { "unit.\($0.id)" } + standard.facts.map(\.id)
            + standard.recognition.vetoes.map { "veto.\($0.id)" }
    }

    /// One evidence record as cells in `header(for:)` order.
    public static func row(_ evidence: Evidence, standard: Standard) -> [String] {
        var cells = [evidence.unit.id, evidence.unit.name, evidence.unit.province, evidence.unit.unitType.rawValue,
                     evidence.period.from.description, evidence.period.to.description]
        if standard.hasItems { cells += [evidence.unit.commune ?? "", evidence.assessment.rawValue] }
        cells += evidence.unit.attributes.map { $0.map { $0 ? "true" : "false" } ?? "" }
        cells += evidence.facts.map { value in value.map(EvidenceSnapshot.text) ?? "" }
        for v in standard.recognition.vetoes.indices {
            guard let events = evidence.vetoEvents else {
                cells.append("")
                continue
            }
            let happened = events.filter { $0.veto == v }
            cells.append(happened.isEmpty ? "không" : happened.first?.date?.description ?? "có")
        }
        return cells
    }
}
