import Foundation
import PhuhopCLI
import PhuhopStore
import PhuhopWeb
import Testing

/// `phuhop user add`, as the first administrator is made.
@Suite struct UserCommandTests {
    let criteria = RepositoryPaths.criteria.path
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-user-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("phuhop.sqlite").path
    }

    private func run(_ arguments: [String], stdin: String = "") -> (code: Int32, out: String, err: String) {
        let console = Console.capturing(stdin: Data(stdin.utf8))
        let code = Phuhop.run(arguments + ["--criteria", criteria], console: console)
        return (code, console.output, console.errorOutput)
    }

    @Test func theFirstAdministratorGetsAOneTimePasswordThatSignsIn() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["user", "add", "root", "--role", "admin", "--db", db]).err.contains("phuhop db init --db \(db)"))
        #expect(run(["db", "init", "--db", db]).code == 0)
        let added = run(["user", "add", "root", "--role", "admin", "--db", db, "--author", "setup"])
        #expect(added.code == 0)
        #expect(added.out.hasPrefix("Đã thêm người dùng root (admin).\nMật khẩu, chỉ in một lần: "))
        let password = try #require(added.out.split(separator: "\n")[1].split(separator: " ").last.map(String.init))
        #expect(password.count == 16)
        let user = try #require(try Store(path: db).user(named: "root"))
        #expect(user.role == .admin)
        #expect(await Passwords().verify(password, hash: user.passwordHash))
        #expect(!user.passwordHash.contains(password))
        #expect(try Store(path: db).auditLog().last?.actor == "setup")
    }

    @Test func aPasswordMayComeFromStandardInput() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["db", "init", "--db", db]).code == 0)
        let added = run(["user", "add", "vera", "--role", "viewer", "--password-stdin", "--db", db], stdin: "một mật khẩu dài\n")
        #expect(added.code == 0)
        #expect(!added.out.contains("Mật khẩu"))
        let user = try #require(try Store(path: db).user(named: "vera"))
        #expect(await Passwords().verify("một mật khẩu dài", hash: user.passwordHash))
    }

    @Test func badInputIsRefusedAndNothingIsAdded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["db", "init", "--db", db]).code == 0)
        let role = run(["user", "add", "x", "--role", "boss", "--db", db])
        #expect(role.code == 1)
        #expect(role.err == "lỗi: vai trò “boss” không có; dùng admin, evaluator, school hoặc viewer\n")
        let short = run(["user", "add", "x", "--role", "viewer", "--password-stdin", "--db", db], stdin: "short\n")
        #expect(short.code == 1)
        #expect(short.err.contains("mật khẩu cần ít nhất 10 ký tự"))
        let school = run(["user", "add", "x", "--role", "school", "--school", "NOPE", "--db", db, "--lang", "en"])
        #expect(school.code == 1)
        #expect(school.err == "error: no unit “NOPE” in the database\n")
        #expect(try Store(path: db).users().isEmpty)
        #expect(run(["user", "add", "x", "--role", "viewer", "--db", db]).code == 0)
        #expect(run(["user", "add", "x", "--role", "viewer", "--db", db]).err.contains("đã có người dùng “x”"))
    }
}
