import Foundation
import PhuhopCore

/// One unit's evidence as a JSON document in the evidence file format, so `phuhop score` reads
/// it as it is: every value written as a string the way a CSV cell holds it, keys in a fixed
/// order, on one line. `phuhop export` writes it; the store keeps the compact `StoredEvidence`.
public enum EvidenceSnapshot {
    /// The canonical document for `evidence`, read against `standard`.
    public static func encode(_ evidence: Evidence, standard: Standard) -> String {
        // Built as bytes: an import encodes every row, and String appends cost four times as much.
        var out = JSONBytes(capacity: 2048)
        out.raw("{\"standard\":")
        out.string(standard.id)
        let unit = evidence.unit
        out.raw(",\"unit\":{\"id\":")
        out.string(unit.id)
        out.raw(",\"name\":")
        out.string(unit.name)
        out.raw(",\"province\":")
        out.string(unit.province)
        out.raw(",\"unitType\":")
        out.string(unit.unitType.rawValue)
        out.raw(",\"attributes\":{")
        var first = true
        for (a, value) in unit.attributes.enumerated() {
            guard let value, a < standard.attributes.count else { continue }
            if !first { out.raw(",") }
            first = false
            out.string(standard.attributes[a].id)
            out.raw(value ? ":\"true\"" : ":\"false\"")
        }
        out.raw("}")
        if let commune = unit.commune {
            out.raw(",\"commune\":")
            out.string(commune)
        }
        out.raw("},\"period\":{\"from\":")
        out.string(evidence.period.from.description)
        out.raw(",\"to\":")
        out.string(evidence.period.to.description)
        out.raw("},\"assessment\":")
        out.string(evidence.assessment.rawValue)
        for items in [false, true] {
            var opened = false
            for (f, value) in evidence.facts.enumerated() {
                guard let value, f < standard.facts.count else { continue }
                let isItem: Bool
                if case .answer = value { isItem = true } else { isItem = false }
                guard isItem == items else { continue }
                out.raw(opened ? "," : items ? ",\"items\":{" : ",\"facts\":{")
                opened = true
                out.string(standard.facts[f].id)
                out.raw(":")
                let source = f < evidence.sources.count ? evidence.sources[f] : nil
                guard let source else {
                    out.string(text(value))
                    continue
                }
                if items {
                    out.raw("{\"answer\":")
                    out.string(text(value))
                    sourceFields(source, withNote: true, into: &out)
                } else {
                    out.raw("{\"value\":")
                    out.string(text(value))
                    var fields = JSONBytes()
                    sourceFields(source, withNote: false, into: &fields)
                    if !fields.bytes.isEmpty {
                        out.raw(",\"source\":{")
                        out.bytes += fields.bytes.dropFirst()
                        out.raw("}")
                    }
                }
                out.raw("}")
            }
            // An empty `facts` is written (the evidence format asks for the key); `items` only when there are some.
            if opened { out.raw("}") } else if !items { out.raw(",\"facts\":{}") }
        }
        if let events = evidence.vetoEvents { out.vetoEvents(events, standard: standard) }
        out.raw("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A fact's value as a cell: what `FactText.parse` reads back to the same value.
    public static func text(_ value: FactValue) -> String {
        switch value {
        case .count(let n): String(n)
        case .boolean(let b): b ? "true" : "false"
        // Exact: a share read from text always has a finite decimal; `plain` (6 places) is only
        // the fallback for one made otherwise.
        case .share(let s): (DecimalText.exact(s.multiplied(by: 100)) ?? DecimalText.plain(s.multiplied(by: 100))) + "%"
        case .answer(let a): a.rawValue
        }
    }

    private static func sourceFields(_ source: FactSource, withNote: Bool, into out: inout JSONBytes) {
        if withNote { out.field("note", source.note) }
        out.field("document", source.document)
        out.field("date", source.date?.description)
        out.field("collectedBy", source.collectedBy)
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = JSONBytes()
        out.string(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// JSON text being written, as UTF-8 bytes.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup that needs no escaping.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `,"name":"value"`, or nothing when there is no value.
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        raw(",\"")
        raw(name)
        raw("\":")
        string(value)
    }

    /// Appends `,"vetoEvents":[...]`: each event's id, date and description.
    mutating func vetoEvents(_ events: [VetoEvent], standard: Standard) {
        raw(",\"vetoEvents\":[")
        for (n, event) in events.enumerated() {
            raw(n == 0 ? "{\"event\":" : ",{\"event\":")
            string(standard.recognition.vetoes[event.veto].id)
            field("date", event.date?.description)
            field("description", event.description)
            raw("}")
        }
        raw("]")
    }

    /// Appends `text` as a JSON string literal.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        // Most values need no escaping: copy them whole.
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A stored snapshot that cannot be read back: the database was damaged or edited by hand.
public struct SnapshotError: Error, Sendable {
    public var problem: String

    public init(problem: String) {
        self.problem = problem
    }
}
