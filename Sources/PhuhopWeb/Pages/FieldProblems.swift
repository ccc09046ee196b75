import PhuhopCore

/// The problems a reader found in a form, by field name.
struct FieldProblems: Error, Sendable {
    private(set) var all: [String: [LocalizedText]] = [:]

    mutating func add(_ field: String, _ message: LocalizedText) {
        all[field, default: []].append(message)
    }

    func has(_ field: String) -> Bool { all[field] != nil }

    /// The field's problems, next to it.
    func html(_ field: String, _ language: Language) -> String {
        guard let messages = all[field] else { return "" }
        return "<span class=\"error\" id=\"\(EvidenceForm.domID(field))-error\" role=\"alert\"> "
            + messages.map { HTML.t($0, language) }.joined(separator: "; ") + "</span>"
    }
}
