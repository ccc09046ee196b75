import Foundation
import PhuhopCLI
import PhuhopStore
import Testing

/// The database commands as a user runs them: init, import, decide, history, verify, export,
/// merge-units, with bad input refused whole.
@Suite struct StoreCommandTests {
    let criteria = RepositoryPaths.criteria.path
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("phuhop.sqlite").path
    }

    private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let console = Console.capturing(stdin: Data())
        let code = Phuhop.run(arguments + ["--criteria", criteria], console: console)
        return (code, console.output, console.errorOutput)
    }

    private func example(_ name: String) -> String { RepositoryPaths.examples.appendingPathComponent(name).path }

    private var communes: [String] {
        ["phuong-ba-dinh-recognized.yaml", "xa-dak-ro-not-recognized.yaml", "xa-tan-hoa-undetermined.yaml"].map(example)
    }

    @Test func importDecideHistoryVerifyEndToEnd() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["decide", "--all", "--db", db]).err.contains("phuhop db init --db \(db)"))
        let created = run(["db", "init", "--db", db])
        #expect(created.code == 0 && created.out.contains("v1-units-evidence-audit, v2-decisions"))
        let imported = run(["import", "--db", db, "--author", "Nguyễn Văn A", "--reason", "số liệu 2024"] + communes)
        #expect(imported.code == 0)
        #expect(imported.out == "Lần nhập #1 vào \(db): 3 bản ghi mới, 0 không đổi, 0 bị bỏ qua.\n")
        let decided = run(["decide", "--all", "--db", db, "--author", "Tổ thẩm định", "--lang", "en"])
        #expect(decided.code == 0)
        #expect(decided.out.hasPrefix("3 new decisions, 0 standing ("))
        let one = run(["decide", "--unit", "62-dak-ro-ong", "--period", "2024", "--db", db])
        #expect(one.code == 0)
        #expect(one.out.contains("KẾT QUẢ TẠM THỜI"))
        #expect(one.out.contains("Quyết định #2 giữ nguyên"))
        let history = run(["history", "62-dak-ro-ong", "--db", db])
        #expect(history.code == 0)
        #expect(history.out.contains("lần 1 — Nguyễn Văn A"))
        #expect(history.out.contains("#2 qd06-2019 2023-11-01/2024-10-31: Không đạt chuẩn, không công nhận (800/800) — TẠM THỜI [hiện hành]"))
        let verified = run(["verify", "--db", db])
        #expect(verified.code == 0)
        #expect(verified.out == "Đã kiểm chứng 3 quyết định: 3 khớp (cùng kết quả, cùng mã băm), 0 không khớp.\n")
        #expect(run(["history", "nobody", "--db", db]).err == "lỗi: không có đơn vị “nobody” trong cơ sở dữ liệu\n")
    }

    @Test func anInvalidRowStoresNothingUnlessSkipped() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = run(["db", "init", "--db", db])
        let csv = folder.appendingPathComponent("units.csv")
        let synth = run(["synth", "--units", "5", "--seed", "3", "--out", csv.path])
        #expect(synth.code == 0)
        var lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        // Row 3 (line 4) gets a negative count in its twelfth column.
        var cells = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let births = try #require(header.firstIndex(of: "c02.births"))
        cells[births] = "-4"
        lines[3] = cells.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)

        let refused = run(["import", "--db", db, csv.path])
        #expect(refused.code == 1)
        #expect(refused.out.isEmpty)
        #expect(refused.err.contains("lỗi: \(csv.path):4:\(births + 1): c02.births: số đếm không được âm (-4)"))
        #expect(refused.err.contains("Không lưu gì: 1 dòng/tệp không hợp lệ"))
        let store = try Store(path: db)
        #expect(throws: StoreError.unknownUnit("SYN-000001")) { try store.history(of: "SYN-000001") }

        let rejects = folder.appendingPathComponent("rejects.csv")
        let skipped = run(["import", "--db", db, csv.path, "--skip-invalid", "--rejects", rejects.path])
        #expect(skipped.code == 0)
        #expect(skipped.out.contains("4 bản ghi mới, 0 không đổi, 1 bị bỏ qua"))
        let written = try String(contentsOf: rejects, encoding: .utf8).split(separator: "\n")
        #expect(written.count == 2 && written[0].hasSuffix(",error") && written[1].contains("c02.births"))
        #expect(try store.history(of: "SYN-000001").revisions.count == 1)
    }

    @Test func exportGivesACSVThatImportsAndScoresAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = run(["db", "init", "--db", db])
        let table = folder.appendingPathComponent("province.csv")
        _ = run(["synth", "--units", "40", "--seed", "9", "--out", table.path])
        _ = run(["import", "--db", db, table.path])
        let exported = folder.appendingPathComponent("export.csv")
        #expect(run(["export", "--db", db, "--out", exported.path]).code == 0)
        // The table comes back as it went in, and importing it again changes nothing.
        #expect(try String(contentsOf: exported, encoding: .utf8) == String(contentsOf: table, encoding: .utf8))
        #expect(run(["import", "--db", db, exported.path]).out.contains("0 bản ghi mới, 40 không đổi"))
        // Evidence files with sources: the CSV keeps the values (batch scores them), the JSON archive
        // keeps everything.
        _ = run(["import", "--db", db] + communes)
        let batch = run(["batch", exported.path, "--format", "csv"])
        #expect(batch.code == 0 && batch.out.split(separator: "\n").count == 41)
        let archive = run(["export", "--db", db, "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(archive.out.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 43)
        let dakRo = parsed?.first { $0["unit"] as? String == "62-dak-ro-ong" }
        let facts = (dakRo?["evidence"] as? [String: Any])?["facts"] as? [String: Any]
        let abused = facts?["c03.children-abused"] as? [String: Any]
        #expect((abused?["source"] as? [String: Any])?["collectedBy"] as? String == "Y Hoa")
    }

    @Test func mergeUnitsKeepsTheOldUnitsHistory() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = run(["db", "init", "--db", db])
        _ = run(["import", "--db", db] + communes)
        _ = run(["decide", "--all", "--db", db])
        let merged = run(["merge-units", "62-dak-ro-ong", "--into", "62-moi", "--name", "Xã Đắk Mới", "--province", "Quảng Ngãi",
                          "--unit-type", "xa", "--date", "2025-07-01", "--document", "NQ 1664/NQ-UBTVQH15", "--db", db])
        #expect(merged.code == 0)
        let history = run(["history", "62-moi", "--db", db, "--lang", "en"])
        #expect(history.out.contains("62-dak-ro-ong Xã Đắk Rơ Ông, from 2025-07-01 under NQ 1664/NQ-UBTVQH15"))
        #expect(history.out.contains("62-dak-ro-ong: #2 qd06-2019"))
        let bad = run(["merge-units", "62-dak-ro-ong", "--into", "62-moi", "--date", "2025-02-30", "--db", db])
        #expect(bad.code == 1 && bad.err.contains("2025-02-30"))
        let again = run(["merge-units", "62-dak-ro-ong", "--into", "62-moi", "--date", "2025-07-01", "--db", db])
        #expect(again.code == 1 && again.err.contains("đã được ghi là sáp nhập vào 62-moi"))
    }
}
