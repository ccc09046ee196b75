import Foundation
import PhuhopCLI
import Testing

/// A school's path end to end: generate the form, fill it in, score it, print the report and
/// the remediation plan; an inspection set beside it; a commune's roll-up.
@Suite struct ChecklistCommandTests {
    let criteria = RepositoryPaths.criteria.path

    private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capturing(stdin: Data())
        let code = Phuhop.run(arguments + ["--criteria", criteria], console: console)
        return (code, console.output, console.errorOutput)
    }

    private func example(_ name: String) -> String {
        RepositoryPaths.examples.appendingPathComponent("checklists/\(name)").path
    }

    private func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-\(UUID().uuidString)-\(name)")
    }

    /// The blank form with the unit filled in and every item answered `dat` except those given.
    private func filledForm(_ answers: [String: String]) throws -> String {
        let blank = run(["template", "tt18-2023"])
        #expect(blank.code == 0)
        var lines: [String] = []
        for line in blank.out.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            let key = text.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
            switch key {
            case "id": text = "  id: th-thu"
            case "name": text = "  name: Trường Tiểu học Thử"
            case "province": text = "  province: Hà Nội"
            case "commune": text = "  commune: x-thu"
            case "from": text = "  from: 2025-09-05"
            case "to": text = "  to: 2026-05-31"
            default:
                if text.hasPrefix("  "), !text.hasPrefix("   "), key.contains("."), !key.contains(" ") {
                    text = "  \(key): \(answers[key] ?? "dat")"
                }
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    @Test func aBlankFormIsRejectedWithTheLineOfEachUnansweredItem() throws {
        let file = temporary("blank.yaml")
        #expect(run(["template", "tt18-2023", "--out", file.path]).code == 0)
        let result = run(["score", file.path])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("tiêu chí a.1 chưa có câu trả lời"))
        #expect(result.err.contains("tiêu chí e.7 chưa có câu trả lời"))
    }

    @Test func aFilledFormScoresWithItsRemediationPlan() throws {
        let file = temporary("form.yaml")
        try filledForm(["c.7": "Chưa đạt", "b.1": "chuaDat", "a.12": "notApplicable"]).write(to: file, atomically: true, encoding: .utf8)
        let result = run(["score", file.path])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("Kết quả:     CHƯA ĐẠT"))
        #expect(result.out.contains("47/49 tiêu chí áp dụng đạt (1 không áp dụng), cần 40; bắt buộc 24/25, cần 25"))
        #expect(result.out.contains("[mandatoryItemNotMet@c.7]"))
        #expect(result.out.contains("Kế hoạch khắc phục"))
        #expect(result.out.contains("Trước khi bắt đầu năm học mới 2026–2027"))
        #expect(result.out.contains("KẾT QUẢ TẠM THỜI"))
    }

    @Test func theTemplateNeverOverwritesAFilledForm() throws {
        let file = temporary("kept.yaml")
        try "filled".write(to: file, atomically: true, encoding: .utf8)
        let result = run(["template", "tt18-2023", "--out", file.path])
        #expect(result.code == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "filled")
    }

    @Test func theSurveySheetTemplateReadsBackAsABatch() throws {
        let sheet = run(["template", "qd548-2011", "--format", "csv"])
        #expect(sheet.code == 0)
        var lines = sheet.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("\"# "))
        let columns = lines[0].split(separator: ",").map(String.init)
        let row = columns.map { column -> String in
            switch column {
            case "unit.id": "h1"
            case "unit.name": "Hộ bà B"
            case "unit.province": "Hà Nội"
            case "unit.unitType": "ho-gia-dinh"
            case "period.from": "2025-01-01"
            case "period.to": "2025-12-31"
            case "unit.commune", "assessment": ""
            case "veto.child-injured-at-home": "không"
            default: "Đạt"
            }
        }
        lines.append(row.joined(separator: ","))
        let file = temporary("survey.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = run(["batch", file.path, "--standard", "qd548-2011", "--format", "csv"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("h1"))
        #expect(result.out.contains("pass"))
    }

    @Test func theHTMLReportIsPrintableAndEscapesWhatTheSchoolWrote() throws {
        let file = temporary("html.yaml")
        try filledForm(["a.2": "{answer: chuaDat, note: \"<script>x</script> & co\"}"]).write(to: file, atomically: true, encoding: .utf8)
        let result = run(["score", file.path, "--format", "html"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.hasPrefix("<!DOCTYPE html>"))
        #expect(result.out.contains("@page { size: A4"))
        #expect(result.out.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"))
        #expect(!result.out.contains("<script>"))
        #expect(result.out.contains("class=\"banner\""))
    }

    @Test func reviewListsTheItemsWhereInspectionDisagrees() {
        let result = run(["review", example("truong-th-kim-dong-tu-danh-gia.yaml"), example("truong-th-kim-dong-kiem-tra.yaml"),
                          "--lang", "en"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("They differ on 3 items"))
        #expect(result.out.contains("[a.5] (mandatory)"))
        #expect(result.out.contains("self-assessed not yet met, inspected met"))
        #expect(result.out.contains("Outcome changes: no"))
    }

    @Test func reviewRefusesTwoDifferentUnits() {
        let result = run(["review", example("truong-th-kim-dong-tu-danh-gia.yaml"), example("mam-non-hoa-sen.yaml")])
        #expect(result.code == 1)
        #expect(!result.err.isEmpty)
    }

    @Test func theRollUpShowsSharesBesideTheUnchangedCommuneDecision() {
        let commune = RepositoryPaths.examples.appendingPathComponent("phuong-ba-dinh-recognized.yaml").path
        let result = run(["rollup", "--commune", "01-00004", RepositoryPaths.examples.appendingPathComponent("checklists").path,
                          commune, "--lang", "en"])
        #expect(result.code == 0, "\(result.err)")
        // 10 households, 6 safe; the school's inspection stands over its self-assessment.
        #expect(result.out.contains("Safe homes: 6 of 10 households surveyed pass (60%)"))
        #expect(result.out.contains("Safe schools: 1 of 2 schools and groups pass (50%)"))
        // 60% is not more than 60%: standard 2 computed from the households is not met.
        #expect(result.out.contains("(6/10 = 60%)"))
        #expect(result.out.contains("Computed from the household and school results: s2.households, s2.households-participating"))
        #expect(result.out.contains("Recognised — PROVISIONAL, total 965/1000"))
    }
}
