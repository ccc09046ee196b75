import Foundation
import PhuhopCLI
import PhuhopStore
import Testing

/// Killing an import (SIGKILL, no chance to clean up) never leaves half of it in the database.
@Suite struct ImportKillTests {
    let criteria = RepositoryPaths.criteria.path

    /// The `phuhop` executable `swift test` built beside the tests.
    private func executable() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("phuhop"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("phuhop"),
            RepositoryPaths.root.appendingPathComponent(".build/debug/phuhop"),
        ].compactMap { $0 }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "no phuhop executable beside the tests: \(candidates.map(\.path))")
    }

    @Test func aKilledImportLeavesAllOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kill.sqlite").path
        let units = 3000
        // Three tables of the same units for three periods: each whole import adds a revision per unit.
        let first = folder.appendingPathComponent("t0.csv").path
        #expect(Phuhop.run(["synth", "--units", "\(units)", "--seed", "1", "--out", first, "--criteria", criteria],
                           console: Console.capturing(stdin: Data())) == 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains(",2023-11-01,2024-10-31,"))
        let tables = try (0..<3).map { k -> String in
            let path = folder.appendingPathComponent("t\(k + 1).csv").path
            try text.replacingOccurrences(of: ",2023-11-01,2024-10-31,", with: ",\(2023 + k)-11-01,\(2024 + k)-10-31,")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        #expect(Phuhop.run(["db", "init", "--db", db], console: Console.capturing(stdin: Data())) == 0)
        let binary = try executable()
        // Fixed delays, so a failure can be replayed; from before the transaction opens to near its end.
        let delays = [0.05, 0.3, 0.15, 0.6, 0.25, 0.9, 0.4, 0.1, 0.7, 0.35, 1.2, 0.2]
        var killed = 0
        for (n, delay) in delays.enumerated() {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["import", "--db", db, tables[n % 3], "--criteria", criteria]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            try checkWhole(db, units: units, after: n)
        }
        #expect(killed >= 3, "only \(killed) imports were killed mid-way: the delays no longer cover an import")
        // An import left to finish lands whole.
        let console = Console.capturing(stdin: Data())
        #expect(Phuhop.run(["import", "--db", db, tables[0], "--criteria", criteria], console: console) == 0, "\(console.errorOutput)")
        try checkWhole(db, units: units, after: delays.count)
    }

    /// The database is sound and every import in it is whole: each recorded import's revisions
    /// are all there, and there are no revisions from an import that was not recorded.
    private func checkWhole(_ db: String, units: Int, after n: Int) throws {
        let store = try Store(path: db)
        #expect(try store.integrityCheck() == "ok", "integrity after run \(n)")
        let imports = try store.importCounts()
        for (id, stored, unchanged, present) in imports {
            #expect(stored + unchanged == units, "import \(id) recorded \(stored) + \(unchanged) of \(units) after run \(n)")
            #expect(present == stored, "import \(id) has \(present) of its \(stored) revisions after run \(n)")
        }
        #expect(try store.revisionCount() == imports.reduce(0) { $0 + $1.stored }, "stray revisions after run \(n)")
    }
}
