import PhuhopCore
import Synchronization

/// What every decision under a standard repeats in its JSON (the description of each value it
/// may rest on, the fixed members of its criteria, indicators and facts, each band's range and
/// JSON), rendered once per language and kept with the reference.
///
/// A decision resting on provisional values lists each with its path, value, mark and
/// citation: for the commune standard that was a quarter of the scoring API's answer, and
/// describing them again for every request was a tenth of its time.
public final class StandardPhrases: Sendable {
    /// The phrases of one language.
    struct Table: Sendable {
        /// `DecisionJSON.value(_:_:)` of each value of the standard, by its slot in
        /// `Standard.allValues` (a decision's `valueTable`).
        let values: [JSONValue]
        /// The texts of each criterion, by criterion.
        let criteria: [CriterionTexts]
        /// The members `id` and `name` of each fact, by fact.
        let facts: [RenderedMembers]
    }

    /// A criterion's members that do not depend on the decision, and its indicators' texts.
    struct CriterionTexts: Sendable {
        /// `id`, `number` and `name`.
        let head: RenderedMembers
        /// `maximum`.
        let maximum: RenderedMembers
        /// `citation`.
        let citation: RenderedMembers
        let indicators: [IndicatorTexts]
    }

    /// An indicator's members that do not depend on the decision, and the range text and JSON of
    /// each band.
    struct IndicatorTexts: Sendable {
        /// `id` and `name`.
        let head: RenderedMembers
        /// `maximum`.
        let maximum: RenderedMembers
        /// `citation`.
        let citation: RenderedMembers
        /// `Band.rangeText` of each band.
        let ranges: [JSONText]
        /// `DecisionJSON.band(_:_:range:)` of each band: a matched band is shown whole.
        let bands: [RenderedJSON]
    }

    private let standard: Standard
    private let tables = Mutex<[Language: Table]>([:])

    init(standard: Standard) {
        self.standard = standard
    }

    /// The phrases in `language`, made on first use.
    func table(_ language: Language) -> Table {
        if let made = tables.withLock({ $0[language] }) { return made }
        // Made outside the lock: two requests may both make it, and either result is the same.
        let made = Table(
            values: standard.allValues.map {
                JSONValue.rendered(RenderedJSON(DecisionJSON.value(standard.describe($0, language: language), language)))
            },
            criteria: standard.criteria.map { criterion in
                CriterionTexts(
                    head: RenderedMembers([("id", .string(criterion.id)), ("number", .int(criterion.number)),
                                           ("name", .string(criterion.name(language)))]),
                    maximum: RenderedMembers([("maximum", .int(criterion.maximum.value))]),
                    citation: RenderedMembers([("citation", .string(criterion.citation))]),
                    indicators: criterion.indicators.map { indicator in
                        let bands = indicator.bands
                        let ranges = bands.map { $0.rangeText(percent: indicator.isRate, language: language) }
                        return IndicatorTexts(
                            head: RenderedMembers([("id", .string(indicator.id)), ("name", .string(indicator.name(language)))]),
                            maximum: RenderedMembers([("maximum", .int(indicator.maximumPoints))]),
                            citation: RenderedMembers([("citation", .string(indicator.citation))]),
                            ranges: ranges.map { JSONText($0) },
                            bands: bands.indices.map { RenderedJSON(DecisionJSON.band($0, bands[$0], range: ranges[$0])) })
                    })
            },
            facts: standard.facts.map { RenderedMembers([("id", .string($0.id)), ("name", .string($0.name(language)))]) })
        tables.withLock { $0[language] = made }
        return made
    }
}
