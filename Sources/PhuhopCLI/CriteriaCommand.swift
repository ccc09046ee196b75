import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

/// `phuhop criteria`: lists, shows and audits the standards.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract: "Xem và kiểm kê bộ tiêu chí / List, show and audit standards.",
        subcommands: [List.self, Show.self, Audit.self])

    struct List: PhuhopCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các bộ tiêu chí / List the standards.")

        @OptionGroup var shared: SharedOptions

        func execute(_ console: Console) throws -> Int32 {
            let location = try CriteriaLocation(option: shared.criteria)
            let vi = shared.lang == .vi
            var lines: [String] = []
            for id in location.standardIDs() {
                let loaded = try location.load(id)
                let s = loaded.standard
                let unverified = s.allValues.filter { s.provenance(of: $0) != .verified }.count
                let provisional = s.allValues.filter { s.provenance(of: $0) == .provisional }.count
                let to = s.effective.value.to.map { $0.vietnamese } ?? (vi ? "nay" : "now")
                lines.append("\(s.id)  \(s.version)  \(s.title(shared.lang))")
                lines.append(vi
                    ? "    hiệu lực \(s.effective.value.from.vietnamese) – \(to); \(s.criteria.count) tiêu chí, \(s.maximum.value) điểm; \(unverified) giá trị chưa kiểm chứng (\(provisional) tạm dùng); sha256 \(loaded.hash.prefix(12))"
                    : "    in force \(s.effective.value.from.vietnamese) – \(to); \(s.criteria.count) criteria, \(s.maximum.value) points; \(unverified) values not verified (\(provisional) provisional); sha256 \(loaded.hash.prefix(12))")
            }
            console.write(lines.joined(separator: "\n") + "\n")
            return 0
        }
    }

    struct Show: PhuhopCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hiển thị một bộ tiêu chí với điểm, dải và nguồn gốc / Show a standard with points, bands and provenance.")

        @Argument(help: "Standard id, such as qd06-2019.")
        var id: String

        @OptionGroup var shared: SharedOptions

        func execute(_ console: Console) throws -> Int32 {
            let loaded = try CriteriaLocation(option: shared.criteria).load(id)
            let s = loaded.standard
            let l = shared.lang
            let vi = l == .vi
            var out: [String] = ["\(s.title(l)) (\(s.id) \(s.version))", s.citation, ""]
            func mark(_ p: Provenance) -> String { "[\(p.label(l))]" }
            // The rules the standard states, each with its mark, in the order the audit lists them.
            out.append(vi ? "Điều kiện đạt:" : "Rules:")
            for reference in s.allValues {
                switch reference {
                case .noZeroCriterion, .mandatoryItems, .minimumShare, .allMandatory, .notApplicable, .threshold,
                     .mandatoryThreshold, .classRule, .veto:
                    let d = s.describe(reference, language: l)
                    out.append("  \(d.path) = \(d.value) \(mark(d.provenance))")
                default:
                    break
                }
            }
            for criterion in s.criteria {
                out.append("")
                out.append("\(criterion.number). \(criterion.name(l)) — \(vi ? "tối đa" : "max") \(criterion.maximum.value) \(mark(criterion.maximum.provenance))")
                for indicator in criterion.indicators {
                    out.append("   \(indicator.id) \(indicator.name(l)) \(mark(indicator.provenance))")
                    switch indicator.scoring {
                    case .activity(let fact, let points):
                        out.append("      \(s.facts[fact].id) = true → \(points.value) \(mark(points.provenance))")
                    case .item(let item):
                        let mandatory = item.mandatory.value ? (vi ? "bắt buộc" : "mandatory") : (vi ? "không bắt buộc" : "not mandatory")
                        let na = item.mayBeNotApplicable ? (vi ? "; có thể không áp dụng" : "; may be not applicable") : ""
                        out.append("      \(mandatory) \(mark(item.mandatory.provenance))\(na)")
                    case .count, .ratio:
                        for band in indicator.bands {
                            out.append("      \(band.rangeText(percent: indicator.isRate, language: l)) → \(band.points) \(mark(band.provenance))")
                        }
                        if case .ratio(let ratio) = indicator.scoring, let zero = ratio.ifDenominatorZero {
                            let text = zero.value.points.map(String.init) ?? (vi ? "chưa chấm được" : "undetermined")
                            out.append("      \(vi ? "mẫu số = 0" : "denominator = 0") → \(text) \(mark(zero.provenance))")
                        }
                    }
                }
            }
            console.write(out.joined(separator: "\n") + "\n")
            return 0
        }
    }

    struct Audit: PhuhopCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê mọi giá trị chưa được kiểm chứng / List every value that is not verified.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "Standard id, such as qd06-2019.")
        var id: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var shared: SharedOptions

        func execute(_ console: Console) throws -> Int32 {
            let loaded = try CriteriaLocation(option: shared.criteria).load(id)
            let s = loaded.standard
            let l = shared.lang
            let values = s.allValues.map { s.describe($0, language: l) }.filter { $0.provenance != .verified }
            switch format {
            case .json:
                let items: [JSONValue] = values.map { d in
                    guard case .object(var fields) = DecisionJSON.value(d, l) else { return .null }
                    fields.append(("location", .string(loaded.location(of: d.reference).description)))
                    return .object(fields)
                }
                let json: JSONValue = .object([
                    ("standard", .string(s.id)), ("hash", .string(loaded.hash)),
                    ("count", .int(Int64(values.count))), ("values", .array(items)),
                ])
                console.write(json.rendered() + "\n")
            case .text:
                let vi = l == .vi
                var out = [vi
                    ? "\(s.id): \(values.count) giá trị chưa được kiểm chứng (cần đối chiếu với văn bản chính thức)"
                    : "\(s.id): \(values.count) values not verified (to check against the official text)"]
                for d in values {
                    out.append("")
                    out.append("\(d.path) = \(d.value)  [\(d.provenance.label(l))]")
                    out.append("   \(vi ? "vị trí" : "where"): \(loaded.location(of: d.reference))")
                    out.append("   \(vi ? "đối chiếu" : "check against"): \(d.citation ?? "—")")
                    if let note = d.note { out.append("   \(vi ? "ghi chú" : "note"): \(note(l))") }
                }
                console.write(out.joined(separator: "\n") + "\n")
            }
            return 0
        }
    }
}
