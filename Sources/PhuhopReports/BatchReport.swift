import Foundation
import PhuhopCore

/// Renders a batch: one line per unit as it is decided, and the summary at the end.
public struct BatchReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, markdown, text
    }

    public let format: Format
    public let language: Language
    public let standard: Standard

    public init(format: Format, language: Language, standard: Standard) {
        self.format = format
        self.language = language
        self.standard = standard
    }

    /// The columns of the per-unit list.
    public static let columns = ["unit.id", "unit.name", "unit.province", "unit.unitType", "class", "outcome", "provisional",
                                 "total", "lowestTotal", "highestTotal", "threshold", "shortfall", "zeroCriteria", "missing", "toRecognize"]

    /// The cells of one unit's line.
    public func cells(_ d: Decision) -> [String] {
        let zero = d.decisiveReasons.compactMap { r -> String? in
            guard r.code == .zeroCriterion, case .criterion(let c) = r.subject else { return nil }
            return standard.criteria[c].id
        }
        return [d.unit.id, d.unit.name, d.unit.province, d.unit.unitType.rawValue,
                d.unitClass.map { standard.recognition.classes[$0].id } ?? "", d.outcome.rawValue,
                d.provisional ? "true" : "false", d.total.map(String.init) ?? "", String(d.lowestTotal),
                String(d.highestTotal), d.threshold.map(String.init) ?? "", d.shortfall.map(String.init) ?? "",
                zero.joined(separator: " "), d.missing.map { ReasonText.missingID($0, standard: standard) }.joined(separator: " "),
                DistanceToRecognition(d, standard: standard).map { $0.plan.map { DistanceText.brief($0, standard: standard) } ?? "—" } ?? ""]
    }

    /// What opens the per-unit list.
    public var listHeader: String {
        switch format {
        case .csv: return CSVText.line(Self.columns) + "\n"
        case .markdown, .text:
            return "| " + Self.columns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: Self.columns.count) + "\n"
        case .json: return ""
        }
    }

    /// One unit's line in the list; `first` tells JSON whether a comma is needed.
    public func line(_ d: Decision, first: Bool) -> String {
        let values = cells(d)
        switch format {
        case .csv: return CSVText.line(values) + "\n"
        case .markdown, .text:
            return "| " + values.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        case .json:
            let object = JSONValue.object(zip(Self.columns, values).map { ($0.0, .string($0.1)) })
            return (first ? "\n    " : ",\n    ") + object.rendered(pretty: false)
        }
    }

    /// The summary, as text, Markdown or a JSON object.
    public func summary(_ s: BatchSummary) -> String {
        let vi = language == .vi
        switch format {
        case .json:
            return summaryJSON(s).rendered()
        case .csv, .text, .markdown:
            let md = format == .markdown
            var out: [String] = []
            out.append(md ? "# " + (vi ? "Tổng hợp đánh giá" : "Assessment summary") : (vi ? "TỔNG HỢP ĐÁNH GIÁ" : "ASSESSMENT SUMMARY"))
            out.append("")
            out.append("\(standard.title(language)) (\(standard.id))")
            out.append("")
            let a = s.all
            out.append((md ? "- " : "") + (vi ? "Số đơn vị đã chấm: \(a.total)" : "Units scored: \(a.total)"))
            out.append((md ? "- " : "") + (vi ? "Đạt chuẩn (công nhận): \(a.recognized) (\(share(a)))" : "Recognised: \(a.recognized) (\(share(a)))"))
            out.append((md ? "- " : "") + (vi ? "Không đạt: \(a.notRecognized)" : "Not recognised: \(a.notRecognized)"))
            out.append((md ? "- " : "") + (vi ? "Chưa đủ căn cứ: \(a.undetermined)" : "Undetermined: \(a.undetermined)"))
            out.append((md ? "- " : "") + (vi ? "Kết quả tạm thời (dựa trên giá trị tạm dùng): \(a.provisional)" : "Provisional decisions (resting on working values): \(a.provisional)"))
            out.append((md ? "- " : "") + (vi ? "Dòng/tệp bị từ chối: \(s.rejected)" : "Rows or files rejected: \(s.rejected)"))
            if !standard.targets.isEmpty {
                out.append("")
                out.append((md ? "## " : "") + (vi ? "So với mục tiêu" : "Against the targets"))
                for target in standard.targets {
                    let need = s.unitsStillNeeded(for: target)
                    let goal = DecimalText.percent(target.share.value, language: language)
                    let mark = target.share.provenance.isOfficial ? "" : " [\(target.share.provenance.label(language))]"
                    let status = need == 0
                        ? (vi ? "đã đạt" : "reached")
                        : (vi ? "còn thiếu \(need) đơn vị" : "\(need) more units needed")
                    out.append((md ? "- " : "") + "\(target.year): \(goal)\(mark) — \(share(a)) — \(status)")
                }
            }
            out.append("")
            out.append((md ? "## " : "") + (vi ? "Theo nhóm đơn vị" : "By class"))
            out.append(table(s.byClass.sorted { $0.key < $1.key }))
            out.append("")
            out.append((md ? "## " : "") + (vi ? "Theo tỉnh, thành phố" : "By province"))
            out.append(table(s.byProvince.sorted { $0.key < $1.key }))
            if let near = s.near {
                out.append("")
                out.append((md ? "## " : "") + (vi ? "Đơn vị cách ngưỡng không quá \(near) điểm (\(s.nearUnits.count))"
                                                    : "Units within \(near) points of their threshold (\(s.nearUnits.count))"))
                var lines = ["| unit.id | " + (vi ? "tên | tỉnh | tổng điểm | ngưỡng | chênh lệch | kết luận" : "name | province | total | threshold | difference | outcome") + " |",
                             "|---|---|---|---:|---:|---:|---|"]
                for u in s.nearUnits {
                    let difference = u.total - u.threshold
                    lines.append("| \(u.id) | \(u.name) | \(u.province) | \(u.total) | \(u.threshold) | \(difference > 0 ? "+" : "")\(difference) | \(u.outcome.rawValue) |")
                }
                out.append(lines.joined(separator: "\n"))
            }
            return out.joined(separator: "\n") + "\n"
        }
    }

    private func share(_ c: BatchSummary.Counts) -> String {
        c.recognizedShare.map { DecimalText.percent($0, language: language) } ?? "—"
    }

    private func table(_ rows: [(key: String, value: BatchSummary.Counts)]) -> String {
        let vi = language == .vi
        let head = vi ? ["", "đơn vị", "đạt", "không đạt", "chưa đủ căn cứ", "tỷ lệ đạt"]
                      : ["", "units", "recognised", "not recognised", "undetermined", "share recognised"]
        var lines = ["| " + head.joined(separator: " | ") + " |", "|---|---:|---:|---:|---:|---:|"]
        for (key, c) in rows {
            lines.append("| \(key) | \(c.total) | \(c.recognized) | \(c.notRecognized) | \(c.undetermined) | \(share(c)) |")
        }
        return lines.joined(separator: "\n")
    }

    private func summaryJSON(_ s: BatchSummary) -> JSONValue {
        func counts(_ c: BatchSummary.Counts) -> JSONValue {
            .object([("units", .int(Int64(c.total))), ("recognized", .int(Int64(c.recognized))),
                     ("notRecognized", .int(Int64(c.notRecognized))), ("undetermined", .int(Int64(c.undetermined))),
                     ("provisional", .int(Int64(c.provisional))),
                     ("recognizedShare", .string(c.recognizedShare.map { DecimalText.percent($0, language: .en) }))])
        }
        return .object([
            ("standard", .string(standard.id)), ("all", counts(s.all)), ("rejected", .int(Int64(s.rejected))),
            ("targets", .array(standard.targets.map { t in
                .object([("id", .string(t.id)), ("year", .int(Int64(t.year))),
                         ("share", .string(DecimalText.percent(t.share.value, language: .en))),
                         ("provenance", .string(t.share.provenance.rawValue)),
                         ("unitsStillNeeded", .int(Int64(s.unitsStillNeeded(for: t))))])
            })),
            ("byClass", .object(s.byClass.sorted { $0.key < $1.key }.map { ($0.key, counts($0.value)) })),
            ("byProvince", .object(s.byProvince.sorted { $0.key < $1.key }.map { ($0.key, counts($0.value)) })),
            ("near", s.near.map { near in
                .object([("points", .int(Int64(near))), ("units", .array(s.nearUnits.map { u in
                    .object([("id", .string(u.id)), ("name", .string(u.name)), ("province", .string(u.province)),
                             ("total", .int(Int64(u.total))), ("threshold", .int(Int64(u.threshold))),
                             ("outcome", .string(u.outcome.rawValue))])
                }))])
            } ?? .null),
        ])
    }
}

/// Writes CSV cells, quoting where needed.
public enum CSVText {
    /// Cells joined into one CSV line.
    public static func line(_ cells: [String], separator: Character = ",") -> String {
        let mark = separator.asciiValue ?? UInt8(ascii: ",")
        return cells.map { cell in
            // Byte checks: `String.contains(String)` goes through Foundation and dominated batch time.
            guard cell.utf8.contains(where: { $0 == mark || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
                return cell
            }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: String(separator))
    }
}
