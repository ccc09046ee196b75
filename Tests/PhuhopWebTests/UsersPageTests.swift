import Foundation
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// Administrators add users on the web; the rules are those of `phuhop user add`.
@Suite struct UsersPageTests {
    @Test func anAdministratorAddsAnEvaluatorWithUnits() async throws {
        let fixture = try WebFixture()
        let page = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            let csrf = try await browser.csrf()
            return try await browser.post("/users", [("csrf", csrf), ("name", "lan"), ("role", "evaluator"),
                                                     ("scope", "DEMO-X010, DEMO-X011"), ("password", "long enough password")])
        }
        #expect(page.status == .ok)
        #expect(page.body.contains("Đã thêm lan."))
        let lan = try #require(try fixture.store.user(named: "lan"))
        #expect(lan.units == ["DEMO-X010", "DEMO-X011"])
        #expect(lan.passwordHash.hasPrefix("$2b$"))
        #expect(try fixture.store.auditLog().contains { $0.action == .user && $0.actor == "admin" && $0.subject == "user:lan" })
    }

    @Test(arguments: [
        ("", "viewer", "", "long enough password", "tên đăng nhập cần từ 1 đến 64 ký tự"),
        ("x", "boss", "", "long enough password", "vai trò “boss” không có"),
        ("x", "viewer", "", "short", "mật khẩu cần ít nhất 10 ký tự"),
        ("x", "school", "", "long enough password", "tài khoản nhà trường cần đúng một mã trường"),
        ("x", "evaluator", "", "long enough password", "đánh giá viên cần ít nhất một đơn vị được giao"),
        ("x", "viewer", "DEMO-X001", "long enough password", "vai trò viewer không có phạm vi"),
        ("x", "evaluator", "NOPE", "long enough password", "không có đơn vị “NOPE”"),
        ("vera", "viewer", "", "long enough password", "đã có người dùng “vera”"),
    ])
    func aUserThatCannotBeAddedIsExplained(_ name: String, _ role: String, _ scope: String, _ password: String, _ message: String) async throws {
        let fixture = try WebFixture.shared.get()
        let before = try fixture.store.users().count
        let page = try await fixture.test { browser in
            try await browser.signIn("admin", fixture.adminPassword)
            return try await browser.post("/users", [("csrf", try await browser.csrf()), ("name", name), ("role", role),
                                                     ("scope", scope), ("password", password)])
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains(message))
        #expect(try fixture.store.users().count == before)
    }
}
