import Yams

/// A node of a parsed YAML or JSON document with the line and column where it starts.
///
/// The readers work on this tree rather than on Yams' nodes so that JSON can be read by
/// `JSONDocument` without the YAML parser, with the same positions in every message.
///
/// Its conformance to `Sendable` is declared rather than inferred: inferring it goes through the
/// node's own children, which incremental builds reported as a circular reference.
struct DocumentNode: Sendable {
    /// What a node holds.
    enum Content: Sendable {
        /// A scalar's text; `plain` when it was written without quotes (only a plain scalar can be null).
        case scalar(String, plain: Bool)
        /// A mapping's pairs in document order.
        case mapping([(key: DocumentNode, value: DocumentNode)])
        case sequence([DocumentNode])
        /// A YAML alias (`*name`), which no reader accepts.
        case alias
    }

    var content: Content
    var line: Int
    var column: Int

    /// The scalar text, or nil for a mapping, a sequence or an alias.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The value under `key` when this is a mapping.
    subscript(key: String) -> DocumentNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The tree of a node composed by Yams.
    init(_ node: Node) {
        line = node.mark?.line ?? 1
        column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar): content = .scalar(scalar.string, plain: scalar.style == .plain)
        case .mapping(let mapping): content = .mapping(mapping.map { (key: DocumentNode($0.key), value: DocumentNode($0.value)) })
        case .sequence(let sequence): content = .sequence(sequence.map { DocumentNode($0) })
        case .alias: content = .alias
        }
    }

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }
}
