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
        var writer = JSONWriter(pretty: pretty)
        write(into: &writer)
        return writer.bytes
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
        }
    }
}
