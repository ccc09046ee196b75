/// A JSON value whose object keys keep their order, so reports read top-down and diff cleanly.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value written when the whole is rendered (see `DecisionJSON`): large documents are
    /// written straight into bytes instead of being built as a tree first.
    case written(@Sendable (inout JSONWriter) -> Void)
    /// A value whose compact text was rendered once and is copied each time it is written.
    case rendered(RenderedJSON)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    /// An integer, or null.
    public static func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }

    /// A string, or null.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The JSON text; `pretty` indents by two spaces.
    public func rendered(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, the form files and sockets take.
    public func bytes(pretty: Bool = true) -> [UInt8] {
        withBytes(pretty: pretty) { Array($0) }
    }

    /// Calls `body` with the JSON text as UTF-8 bytes, without copying them first; `capacity`
    /// is the room to start with (a commune's decision is about 40 kB).
    public func withBytes<R>(pretty: Bool = true, capacity: Int = 16_384, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var writer = JSONWriter(pretty: pretty, capacity: capacity)
        write(into: &writer)
        return try writer.withBytes(body)
    }

    /// Writes the value as the writer's next element.
    public func write(into writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let n): writer.int(n)
        case .string(let s): writer.string(s)
        case .array(let items): writer.array { w in for item in items { item.write(into: &w) } }
        case .object(let pairs):
            writer.object { w in
                for (key, value) in pairs {
                    w.key(escaping: key)
                    value.write(into: &w)
                }
            }
        case .written(let write): write(&writer)
        case .rendered(let value): writer.rendered(value)
        }
    }
}

/// A JSON value with its compact text, rendered once: what many documents repeat word for word
/// (a standard's description of a value a decision rests on) is copied rather than written again.
public struct RenderedJSON: Sendable {
    /// The value, written again where the layout differs (indented output).
    public let value: JSONValue
    /// The value's compact text.
    public let compact: [UInt8]

    /// Renders `value` once.
    public init(_ value: JSONValue) {
        self.value = value
        compact = value.bytes(pretty: false)
    }
}

/// Members of an object rendered once, such as a criterion's id, number and name: their compact
/// text is copied into the object being written, and in indented output they are written again.
public struct RenderedMembers: Sendable {
    /// The members, written again where the layout differs (indented output).
    let members: [(key: String, value: JSONValue)]
    /// Their compact text, `"key":value` joined by commas, without braces.
    let compact: [UInt8]

    /// Renders `members` once.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = members
        // The object's text without its braces.
        compact = Array(JSONValue.object(members.map { ($0.key, $0.value) }).bytes(pretty: false).dropFirst().dropLast())
    }
}
