import Foundation
import Testing

/// The application in a real browser: headless Chromium from Debian's packages, driven by
/// chromedriver, against the real `phuhop serve` started the way the README says, with
/// JavaScript switched off. A person signs in, enters a commune's evidence (first with a
/// mistake), reads and prints its decision, fills in a school's checklist, and sees the
/// province dashboard.
///
/// `.ci/run` installs Chromium and sets `PHUHOP_REQUIRE_BROWSER=1`, which makes a missing
/// browser a failure there; elsewhere the test is skipped without one.
@Suite(.serialized) struct BrowserTests {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var installed: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    @Test func theBrowserIsInstalledWhereTheTestsRequireIt() {
        if ProcessInfo.processInfo.environment["PHUHOP_REQUIRE_BROWSER"] == "1" {
            #expect(Self.installed, "chromium and chromedriver are required (PHUHOP_REQUIRE_BROWSER=1)")
        }
    }

    @Test(.enabled(if: installed), .timeLimit(.minutes(5)))
    func aPersonWalksThroughTheApplication() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try Background(try executable(), ["serve", "--port", "0", "--criteria", RepositoryPaths.criteria.path], in: folder)
        defer { server.stop() }
        // Started before anything is asked of it, so a failure below still stops it (defer).
        let started = try await server.waitFor("(Ctrl-C")
        let port = try #require(started.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression).map {
            String(started[$0].dropFirst("http://127.0.0.1:".count).dropLast())
        })
        let password = try #require(started.range(of: #"một lần: [A-Za-z0-9]+"#, options: .regularExpression).map {
            String(started[$0].dropFirst("một lần: ".count))
        })
        let site = "http://127.0.0.1:\(port)"
        let (driverProcess, endpoint) = try await startChromedriver(in: folder)
        defer { driverProcess.kill() }
        let browser = try await WebDriver.start(endpoint: endpoint, chromium: Self.chromium)
        // The browser is closed before the server stops: its open connections would hold the
        // server's graceful shutdown.
        do {
            try await walk(browser, site: site, password: password)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    private func walk(_ browser: WebDriver, site: String, password: String) async throws {
        let artifacts = ProcessInfo.processInfo.environment["PHUHOP_BROWSER_ARTIFACTS"].map { URL(fileURLWithPath: $0) }

        // Sign in: the list asks for it first, then comes back.
        try await browser.go(site + "/units")
        #expect(try await browser.url { $0.hasSuffix("/signin?next=%2Funits") }.hasSuffix("/signin?next=%2Funits"))
        try await browser.type("#name", "admin")
        try await browser.type("#password", password)
        try await browser.click("form[action^='/signin'] button[type=submit]")
        #expect(try await browser.url { $0 == site + "/units" } == site + "/units")
        let list = try await browser.source()
        #expect(list.contains("DỮ LIỆU DEMO"))
        #expect(list.contains("DEMO-X003"))

        // A commune's evidence: a mistake is shown next to its field, then corrected.
        try await browser.go(site + "/units/DEMO-X003")
        try await browser.click("#std-qd06-2019 a[href*='/evidence']")
        #expect(try await browser.url { $0.contains("/evidence?standard=qd06-2019") }.contains("/evidence?standard=qd06-2019"))
        try await browser.type("#f-facts-c02-births", "tám mươi")
        try await browser.type("#reason", "Đoàn đánh giá nhập lại số liệu")
        try await browser.click("form[action*='/evidence'] button[type=submit]")
        let refused = try await browser.source(containing: "f-facts-c02-births-error")
        #expect(refused.contains("id=\"f-facts-c02-births-error\""))
        #expect(refused.contains("Bằng chứng chưa được ghi"))
        try await browser.type("#f-facts-c02-births", "80")
        try await browser.type("#f-facts-c02-births-registered-on-time", "80")
        try await browser.click("form[action*='/evidence'] button[type=submit]")
        #expect(try await browser.url { $0.contains("/units/DEMO-X003?saved=1") }.contains("/units/DEMO-X003?saved=1"))
        let decided = try await browser.source()
        #expect(decided.contains("Đã ghi bằng chứng và ra quyết định mới."))
        #expect(decided.contains("Điểm từng tiêu chí"))
        #expect(decided.contains("Căn cứ:"))

        // The annex, printed to A4.
        try await browser.click("#std-qd06-2019 a[href*='/annex']")
        #expect(try await browser.source(containing: "TM. ĐOÀN ĐÁNH GIÁ").contains("TM. ĐOÀN ĐÁNH GIÁ"))
        let pdf = try await browser.printA4()
        #expect(pdf.prefix(5) == Data("%PDF-".utf8))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [0 0 595"))
        if let artifacts {
            try pdf.write(to: artifacts.appendingPathComponent("annex.pdf"))
        }

        // A school's checklist: part of it saved as a draft, then all of it submitted.
        try await browser.go(site + "/units/DEMO-T01/checklist?standard=tt18-2023")
        let met = try await browser.elements("input[type=radio][value=dat]")
        #expect(met.count == 50)
        for radio in met.prefix(10) { try await browser.click(element: radio) }
        try await browser.click("button[value=draft]")
        #expect(try await browser.source(containing: "Bản nháp lưu lúc").contains("Bản nháp lưu lúc"))
        for radio in try await browser.elements("input[type=radio][value=dat]").dropFirst(10) { try await browser.click(element: radio) }
        try await browser.click("button[value=submit]")
        #expect(try await browser.url { $0.contains("/units/DEMO-T01?saved=1") }.contains("/units/DEMO-T01?saved=1"))
        let result = try await browser.source()
        #expect(result.contains("ĐẠT"))
        #expect(result.contains("50/50"))

        // The province dashboard, with its charts.
        try await browser.go(site + "/dashboard")
        let dashboard = try await browser.source()
        #expect(dashboard.contains("Tiến độ so với mục tiêu"))
        #expect(dashboard.contains("<svg"))
        if let artifacts {
            try await browser.screenshot().write(to: artifacts.appendingPathComponent("dashboard.png"))
            try await browser.go(site + "/units/DEMO-X003")
            try await browser.screenshot().write(to: artifacts.appendingPathComponent("unit.png"))
        }
    }

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

    /// chromedriver on a free port, once it answers.
    private func startChromedriver(in folder: URL) async throws -> (Background, URL) {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...40_000)
            let process = try Background(URL(fileURLWithPath: Self.chromedriver), ["--port=\(port)"], in: folder)
            let endpoint = URL(string: "http://127.0.0.1:\(port)")
            for _ in 0..<50 {
                try await Task.sleep(for: .milliseconds(100))
                guard let endpoint, process.isRunning else { break }
                if let ready = try? await WebDriver.call(endpoint.appendingPathComponent("status"), "GET", nil) as? [String: Any],
                   ready["ready"] as? Bool == true {
                    return (process, endpoint)
                }
            }
            process.kill()
        }
        throw WebDriver.Failure(description: "chromedriver did not start")
    }
}

/// A program run in the background for a test, its output collected.
final class Background: @unchecked Sendable {
    private let process: Process
    private let output = Collected()

    /// What a program wrote, appended by the pipe's reader and read by the test.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        var current: String { lock.withLock { text } }
    }

    init(_ executable: URL, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.append(String(decoding: data, as: UTF8.self))
        }
        try process.run()
        self.process = process
    }

    var isRunning: Bool { process.isRunning }

    /// Ends the program at once.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// Everything written so far, once it holds `marker` (at most 60 s).
    func waitFor(_ marker: String) async throws -> String {
        for _ in 0..<600 {
            let text = output.current
            if text.contains(marker) { return text }
            if !process.isRunning { throw WebDriver.Failure(description: "the program stopped: \(text)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "no “\(marker)” in: \(output.current)")
    }

    /// Asks the program to stop (SIGTERM), and kills it if it has not within 10 s.
    func stop() {
        let pid = process.processIdentifier
        Foundation.kill(pid, SIGTERM)
        for _ in 0..<100 where process.isRunning { usleep(100_000) }
        Foundation.kill(pid, SIGKILL)
    }
}
