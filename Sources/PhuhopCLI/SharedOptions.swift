import ArgumentParser
import PhuhopCore

/// Options every command takes.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding the criteria (default: ./criteria or the nearest one above).")
    var criteria: String?

    @Option(name: .long, help: "Language of the output: vi (default) or en.")
    var lang: Language = .vi
}

extension Language: ExpressibleByArgument {}
