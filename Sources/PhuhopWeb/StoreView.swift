import PhuhopCore
import PhuhopStore

/// The store as one request sees it: what it reads is remembered by the web services until
/// the store's version changes, and the version is asked once per request.
struct StoreView: Sendable {
    let services: WebServices
    let version: Int64

    /// The evidence form of a unit for a standard, filled in from its latest evidence.
    func evidenceFields(_ unit: UnitSummary, _ standard: Standard, language: Language) throws -> String {
        let key = WebServices.FormKey(unit: unit.id, standard: standard.id, revision: try latestRevisionID(unit: unit.id, standard: standard.id),
                          language: language)
        if let hit = services.forms.withLock({ $0[key] }) { return hit }
        // Kept under the revision actually read (a write may have come in since its id was).
        let latest = try services.store.latestRevision(unit: unit.id, standard: standard)
        let values = latest.map { EvidenceForm.values(of: $0.evidence, standard: standard) } ?? [:]
        let text = EvidenceForm(standard: standard, unit: unit, language: language)
            .fields(values, problems: FieldProblems(), assessments: Assessment.allCases)
        var read = key
        read.revision = latest?.id
        WebServices.keep(text, for: read, in: services.forms)
        return text
    }

    /// The unit with this id as it is now, or 404.
    func unit(_ id: String) throws -> UnitSummary {
        let found = try services.remembered(at: version, { $0.units[id] }) { store, memo in
            let unit = try store.unitSummaries(unit: id).first
            memo.units[id] = unit
            return unit
        }
        guard let unit = found else {
            throw WebError.notFound(LocalizedText(vi: "không có đơn vị “\(id)”", en: "no unit “\(id)”"))
        }
        return unit
    }

    /// Every unit as it is now.
    func units() throws -> [UnitSummary] {
        try services.remembered(at: version, { $0.all }) { store, memo in
            let all = try store.unitSummaries()
            memo.all = all
            return all
        } ?? []
    }

    /// Everything kept about a unit.
    func history(_ id: String) throws -> UnitHistory {
        guard let history = try services.remembered(at: version, { $0.histories[id] }, { store, memo in
            let history = try store.history(of: id)
            memo.histories[id] = history
            return history
        }) else { throw StoreError.unknownUnit(id) }
        return history
    }

    /// A part of a page made only from what the store holds (a unit's history), kept until the
    /// store's version changes.
    func rendered(_ part: String, _ id: String, _ language: Language, _ make: () throws -> String) throws -> String {
        let key = part + "\u{0}" + id + "\u{0}" + language.rawValue
        return try services.remembered(at: version, { $0.parts[key] }) { _, memo in
            let text = try make()
            memo.parts[key] = text
            return text
        } ?? ""
    }

    /// The id of the unit's latest evidence revision for a standard.
    func latestRevisionID(unit: String, standard: String) throws -> Int64? {
        let key = unit + "\u{0}" + standard
        return try services.remembered(at: version, { $0.revisions[key] }) { store, memo in
            let id = try store.latestRevisionID(unit: unit, standard: standard)
            memo.revisions[key] = .some(id)
            return .some(id)
        } ?? nil
    }
}
