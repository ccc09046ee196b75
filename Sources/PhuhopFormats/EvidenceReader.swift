import Foundation
import PhuhopCore

/// Reads evidence documents (YAML or JSON) for one standard, rejecting inconsistent evidence
/// with every problem named by file, line and field.
public enum EvidenceReader {
    static let keys = ["standard", "unit", "period", "facts", "note"]
    /// The largest count accepted: far above any commune's population, and low enough that
    /// sums and incidences of counts stay exact in 64-bit arithmetic.
    static let maximumCount: Int64 = 1_000_000_000
    static let unitKeys = ["id", "name", "province", "unitType", "attributes"]

    /// The standard id an evidence document asks for, if it names one.
    public static func requestedStandard(in data: Data, file: String) throws -> String? {
        let root = try Document.parse(data, file: file)
        guard case .mapping(let mapping) = root.node else { return nil }
        return mapping["standard"]?.scalar?.string
    }

    /// Reads one evidence document.
    /// `overridden` is true when the user chose the standard explicitly (`--standard`): the
    /// evidence may then name another one, as when scoring it against a draft.
    public static func read(_ data: Data, file: String, standard: Standard, overridden: Bool = false) throws -> Evidence {
        let root = try Document.parse(data, file: file)
        let log = DiagnosticLog(file: file)
        let evidence = read(root, standard: standard, log: log, overridden: overridden)
        try log.throwIfAny()
        guard let evidence else { throw InputError(log.items) }
        return evidence
    }

    /// Reads an evidence mapping found inside another document (a golden case).
    static func read(_ element: Element, standard: Standard, log: DiagnosticLog, overridden: Bool = false) -> Evidence? {
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
        if let factsElement = map.required("facts"), let factMap = MappingReader(factsElement, allowed: [], log: log) {
            for (key, element) in factMap.entries {
                guard let index = standard.factIndex(key) else {
                    let hint = Suggestion.hint(for: key, in: standard.facts.map(\.id))
                    log.add(element, LocalizedText(vi: "dữ kiện không được biết “\(key)”.\(hint.vi)",
                                                   en: "unknown fact “\(key)”.\(hint.en)"))
                    continue
                }
                guard !element.isNull else { continue }
                var valueElement = element
                if case .mapping = element.node, let m = MappingReader(element, allowed: ["value", "source", "note"], log: log) {
                    guard let v = m.required("value") else { continue }
                    valueElement = v
                    if let s = m.optional("source") { sources[index] = readSource(s, log: log) }
                }
                facts[index] = readValue(valueElement, definition: standard.facts[index], log: log)
                factElements[index] = valueElement
            }
        }
        // Consistency between facts: a numerator never exceeds its denominator.
        for (index, definition) in standard.facts.enumerated() {
            guard let limit = definition.atMost, case .count(let value)? = facts[index],
                  case .count(let bound)? = facts[limit], value > bound, let element = factElements[index] else { continue }
            log.add(element, LocalizedText(
                vi: "\(definition.id) = \(value) lớn hơn \(standard.facts[limit].id) = \(bound) (tử số vượt mẫu số)",
                en: "\(definition.id) = \(value) is greater than \(standard.facts[limit].id) = \(bound) (numerator above denominator)"))
        }
        guard let unit, let period else { return nil }
        return Evidence(unit: unit, period: period, facts: facts, sources: sources)
    }

    private static func readUnit(_ element: Element?, standard: Standard, log: DiagnosticLog) -> UnitInfo? {
        guard let element, let map = MappingReader(element, allowed: unitKeys, log: log) else { return nil }
        let id = log.string(map.required("id"))
        let name = log.string(map.required("name"))
        let province = log.string(map.required("province"))
        var unitType: UnitType?
        if let e = map.required("unitType"), let text = log.string(e) {
            unitType = UnitType(rawValue: text)
            if unitType == nil {
                let names = UnitType.allCases.map(\.rawValue)
                let hint = Suggestion.hint(for: text, in: names)
                log.add(e, LocalizedText(vi: "loại đơn vị “\(text)” không hợp lệ; dùng \(names.joined(separator: ", ")).\(hint.vi)",
                                         en: "invalid unit type “\(text)”; use \(names.joined(separator: ", ")).\(hint.en)"))
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
        guard let id, let name, let province, let unitType else { return nil }
        return UnitInfo(id: id, name: name, province: province, unitType: unitType, attributes: attributes)
    }

    private static func readPeriod(_ element: Element?, standard: Standard, log: DiagnosticLog) -> Period? {
        guard let element, let map = MappingReader(element, allowed: ["from", "to"], log: log) else { return nil }
        let fromElement = map.required("from")
        let toElement = map.required("to")
        guard let from = log.date(fromElement), let to = log.date(toElement), let toElement else { return nil }
        guard let period = Period(from: from, to: to) else {
            log.add(toElement, LocalizedText(vi: "kỳ kết thúc (\(to)) trước khi bắt đầu (\(from))",
                                             en: "the period ends (\(to)) before it starts (\(from))"))
            return nil
        }
        if !standard.effective.value.contains(to) {
            log.add(toElement, LocalizedText(
                vi: "chuẩn \(standard.id) có hiệu lực từ \(standard.effective.value.from); kỳ kết thúc \(to) nằm ngoài thời gian hiệu lực",
                en: "standard \(standard.id) is in force from \(standard.effective.value.from); the period ending \(to) is outside it"))
        }
        return period
    }

    private static func readValue(_ element: Element, definition: FactDefinition, log: DiagnosticLog) -> FactValue? {
        switch definition.type {
        case .boolean:
            return log.boolean(element).map { .boolean($0) }
        case .count:
            guard let value = log.integer(element) else { return nil }
            guard value >= 0 else {
                log.add(element, LocalizedText(vi: "số đếm không được âm (\(value))",
                                               en: "a count cannot be negative (\(value))"))
                return nil
            }
            guard value <= maximumCount else {
                log.add(element, LocalizedText(
                    vi: "số đếm \(value) quá lớn (tối đa \(maximumCount)); kiểm tra lại số liệu",
                    en: "the count \(value) is too large (at most \(maximumCount)); check the figure"))
                return nil
            }
            return .count(value)
        case .share:
            // The % sign is required: 0.24 could mean 24% or 0.24%, and guessing would change the points.
            let text = element.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
            guard text.hasSuffix("%"), let share = Rational(percent: Substring(text)) else {
                log.add(element, LocalizedText(
                    vi: "cần một tỷ lệ phần trăm có dấu %, như 4,2%, gặp \(element.shape.vi)",
                    en: "expected a percentage with a % sign, such as 4.2%, found \(element.shape.en)"))
                return nil
            }
            guard share >= .zero, share <= .one else {
                log.add(element, LocalizedText(vi: "tỷ lệ phải từ 0% đến 100%, gặp \(text)",
                                               en: "a share must be between 0% and 100%, found \(text)"))
                return nil
            }
            return .share(share)
        }
    }

    private static func readSource(_ element: Element, log: DiagnosticLog) -> FactSource? {
        guard let map = MappingReader(element, allowed: ["document", "date", "collectedBy"], log: log) else { return nil }
        return FactSource(document: log.string(map.optional("document")), date: log.date(map.optional("date")),
                          collectedBy: log.string(map.optional("collectedBy")))
    }
}
