import ArgumentParser
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore

/// A subcommand that writes through a `Console` and returns its exit status.
protocol PhuhopCommand: ParsableCommand {
    /// The shared options, for the language errors are rendered in.
    var shared: SharedOptions { get }
    func execute(_ console: Console) throws -> Int32
}

/// The `phuhop` command line.
public struct Phuhop: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "phuhop",
        abstract: "Chấm điểm xã, phường, thị trấn phù hợp với trẻ em / Score child-friendly communes (QĐ 06/QĐ-TTg).",
        subcommands: [Score.self, Batch.self, Compare.self, Template.self, Review.self, RollUp.self, Synth.self, Check.self,
                      CriteriaCommand.self, TestCases.self,
                      DatabaseCommand.self, Import.self, Export.self, Decide.self, History.self, Verify.self, MergeUnits.self,
                      Serve.self, UserCommand.self])

    public init() {}

    /// Runs the command line and returns the exit status: 0 success, 1 invalid input or
    /// failed cases, 2 usage. Every error is rendered here, in one place.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        if let type = helpTarget(arguments) {
            console.write(helpMessage(for: type) + "\n")
            return 0
        }
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.write(message + "\n")
                return 0
            }
            console.error(message + "\n")
            return 2
        }
        guard let runnable = command as? any PhuhopCommand else {
            console.write(helpMessage(for: type(of: command)) + "\n")
            return 0
        }
        let language = runnable.shared.lang
        do {
            return try runnable.execute(console)
        } catch let error as InputError {
            for diagnostic in error.diagnostics {
                console.error((language == .vi ? "lỗi: " : "error: ") + diagnostic.rendered(language) + "\n")
            }
            return 1
        } catch let error as StoreError {
            console.error((language == .vi ? "lỗi: " : "error: ") + error.message(language) + "\n")
            return 1
        } catch let error where Store.describe(error) != nil {
            console.error((language == .vi ? "lỗi: " : "error: ") + (Store.describe(error)?(language) ?? "") + "\n")
            return 1
        } catch let error as CommandError {
            console.error((language == .vi ? "lỗi: " : "error: ") + error.message(language) + "\n")
            return error.exitCode
        } catch {
            console.error((language == .vi ? "lỗi: " : "error: ") + "\(error)\n")
            return 1
        }
    }
}

extension Phuhop {
    /// The command whose help is asked for (`--help`, `-h` or `help ...`), found by walking
    /// the subcommand names; the parser's own help command prints straight to the terminal,
    /// which would bypass the console.
    static func helpTarget(_ arguments: [String]) -> ParsableCommand.Type? {
        guard arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" else { return nil }
        var type: ParsableCommand.Type = Phuhop.self
        for argument in arguments.drop(while: { $0 == "help" }) {
            guard let sub = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            type = sub
        }
        return type
    }
}

/// Reads a file named on the command line, `-` being standard input.
func readInput(_ path: String, console: Console) throws -> (data: Data, name: String) {
    if path == "-" { return (console.readStandardInput(), "<stdin>") }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw InputError([Diagnostic(location: SourceLocation(file: path, line: 1, column: 1), field: "",
                                     message: LocalizedText(vi: "đây là một thư mục, không phải tệp bằng chứng",
                                                            en: "this is a folder, not an evidence file"))])
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError([Diagnostic(location: SourceLocation(file: path, line: 1, column: 1), field: "",
                                     message: LocalizedText(vi: "không đọc được tệp (không tồn tại hoặc không có quyền)",
                                                            en: "cannot read the file (missing or not permitted)"))])
    }
    return (data, path)
}
