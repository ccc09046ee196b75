import ArgumentParser
import Foundation
import PhuhopStore
import PhuhopWeb

/// `phuhop user`: the people who sign in to the web application.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Người dùng ứng dụng web / Users of the web application.", subcommands: [UserAdd.self])
}

/// `phuhop user add`: adds a user; the first administrator is made this way.
struct UserAdd: PhuhopCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Thêm người dùng / Add a user (admin, evaluator, school or viewer).",
        discussion: """
            Không có --password-stdin: tạo mật khẩu ngẫu nhiên và in ra một lần.
            Without --password-stdin: makes a random password and prints it once.
            """)

    @Argument(help: "The user name.")
    var name: String

    @Option(help: "admin, evaluator (with --unit), school (with --school) or viewer.")
    var role: String

    @Option(help: "The school of a school account.")
    var school: String?

    @Option(help: "A unit an evaluator is assigned (repeatable).")
    var unit: [String] = []

    @Flag(help: "Read the password from standard input (its first line) instead of making one.")
    var passwordStdin = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var author: AuthorOption
    @OptionGroup var shared: SharedOptions

    func execute(_ console: Console) throws -> Int32 {
        let opened = try store.open()
        let made = passwordStdin ? nil : Secret.password()
        let password = made ?? String(decoding: console.readStandardInput(), as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let account: UserAccount
        do {
            account = try NewUser.account(name: name, role: role, password: password, scope: school.map { [$0] } ?? unit,
                                          passwords: Passwords())
        } catch let problem as NewUser.Problem {
            throw CommandError(vi: problem.message.vi, en: problem.message.en)
        }
        try opened.addUser(account, by: author.name)
        let vi = shared.lang == .vi
        console.write(vi ? "Đã thêm người dùng \(account.name) (\(account.role.rawValue)).\n"
                         : "Added user \(account.name) (\(account.role.rawValue)).\n")
        if let made {
            console.write(vi ? "Mật khẩu, chỉ in một lần: \(made)\n(Chỉ bản băm được lưu.)\n"
                             : "Password, printed only once: \(made)\n(Only its hash is kept.)\n")
        }
        return 0
    }
}
