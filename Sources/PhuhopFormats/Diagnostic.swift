import PhuhopCore

/// A place in an input file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in an input file, naming the file, the line and the field.
public struct Diagnostic: Sendable, Hashable {
    public var location: SourceLocation
    /// The field's path in the document, such as `facts.c02.births` or `indicators[0].bands[2]`.
    public var field: String
    public var message: LocalizedText

    public init(location: SourceLocation, field: String, message: LocalizedText) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, in one language.
    public func rendered(_ language: Language) -> String {
        let prefix = field.isEmpty ? "" : "\(field): "
        return "\(location): \(prefix)\(message(language))"
    }
}

/// Thrown when an input has problems; carries every problem found, not only the first.
public struct InputError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// Collects the problems of one file while it is read, so that a reader can report all of them.
final class DiagnosticLog {
    let file: String
    private(set) var items: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func add(line: Int, column: Int, field: String, _ message: LocalizedText) {
        items.append(Diagnostic(location: SourceLocation(file: file, line: line, column: column),
                                field: field, message: message))
    }

    func add(_ element: Element, _ message: LocalizedText) {
        add(line: element.line, column: element.column, field: element.path, message)
    }

    var isEmpty: Bool { items.isEmpty }

    /// Throws the collected problems, if any.
    func throwIfAny() throws {
        if !items.isEmpty { throw InputError(items) }
    }
}
