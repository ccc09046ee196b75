import Foundation
import PhuhopCore

/// Renders a batch: one line per unit as it is decided, and the summary at the end.
public struct BatchReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, markdown, text, html
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
                d.unitClass.map { standard.recognition.classes[$0].id } ?? "", d.outcome.id(for: standard.kind),
                d.provisional ? "true" : "false", d.total.map(String.init) ?? "", String(d.lowestTotal),
                String(d.highestTotal), d.threshold.map(String.init) ?? "", d.shortfall.map(String.init) ?? "",
                zero.joined(separator: " "), d.missing.map { ReasonText.missingID($0, standard: standard) }.joined(separator: " "),
                DistanceToRecognition(d, standard: standard).map { $0.plan.map { DistanceText.brief($0, standard: standard) } ?? "—" } ?? ""]
    }

    /// What opens the per-unit list.
    public var listHeader: String {
        switch format {
        case .csv: return CSVText.line(Self.columns) + "\n"
        case .html: return "<table>\n<tr>" + Self.columns.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
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
        case .html: return "<tr>" + values.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
        case .markdown, .text:
            return "| " + values.map(Markup.tableCell).joined(separator: " | ") + " |\n"
        case .json:
            let object = JSONValue.object(zip(Self.columns, values).map { ($0.0, .string($0.1)) })
            return (first ? "\n    " : ",\n    ") + object.rendered(pretty: false)
        }
    }

    /// The summary, as text, Markdown or a JSON object.
    public func summary(_ s: BatchSummary) -> String {
        let vi = language == .vi
        if format == .json { return summaryJSON(s).rendered() }
        var out: [String] = []
        out.append(heading(1, vi ? "Tổng hợp đánh giá" : "Assessment summary"))
        out.append(paragraph("\(standard.title(language)) (\(standard.id))"))
        let a = s.all
        out.append(items([
            vi ? "Số đơn vị đã chấm: \(a.total)" : "Units scored: \(a.total)",
            standard.kind == .checklist
                ? (vi ? "Đạt: \(a.recognized) (\(share(a)))" : "Pass: \(a.recognized) (\(share(a)))")
                : (vi ? "Đạt chuẩn (công nhận): \(a.recognized) (\(share(a)))" : "Recognised: \(a.recognized) (\(share(a)))"),
            standard.kind == .checklist
                ? (vi ? "Chưa đạt: \(a.notRecognized)" : "Not yet passed: \(a.notRecognized)")
                : (vi ? "Không đạt: \(a.notRecognized)" : "Not recognised: \(a.notRecognized)"),
            vi ? "Chưa đủ căn cứ: \(a.undetermined)" : "Undetermined: \(a.undetermined)",
            vi ? "Kết quả tạm thời (dựa trên giá trị tạm dùng): \(a.provisional)" : "Provisional decisions (resting on working values): \(a.provisional)",
            vi ? "Dòng/tệp bị từ chối: \(s.rejected)" : "Rows or files rejected: \(s.rejected)",
        ]))
        if !standard.targets.isEmpty {
            out.append(heading(2, vi ? "So với mục tiêu" : "Against the targets"))
            out.append(items(standard.targets.map { target in
                let need = s.unitsStillNeeded(for: target)
                let goal = DecimalText.percent(target.share.value, language: language)
                let mark = target.share.provenance.isOfficial ? "" : " [\(target.share.provenance.label(language))]"
                let status = need == 0 ? (vi ? "đã đạt" : "reached") : (vi ? "còn thiếu \(need) đơn vị" : "\(need) more units needed")
                let current = s.targetShare.map { DecimalText.percent($0, language: language) } ?? "—"
                let note = s.rejected > 0 ? (vi ? " (tính \(s.rejected) dòng bị từ chối là chưa đạt)" : " (counting \(s.rejected) rejected rows as not recognised)") : ""
                return "\(target.year): \(goal)\(mark) — \(current)\(note) — \(status)"
            }))
        }
        let head = vi ? ["", "đơn vị", "đạt", "không đạt", "chưa đủ căn cứ", "tỷ lệ đạt"]
                      : ["", "units", "recognised", "not recognised", "undetermined", "share recognised"]
        func rows(_ groups: [String: BatchSummary.Counts]) -> [[String]] {
            groups.sorted { $0.key < $1.key }.map { key, c in
                [key, String(c.total), String(c.recognized), String(c.notRecognized), String(c.undetermined), share(c)]
            }
        }
        out.append(heading(2, vi ? "Theo nhóm đơn vị" : "By class"))
        out.append(table(head, rows(s.byClass)))
        out.append(heading(2, vi ? "Theo tỉnh, thành phố" : "By province"))
        out.append(table(head, rows(s.byProvince)))
        if let near = s.near {
            out.append(heading(2, vi ? "Đơn vị cách ngưỡng không quá \(near) điểm (\(s.nearUnits.count))"
                                     : "Units within \(near) points of their threshold (\(s.nearUnits.count))"))
            let nearHead = vi ? ["unit.id", "tên", "tỉnh", "tổng điểm", "ngưỡng", "chênh lệch", "kết luận"]
                              : ["unit.id", "name", "province", "total", "threshold", "difference", "outcome"]
            out.append(table(nearHead, s.nearUnits.map { u in
                let difference = u.total - u.threshold
                return [u.id, u.name, u.province, String(u.total), String(u.threshold),
                        (difference > 0 ? "+" : "") + String(difference), u.outcome.id(for: standard.kind)]
            }))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// What wraps an HTML document around the summary and the list (nil for other formats).
    public var htmlPage: (open: String, close: String)? {
        guard format == .html else { return nil }
        let title = HTMLText.escape((language == .vi ? "Tổng hợp đánh giá — " : "Assessment summary — ") + standard.title(language))
        let style = "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:.5em 0}"
            + "td,th{border:1px solid #999;padding:.2em .5em;text-align:left}td.n{text-align:right}"
            + "@media print{body{margin:0}a{color:inherit}}"
        return ("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(title)</title>"
                + "<style>\(style)</style></head>\n<body>\n", "</table>\n</body>\n</html>\n")
    }

    private func share(_ c: BatchSummary.Counts) -> String {
        c.recognizedShare.map { DecimalText.percent($0, language: language) } ?? "—"
    }

    // MARK: markup, one walk for every format

    private func heading(_ level: Int, _ text: String) -> String {
        switch format {
        case .markdown: return "\n" + String(repeating: "#", count: level) + " " + text + "\n"
        case .html: return "<h\(level)>\(HTMLText.escape(text))</h\(level)>"
        case .csv, .text, .json: return "\n" + (level == 1 ? text.uppercased() : text)
        }
    }

    private func paragraph(_ text: String) -> String {
        format == .html ? "<p>\(HTMLText.escape(text))</p>" : "\n" + text + "\n"
    }

    private func items(_ list: [String]) -> String {
        switch format {
        case .markdown: return list.map { "- " + $0 }.joined(separator: "\n")
        case .html: return "<ul>" + list.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        case .csv, .text, .json: return list.joined(separator: "\n")
        }
    }

    private func table(_ head: [String], _ rows: [[String]]) -> String {
        if format == .html {
            let header = "<tr>" + head.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr>"
            let body = rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table>\n\(header)\n\(body)\n</table>"
        }
        let lines = ["| " + head.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: head.count)]
            + rows.map { "| " + $0.map(Markup.tableCell).joined(separator: " | ") + " |" }
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
                             ("outcome", .string(u.outcome.id(for: standard.kind)))])
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
        // One string built in place: map-and-join allocated twice per cell, once per row of a batch.
        var out = ""
        out.reserveCapacity(cells.reduce(cells.count) { $0 + $1.utf8.count })
        for (n, cell) in cells.enumerated() {
            if n > 0 { out.append(separator) }
            // Byte checks: `String.contains(String)` goes through Foundation and dominated batch time.
            if cell.utf8.contains(where: { $0 == mark || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
                out += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += cell
            }
        }
        return out
    }
}
