import Foundation
import PhuhopCore

/// A node of a parsed document with the path that leads to it, for error messages.
struct Element {
    let node: DocumentNode
    // The path is put together only when a message needs it: reading a unit's evidence makes an
    // element per fact, and almost never reports one.
    private let parentPath: String
    private let step: Step

    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    /// An element at `path`.
    init(node: DocumentNode, path: String) {
        self.node = node
        parentPath = path
        step = .none
    }

    private init(node: DocumentNode, parentPath: String, step: Step) {
        self.node = node
        self.parentPath = parentPath
        self.step = step
    }

    /// The field's path in the document, such as `facts.c02.births` or `indicators[0]`.
    var path: String {
        switch step {
        case .none: parentPath
        case .key(let key): parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case .index(let index): "\(parentPath)[\(index)]"
        }
    }

    var line: Int { node.line }
    var column: Int { node.column }

    /// The element under `key` of a mapping, extending the path.
    func child(_ key: String, _ node: DocumentNode) -> Element {
        child(key, node, path: path)
    }

    /// The element under `key` of a mapping whose own path, `path`, the caller has already made
    /// (once for all its keys).
    func child(_ key: String, _ node: DocumentNode, path: String) -> Element {
        Element(node: node, parentPath: path, step: .key(key))
    }

    /// The element at `index` of a sequence, extending the path.
    func item(_ index: Int, _ node: DocumentNode) -> Element {
        Element(node: node, parentPath: path, step: .index(index))
    }

    /// The scalar text, or nil for a mapping or sequence.
    var scalarText: String? { node.scalarText }

    /// Whether the element is YAML's null (`~`, `null`, or nothing).
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = node.content else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A short description of what the element holds, for "expected X, found Y" messages.
    var shape: LocalizedText {
        switch node.content {
        case .mapping: LocalizedText(vi: "một bảng khóa–giá trị", en: "a mapping")
        case .sequence: LocalizedText(vi: "một danh sách", en: "a list")
        case .alias: LocalizedText(vi: "một bí danh YAML", en: "a YAML alias")
        case .scalar(let s, _): LocalizedText(vi: "“\(s)”", en: "“\(s)”")
        }
    }
}

/// Reads a mapping's keys, reporting unknown keys (with a did-you-mean) and missing ones.
struct MappingReader {
    let element: Element
    let log: DiagnosticLog
    private var pairs: [(key: String, element: Element)] = []

    /// Reads `element` as a mapping whose keys must be among `allowed`; nil (and a problem
    /// logged) when it is not a mapping.
    init?(_ element: Element, allowed: [String], log: DiagnosticLog) {
        self.element = element
        self.log = log
        guard case .mapping(let mapping) = element.node.content else {
            log.add(element, LocalizedText(vi: "cần một bảng khóa–giá trị, gặp \(element.shape.vi)",
                                           en: "expected a mapping, found \(element.shape.en)"))
            return nil
        }
        let path = element.path
        pairs.reserveCapacity(mapping.count)
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalarText ?? ""
            let child = element.child(key, valueNode, path: path)
            if !allowed.isEmpty && !allowed.contains(key) {
                let hint = Suggestion.hint(for: key, in: allowed)
                let keyElement = Element(node: keyNode, path: child.path)
                log.add(keyElement, LocalizedText(vi: "khóa không được biết “\(key)”.\(hint.vi)",
                                                  en: "unknown key “\(key)”.\(hint.en)"))
                continue
            }
            pairs.append((key: key, element: child))
        }
    }

    /// The keys present, in document order.
    var entries: [(key: String, element: Element)] { pairs }

    /// The element under `key`, if present and not null.
    func optional(_ key: String) -> Element? {
        guard let found = pairs.first(where: { $0.key == key })?.element, !found.isNull else { return nil }
        return found
    }

    /// The element under `key`; logs "missing field" when absent.
    func required(_ key: String) -> Element? {
        if let found = optional(key) { return found }
        let path = element.path.isEmpty ? key : "\(element.path).\(key)"
        log.add(line: element.line, column: element.column, field: path,
                LocalizedText(vi: "thiếu trường bắt buộc “\(key)”", en: "missing required field “\(key)”"))
        return nil
    }

    /// Whether `key` is present (even as null).
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }
}

/// Typed reads of scalar elements; each logs a clear problem and returns nil on a wrong type.
extension DiagnosticLog {
    func string(_ element: Element?) -> String? {
        guard let element else { return nil }
        guard let text = element.scalarText else {
            add(element, LocalizedText(vi: "cần một chuỗi, gặp \(element.shape.vi)",
                                       en: "expected a string, found \(element.shape.en)"))
            return nil
        }
        return ComposedText.nfc(text)
    }

    func integer(_ element: Element?) -> Int64? {
        guard let element else { return nil }
        let trimmed = element.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
        if Int64(trimmed) == nil, !trimmed.isEmpty, trimmed.drop(while: { $0 == "-" }).allSatisfy(\.isASCII),
           trimmed.drop(while: { $0 == "-" }).allSatisfy(\.isNumber) {
            add(element, LocalizedText(vi: "số \(trimmed) quá lớn", en: "the number \(trimmed) is too large"))
            return nil
        }
        guard let text = element.scalarText, let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            add(element, LocalizedText(vi: "cần một số nguyên, gặp \(element.shape.vi)",
                                       en: "expected a whole number, found \(element.shape.en)"))
            return nil
        }
        return value
    }

    func boolean(_ element: Element?) -> Bool? {
        guard let element else { return nil }
        switch element.scalarText {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            add(element, LocalizedText(vi: "cần true hoặc false, gặp \(element.shape.vi)",
                                       en: "expected true or false, found \(element.shape.en)"))
            return nil
        }
    }

    func date(_ element: Element?) -> CalendarDate? {
        guard let element else { return nil }
        guard let text = element.scalarText, let date = CalendarDate(iso: text) else {
            add(element, LocalizedText(vi: "cần một ngày dạng YYYY-MM-DD có thật, gặp \(element.shape.vi)",
                                       en: "expected a real date as YYYY-MM-DD, found \(element.shape.en)"))
            return nil
        }
        return date
    }

    /// A `{vi, en}` text; both languages required.
    func text(_ element: Element?) -> LocalizedText? {
        guard let element, let reader = MappingReader(element, allowed: ["vi", "en"], log: self) else { return nil }
        guard let vi = string(reader.required("vi")), let en = string(reader.required("en")) else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    /// One of an enumeration's identifiers (see `FactText.choice`); logs what is wrong.
    func choice<T: RawRepresentable & CaseIterable>(_ element: Element?, named what: LocalizedText) -> T?
        where T.RawValue == String
    {
        guard let element, let text = string(element) else { return nil }
        switch FactText.choice(text, named: what) as Result<T, FactProblem> {
        case .success(let value): return value
        case .failure(let problem):
            add(element, problem.message)
            return nil
        }
    }

    func provenance(_ element: Element?) -> Provenance? {
        guard let element, let text = string(element) else { return nil }
        if let provenance = Provenance(rawValue: text) { return provenance }
        let names = Provenance.allCases.map(\.rawValue)
        let hint = Suggestion.hint(for: text, in: names)
        add(element, LocalizedText(
            vi: "nguồn gốc “\(text)” không hợp lệ; dùng một trong \(names.joined(separator: ", ")).\(hint.vi)",
            en: "invalid provenance “\(text)”; use one of \(names.joined(separator: ", ")).\(hint.en)"))
        return nil
    }

    /// A list of strings, or a single string read as a one-item list.
    func strings(_ element: Element?) -> [String]? {
        guard let element else { return nil }
        if case .sequence(let sequence) = element.node.content {
            var out: [String] = []
            for (n, node) in sequence.enumerated() {
                if let s = string(element.item(n, node)) { out.append(s) }
            }
            return out
        }
        return string(element).map { [$0] }
    }

    /// The items of a sequence; logs a problem when the element is not one.
    func items(_ element: Element?) -> [Element] {
        guard let element else { return [] }
        guard case .sequence(let sequence) = element.node.content else {
            add(element, LocalizedText(vi: "cần một danh sách, gặp \(element.shape.vi)",
                                       en: "expected a list, found \(element.shape.en)"))
            return []
        }
        return sequence.enumerated().map { element.item($0.offset, $0.element) }
    }
}
