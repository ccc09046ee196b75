import Foundation
import PhuhopCLI

exit(Phuhop.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
