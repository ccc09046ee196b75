import Foundation
import PhuhopCore
import PhuhopSynthesis

/// Reads a synthetic-data profile:
///
/// ```yaml
/// standard: qd06-2019
/// facts:
///   children.total: {from: 800, to: 6000}
///   c02.births: {of: children.total, from: 5%, to: 7%}
/// ```
public enum SyntheticProfileReader {
    public static func read(_ data: Data, file: String, standard: Standard) throws -> SyntheticProfile {
        let root = try Document.parse(data, file: file)
        let log = DiagnosticLog(file: file)
        var hints: [Int: SyntheticProfile.Hint] = [:]
        if let map = MappingReader(root, allowed: ["standard", "note", "facts"], log: log),
           let factsElement = map.required("facts"), let facts = MappingReader(factsElement, allowed: [], log: log) {
            for (id, element) in facts.entries {
                guard let f = standard.factIndex(id), standard.facts[f].type == .count else {
                    let hint = Suggestion.hint(for: id, in: standard.facts.filter { $0.type == .count }.map(\.id))
                    log.add(element, LocalizedText(vi: "không có dữ kiện số đếm “\(id)”.\(hint.vi)", en: "no count fact “\(id)”.\(hint.en)"))
                    continue
                }
                guard let m = MappingReader(element, allowed: ["of", "from", "to"], log: log),
                      let fromElement = m.required("from"), let toElement = m.required("to"),
                      let fromText = log.string(fromElement), let toText = log.string(toElement) else { continue }
                if let ofElement = m.optional("of") {
                    guard let ofID = log.string(ofElement), let of = standard.factIndex(ofID) else {
                        log.add(ofElement, LocalizedText(vi: "dữ kiện không được biết", en: "unknown fact"))
                        continue
                    }
                    guard let from = Rational(percent: Substring(fromText)), let to = Rational(percent: Substring(toText)),
                          fromText.hasSuffix("%"), toText.hasSuffix("%"), from <= to, from >= .zero else {
                        log.add(fromElement, LocalizedText(vi: "cần hai tỷ lệ như 5% và 7%", en: "expected two shares such as 5% and 7%"))
                        continue
                    }
                    hints[f] = .share(of: of, from: from, to: to)
                } else {
                    guard let from = Int64(fromText), let to = Int64(toText), from >= 0, from <= to else {
                        log.add(fromElement, LocalizedText(vi: "cần hai số nguyên như 800 và 6000", en: "expected two whole numbers such as 800 and 6000"))
                        continue
                    }
                    hints[f] = .range(from: from, to: to)
                }
            }
        }
        try log.throwIfAny()
        return SyntheticProfile(hints: hints)
    }
}
