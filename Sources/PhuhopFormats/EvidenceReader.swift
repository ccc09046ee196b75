import Foundation
import PhuhopCore

/// Reads evidence documents (YAML or JSON) for one standard, rejecting inconsistent evidence
/// with every problem named by file, line and field.
public enum EvidenceReader {
    static let keys = ["standard", "unit", "period", "facts", "items", "vetoEvents", "assessment", "note"]
    static let unitKeys = ["id", "name", "province", "unitType", "attributes", "commune"]

    /// An evidence document parsed once: the standard it names can be looked up before it is
    /// read, without parsing it twice (the scoring API's hot path).
    public struct Parsed {
        let root: Element
        let file: String

        /// The standard id the document asks for, if it names one.
        public var requestedStandard: String? {
            root.node["standard"]?.scalarText
        }
    }

    /// Parses an evidence document (YAML or JSON) without reading it against a standard.
    public static func parse(_ data: Data, file: String) throws -> Parsed {
        Parsed(root: try Document.parse(data, file: file), file: file)
    }

    /// Reads a parsed evidence document against `standard` (see `read(_:file:standard:...)`).
    public static func read(_ parsed: Parsed, standard: Standard, overridden: Bool = false,
                            ignoring: Set<String> = []) throws -> Evidence {
        let log = DiagnosticLog(file: parsed.file)
        let evidence = read(parsed.root, standard: standard, log: log, overridden: overridden, ignoring: ignoring)
        try log.throwIfAny()
        guard let evidence else { throw InputError(log.items) }
        return evidence
    }

    /// Reads one evidence document.
    /// `overridden` is true when the user chose the standard explicitly (`--standard`): the
    /// evidence may then name another one, as when scoring it against a draft.
    /// Facts in `ignoring` are skipped rather than unknown (see `EvidenceCSV.init`).
    public static func read(_ data: Data, file: String, standard: Standard, overridden: Bool = false,
                            ignoring: Set<String> = []) throws -> Evidence {
        try read(parse(data, file: file), standard: standard, overridden: overridden, ignoring: ignoring)
    }

    /// Reads an evidence mapping found inside another document (a golden case).
    static func read(_ element: Element, standard: Standard, log: DiagnosticLog, overridden: Bool = false,
                     ignoring: Set<String> = []) -> Evidence? {
        guard let map = MappingReader(element, allowed: keys, log: log) else { return nil }
        if let requested = map.optional("standard"), let id = log.string(requested), id != standard.id, !overridden {
            log.add(requested, LocalizedText(vi: "bằng chứng dành cho chuẩn “\(id)”, đang chấm theo “\(standard.id)”",
                                             en: "the evidence is for standard “\(id)”, scoring against “\(standard.id)”"))
        }
        let unit = readUnit(map.required("unit"), standard: standard, log: log)
        let period = readPeriod(map.required("period"), standard: standard, log: log)
        var facts = [FactValue?](repeating: nil, count: standard.facts.count)
        var sources = [FactSource?](repeating: nil, count: standard.facts.count)
        var factElements = [Element?](repeating: nil, count: standard.facts.count)
        let hasItems = standard.hasItems
        // By index: iterating copies each definition, retaining every text in it.
        let hasFacts = standard.facts.indices.contains { standard.facts[$0].type != .answer }
        let factsElement = hasFacts ? map.required("facts") : map.optional("facts")
        var finder = FactFinder(standard)
        if let factsElement, let factMap = MappingReader(factsElement, allowed: [], log: log) {
            for (key, element) in factMap.entries {
                let found = finder.index(key)
                if found == nil && ignoring.contains(key) { continue }
                guard let index = found else {
                    let hint = Suggestion.hint(for: key, in: standard.facts.filter { $0.type != .answer }.map(\.id))
                    log.add(element, LocalizedText(vi: "dữ kiện không được biết “\(key)”.\(hint.vi)",
                                                   en: "unknown fact “\(key)”.\(hint.en)"))
                    continue
                }
                guard standard.facts[index].type != .answer else {
                    log.add(element, LocalizedText(vi: "“\(key)” là một tiêu chí của bảng kiểm: ghi trong “items”",
                                                   en: "“\(key)” is a checklist item: write it under “items”"))
                    continue
                }
                guard !element.isNull else { continue }
                var valueElement = element
                if case .mapping = element.node.content, let m = MappingReader(element, allowed: ["value", "source", "note"], log: log) {
                    guard let v = m.required("value") else { continue }
                    valueElement = v
                    if let s = m.optional("source") { sources[index] = readSource(s, log: log) }
                }
                facts[index] = readValue(valueElement, type: standard.facts[index].type, log: log)
                factElements[index] = valueElement
            }
        }
        let itemsElement = hasItems ? map.required("items") : map.optional("items")
        if let itemsElement {
            readItems(itemsElement, standard: standard, finder: &finder, log: log, facts: &facts, sources: &sources,
                      elements: &factElements)
        }
        for (index, problem) in FactText.inconsistencies(facts, standard: standard) {
            if let element = factElements[index] { log.add(element, problem.message) }
        }
        if hasItems, let itemsElement {
            for (index, problem) in FactText.answerProblems(facts, standard: standard) {
                log.add(factElements[index] ?? itemsElement, problem.message)
            }
        }
        let vetoEvents = readVetoEvents(map.optional("vetoEvents"), standard: standard, log: log)
        let assessment: Assessment = log.choice(map.optional("assessment"), named: FactText.assessmentName) ?? .selfAssessment
        guard let unit, let period else { return nil }
        return Evidence(unit: unit, period: period, facts: facts, sources: sources, vetoEvents: vetoEvents,
                        assessment: assessment)
    }

    /// Reads `items:`: each item's answer, alone or with a note and the supporting document.
    private static func readItems(_ element: Element, standard: Standard, finder: inout FactFinder, log: DiagnosticLog,
                                  facts: inout [FactValue?], sources: inout [FactSource?], elements: inout [Element?]) {
        guard let itemMap = MappingReader(element, allowed: [], log: log) else { return }
        let itemIDs = standard.criteria.flatMap { $0.indicators.filter { $0.item != nil }.map(\.id) }
        for (key, value) in itemMap.entries {
            guard let index = finder.index(key), standard.facts[index].type == .answer else {
                let hint = Suggestion.hint(for: key, in: itemIDs)
                log.add(value, LocalizedText(vi: "tiêu chí không được biết “\(key)” trong \(standard.id).\(hint.vi)",
                                             en: "unknown item “\(key)” in \(standard.id).\(hint.en)"))
                continue
            }
            elements[index] = value
            // A blank answer is reported with the unanswered items, at its own line.
            guard !value.isNull else { continue }
            var answerElement = value
            if case .mapping = value.node.content {
                guard let m = MappingReader(value, allowed: ["answer", "note", "document", "date", "collectedBy"], log: log),
                      let a = m.required("answer") else { continue }
                answerElement = a
                let note = log.string(m.optional("note"))
                let document = log.string(m.optional("document"))
                let date = log.date(m.optional("date"))
                let by = log.string(m.optional("collectedBy"))
                if note != nil || document != nil || date != nil || by != nil {
                    sources[index] = FactSource(document: document, date: date, collectedBy: by, note: note)
                }
            }
            elements[index] = answerElement
            facts[index] = readValue(answerElement, type: standard.facts[index].type, log: log)
        }
    }

    /// Reads `vetoEvents:`, a list of `{event, date, description}`; nil when the key is absent.
    private static func readVetoEvents(_ element: Element?, standard: Standard, log: DiagnosticLog) -> [VetoEvent]? {
        guard let element else { return nil }
        let vetoes = standard.recognition.vetoes
        var events: [VetoEvent] = []
        for item in log.items(element) {
            guard let m = MappingReader(item, allowed: ["event", "date", "description"], log: log),
                  let e = m.required("event"), let id = log.string(e) else { continue }
            guard let v = vetoes.firstIndex(where: { $0.id == id }) else {
                let ids = vetoes.map(\.id)
                let hint = Suggestion.hint(for: id, in: ids)
                log.add(e, ids.isEmpty
                    ? LocalizedText(vi: "chuẩn \(standard.id) không có sự việc loại trừ nào", en: "standard \(standard.id) has no veto events")
                    : LocalizedText(vi: "sự việc loại trừ không được biết “\(id)”; dùng \(ids.joined(separator: ", ")).\(hint.vi)",
                                    en: "unknown veto event “\(id)”; use \(ids.joined(separator: ", ")).\(hint.en)"))
                continue
            }
            events.append(VetoEvent(veto: v, date: log.date(m.optional("date")), description: log.string(m.optional("description"))))
        }
        return events
    }

    private static func readUnit(_ element: Element?, standard: Standard, log: DiagnosticLog) -> UnitInfo? {
        guard let element, let map = MappingReader(element, allowed: unitKeys, log: log) else { return nil }
        // A unit's names are read as a table's cells are (trimmed), and none may be blank.
        func text(_ key: String, required: Bool) -> String? {
            guard let e = required ? map.required(key) : map.optional(key), let raw = log.string(e) else { return nil }
            let trimmed = FactText.trimmed(raw)
            if trimmed.isEmpty {
                if required {
                    log.add(e, LocalizedText(vi: "thiếu giá trị cho unit.\(key)", en: "no value for unit.\(key)"))
                }
                return nil
            }
            return trimmed
        }
        let id = text("id", required: true)
        let name = text("name", required: true)
        let province = text("province", required: true)
        var unitType: UnitType?
        if let e = map.required("unitType"), let text = log.string(e) {
            switch FactText.unitType(text, standard: standard) {
            case .success(let type): unitType = type
            case .failure(let problem): log.add(e, problem.message)
            }
        }
        var attributes = [Bool?](repeating: nil, count: standard.attributes.count)
        if let e = map.optional("attributes"), let attributeMap = MappingReader(e, allowed: [], log: log) {
            for (key, value) in attributeMap.entries {
                guard let a = standard.attributeIndex(key) else {
                    let hint = Suggestion.hint(for: key, in: standard.attributes.map(\.id))
                    log.add(value, LocalizedText(vi: "thuộc tính không được biết “\(key)”.\(hint.vi)",
                                                 en: "unknown attribute “\(key)”.\(hint.en)"))
                    continue
                }
                if !value.isNull { attributes[a] = log.boolean(value) }
            }
        }
        let commune = text("commune", required: false)
        guard let id, let name, let province, let unitType else { return nil }
        return UnitInfo(id: id, name: name, province: province, unitType: unitType, attributes: attributes, commune: commune)
    }

    private static func readPeriod(_ element: Element?, standard: Standard, log: DiagnosticLog) -> Period? {
        guard let element, let map = MappingReader(element, allowed: ["from", "to"], log: log) else { return nil }
        let fromElement = map.required("from")
        let toElement = map.required("to")
        guard let from = log.date(fromElement), let to = log.date(toElement), let toElement else { return nil }
        switch FactText.period(from: from, to: to, standard: standard) {
        case .success(let period): return period
        case .failure(let problem):
            log.add(toElement, problem.message)
            return nil
        }
    }

    /// The fact's value as `type` says; takes the type alone, as a definition passed whole is
    /// copied out of the standard, retaining every text in it.
    private static func readValue(_ element: Element, type: FactType, log: DiagnosticLog) -> FactValue? {
        guard let text = element.scalarText else {
            log.add(element, LocalizedText(vi: "cần một giá trị đơn, gặp \(element.shape.vi)",
                                           en: "expected a single value, found \(element.shape.en)"))
            return nil
        }
        switch FactText.parse(text, type: type) {
        case .success(let value): return value
        case .failure(let problem):
            log.add(element, problem.message)
            return nil
        }
    }

    private static func readSource(_ element: Element, log: DiagnosticLog) -> FactSource? {
        guard let map = MappingReader(element, allowed: ["document", "date", "collectedBy"], log: log) else { return nil }
        return FactSource(document: log.string(map.optional("document")), date: log.date(map.optional("date")),
                          collectedBy: log.string(map.optional("collectedBy")))
    }
}
