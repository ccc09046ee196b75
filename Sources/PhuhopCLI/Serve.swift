import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore
import PhuhopWeb
import Synchronization

/// `phuhop serve`: the web application over the store.
struct Serve: PhuhopCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy ứng dụng web / Run the web application over the database.",
        discussion: """
            Không chỉ định --db: dùng phuhop.sqlite, và nếu chưa có thì tạo mới với một tỉnh demo (dữ liệu giả lập) \
            và in mật khẩu của tài khoản admin (chỉ in một lần).
            Without --db: uses phuhop.sqlite, and when it does not exist creates it with a demo province (synthetic \
            data) and prints the admin account's password (printed only once).
            """)

    @Option(help: "The database file (default: phuhop.sqlite, created with demo data when missing).")
    var db: String?

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Flag(help: "Mark cookies Secure (sent over HTTPS only), for a server behind an HTTPS proxy.")
    var secureCookies = false

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func execute(_ console: Console) throws -> Int32 {
        let location = try CriteriaLocation(option: shared.criteria)
        let standards = try location.standardIDs().map { try location.load($0) }
        var variants: [String: LoadedStandard] = [:]
        let variantsFolder = location.root.appendingPathComponent("variants")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: variantsFolder.path)) ?? [] where !name.hasPrefix(".") {
            variants[name] = try location.loadVariant(name)
        }
        let path = db ?? "phuhop.sqlite"
        let vi = shared.lang == .vi
        let store: Store
        if db == nil && !FileManager.default.fileExists(atPath: path) {
            guard let commune = standards.first(where: { $0.standard.id == "qd06-2019" }) else {
                throw CommandError(vi: "không có bộ tiêu chí qd06-2019 để tạo dữ liệu demo", en: "no qd06-2019 standard to make the demo data with")
            }
            // Seeded beside the final file and moved into place only when whole: a seed that
            // fails leaves no half-made database to be opened next time.
            let seeding = path + ".seeding"
            let password: String
            do {
                password = try Self.seed(at: seeding, commune: commune, school: standards.first { $0.standard.id == "tt18-2023" })
                try FileManager.default.moveItem(atPath: seeding, toPath: path)
            } catch {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: seeding + suffix) }
                throw error
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: seeding + suffix) }
            store = try Store(path: path)
            console.write(vi
                ? "Đã tạo \(path) với dữ liệu demo (\(DemoSeed.province): \(DemoSeed.communes) xã, phường, \(DemoSeed.schools) trường; số liệu giả lập).\n"
                  + "Tài khoản quản trị: \(DemoSeed.admin)  mật khẩu, chỉ in một lần: \(password)\n"
                  + "(Chỉ bản băm được lưu.)\n"
                : "Created \(path) with demo data (\(DemoSeed.province): \(DemoSeed.communes) communes and wards, \(DemoSeed.schools) schools; synthetic figures).\n"
                  + "Administrator: \(DemoSeed.admin)  password, printed only once: \(password)\n"
                  + "(Only its hash is kept.)\n")
        } else {
            store = try Store(path: path)
            if try !store.hasAdministrator() {
                console.write(vi ? "Chưa có tài khoản quản trị; tạo bằng: phuhop user add TÊN --role admin --db \(path)\n"
                                 : "No administrator yet; add one with: phuhop user add NAME --role admin --db \(path)\n")
            }
        }
        let services = try WebServices(store: store, standards: standards, variants: variants, secureCookies: secureCookies)
        let application = WebApplication.build(services, host: host, port: port) { port in
            console.write(vi ? "Phuhop đang chạy tại http://\(host):\(port)/ (Ctrl-C để dừng)\n"
                             : "Phuhop is running at http://\(host):\(port)/ (Ctrl-C to stop)\n")
        }
        // The command line is synchronous: the server runs on Swift's concurrency threads while
        // this one waits for it to stop (Ctrl-C or SIGTERM end it gracefully).
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<String?>(nil)
        Task {
            do {
                try await application.runService()
            } catch {
                outcome.withLock { $0 = "\(error)" }
            }
            finished.signal()
        }
        finished.wait()
        if let failure = outcome.withLock({ $0 }) {
            // NIO's error names the errno in its text only (the CLI does not link NIO itself).
            if failure.contains("Address already in use") {
                throw CommandError(vi: "cổng \(port) trên \(host) đang được dùng; chọn cổng khác bằng --port",
                                   en: "port \(port) on \(host) is in use; choose another with --port")
            }
            throw CommandError(vi: "máy chủ dừng vì lỗi: \(failure)", en: "the server stopped on an error: \(failure)")
        }
        return 0
    }

    /// Makes a demo database at `path`, folded into one file; returns the administrator's
    /// password, which is printed once and never stored in clear.
    private static func seed(at path: String, commune: LoadedStandard, school: LoadedStandard?) throws -> String {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store(path: path, create: true)
        let password = try DemoSeed.seed(store, commune: commune, school: school, passwords: Passwords())
        try store.checkpoint()
        return password
    }
}
