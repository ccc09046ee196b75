import Foundation
import PhuhopCore

/// The columns a stored evidence record's cells follow: the CSV layout of a standard (unit
/// fields, commune, assessment, attributes, facts), named by the hash of its column list so a
/// record keeps meaning the same thing when the criteria later add or reorder facts.
public struct EvidenceLayout: Sendable, Equatable {
    /// SHA-256 of `text`.
    public let id: String
    public let columns: [String]
    /// The columns as a JSON array, as stored.
    public let text: String

    /// The layout for evidence of `standard`.
    public init(standard: Standard) {
        let names = EvidenceCSV.required.map(\.0) + ["unit.commune", "assessment"]
            + standard.attributes.map { "unit.\($0.id)" } + standard.facts.map(\.id)
        self.init(columns: names)
    }

    /// The layout of these columns.
    public init(columns: [String]) {
        self.columns = columns
        text = "[" + columns.map(EvidenceSnapshot.quoted).joined(separator: ",") + "]"
        id = SHA256.hex(Array(text.utf8))
    }

    /// Reads a layout's stored text back.
    public init(text: String) throws {
        guard let data = text.data(using: .utf8), let columns = try? JSONSerialization.jsonObject(with: data) as? [String] else {
            throw SnapshotError(problem: "unreadable evidence layout")
        }
        self.init(columns: columns)
    }
}

/// Evidence as the store keeps it: one compact, canonical JSON document per record, its cells
/// in a layout's column order (the CSV text of each value), plus the sources and veto events
/// that cells cannot hold.
///
/// A whole province is imported in one go, so the record is small (about a tenth of the
/// evidence file format) and is read back by the same CSV reader that checked it on the way in.
/// The same evidence and layout always give the same text, so its hash names the evidence.
public enum StoredEvidence {
    /// The record for `evidence` in `layout`, which must be `EvidenceLayout(standard:)`.
    public static func encode(_ evidence: Evidence, standard: Standard, layout: EvidenceLayout) -> String {
        var out = JSONBytes(capacity: 512)
        out.raw("{\"layout\":")
        out.string(layout.id)
        out.raw(",\"cells\":[")
        let unit = evidence.unit
        for (n, cell) in [unit.id, unit.name, unit.province, unit.unitType.rawValue, evidence.period.from.description,
                          evidence.period.to.description, unit.commune ?? "", evidence.assessment.rawValue].enumerated() {
            if n > 0 { out.raw(",") }
            out.string(cell)
        }
        for a in standard.attributes.indices {
            let value = a < unit.attributes.count ? unit.attributes[a] : nil
            out.raw(value == nil ? ",\"\"" : value == true ? ",\"true\"" : ",\"false\"")
        }
        for f in standard.facts.indices {
            out.raw(",")
            out.string(f < evidence.facts.count ? evidence.facts[f].map(EvidenceSnapshot.text) ?? "" : "")
        }
        out.raw("]")
        var opened = false
        for (f, source) in evidence.sources.enumerated() {
            guard let source, f < standard.facts.count else { continue }
            out.raw(opened ? "," : ",\"sources\":{")
            opened = true
            out.string(standard.facts[f].id)
            out.raw(":{")
            var fields = JSONBytes()
            fields.field("document", source.document)
            fields.field("date", source.date?.description)
            fields.field("collectedBy", source.collectedBy)
            fields.field("note", source.note)
            out.bytes += fields.bytes.dropFirst()
            out.raw("}")
        }
        if opened { out.raw("}") }
        if let events = evidence.vetoEvents { out.vetoEvents(events, standard: standard) }
        out.raw("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Reads stored records back for one standard, keeping one CSV reader per layout.
    public final class Reader {
        private let standard: Standard
        private var tables: [String: EvidenceCSV] = [:]
        private let layout: (String) throws -> EvidenceLayout

        /// `layout` finds a layout by id (the store keeps them).
        public init(standard: Standard, layout: @escaping (String) throws -> EvidenceLayout) {
            self.standard = standard
            self.layout = layout
        }

        /// The evidence a stored record holds; throws `SnapshotError` when it cannot be read
        /// against this standard (damaged, or naming facts the standard no longer has).
        public func read(_ text: String) throws -> Evidence {
            guard let data = text.data(using: .utf8),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let id = root["layout"] as? String, let cells = root["cells"] as? [String] else {
                throw SnapshotError(problem: "not a stored evidence record")
            }
            if tables[id] == nil {
                let columns = try layout(id).columns
                do {
                    tables[id] = try EvidenceCSV(header: columns, file: "layout \(id.prefix(12))", standard: standard)
                } catch let error as InputError {
                    throw SnapshotError(problem: error.diagnostics.map { $0.rendered(.en) }.joined(separator: "; "))
                }
            }
            guard let table = tables[id] else { throw SnapshotError(problem: "unknown layout \(id)") }
            var evidence: Evidence
            switch table.evidence(cells, line: 1) {
            case .success(let read): evidence = read
            case .failure(let error):
                throw SnapshotError(problem: error.diagnostics.map { $0.rendered(.en) }.joined(separator: "; "))
            }
            // Cells left blank read as not recorded; the store keeps no commune as blank too.
            for (key, value) in root["sources"] as? [String: [String: String]] ?? [:] {
                guard let f = standard.factIndex(key) else { throw SnapshotError(problem: "unknown fact \(key)") }
                evidence.sources[f] = FactSource(document: value["document"], date: value["date"].flatMap(CalendarDate.init(iso:)),
                                                 collectedBy: value["collectedBy"], note: value["note"])
            }
            if let events = root["vetoEvents"] as? [[String: String]] {
                evidence.vetoEvents = try events.map { event in
                    guard let v = standard.recognition.vetoes.firstIndex(where: { $0.id == event["event"] }) else {
                        throw SnapshotError(problem: "unknown veto event \(event["event"] ?? "")")
                    }
                    return VetoEvent(veto: v, date: event["date"].flatMap(CalendarDate.init(iso:)), description: event["description"])
                }
            } else {
                evidence.vetoEvents = nil
            }
            return evidence
        }
    }
}
