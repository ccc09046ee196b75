import Foundation
import PhuhopCore
import PhuhopStore

/// The checks on a new user shared by `phuhop user add` and the users page.
public enum NewUser {
    /// Why the user cannot be added.
    public struct Problem: Error, Sendable {
        public var message: LocalizedText
    }

    /// The account for these inputs, with its password hashed; refuses a blank or long name, a
    /// short password, an unknown role, and a scope that does not fit the role.
    public static func account(name rawName: String, role rawRole: String, password: String, scope: [String],
                               passwords: Passwords) throws -> UserAccount {
        let name = Credentials.name(rawName)
        let password = Credentials.password(password)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: \.isNewline) else {
            throw Problem(message: LocalizedText(vi: "tên đăng nhập cần từ 1 đến 64 ký tự", en: "the user name needs 1 to 64 characters"))
        }
        guard let role = UserRole(rawValue: rawRole) else {
            throw Problem(message: LocalizedText(vi: "vai trò “\(rawRole)” không có; dùng admin, evaluator, school hoặc viewer",
                                                 en: "no role “\(rawRole)”; use admin, evaluator, school or viewer"))
        }
        guard password.count >= Passwords.minimumLength else {
            throw Problem(message: LocalizedText(vi: "mật khẩu cần ít nhất \(Passwords.minimumLength) ký tự",
                                                 en: "the password needs at least \(Passwords.minimumLength) characters"))
        }
        switch role {
        case .school:
            guard scope.count == 1, let school = scope.first else {
                throw Problem(message: LocalizedText(vi: "tài khoản nhà trường cần đúng một mã trường", en: "a school account needs exactly one school id"))
            }
            return UserAccount(name: name, role: role, passwordHash: passwords.hash(password), school: school)
        case .evaluator:
            guard !scope.isEmpty else {
                throw Problem(message: LocalizedText(vi: "đánh giá viên cần ít nhất một đơn vị được giao", en: "an evaluator needs at least one assigned unit"))
            }
            return UserAccount(name: name, role: role, passwordHash: passwords.hash(password), units: Set(scope))
        case .admin, .viewer:
            guard scope.isEmpty else {
                throw Problem(message: LocalizedText(vi: "vai trò \(role.rawValue) không có phạm vi", en: "the \(role.rawValue) role takes no scope"))
            }
            return UserAccount(name: name, role: role, passwordHash: passwords.hash(password))
        }
    }
}
