import PhuhopCore
import Synchronization

/// What every decision under a standard repeats in its JSON (the description of each value it
/// may rest on, the names, citations and band ranges), escaped once per language and kept with
/// the reference.
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
        /// The id and name of each fact, by fact.
        let facts: [(id: JSONText, name: JSONText)]
    }

    /// A criterion's name and citation, and its indicators' texts.
    struct CriterionTexts: Sendable {
        let name: JSONText
        let citation: JSONText?
        let indicators: [IndicatorTexts]
    }

    /// An indicator's id, name and citation, and the range text and JSON of each band.
    struct IndicatorTexts: Sendable {
        let id: JSONText
        let name: JSONText
        let citation: JSONText?
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
                    name: JSONText(criterion.name(language)), citation: JSONText(criterion.citation),
                    indicators: criterion.indicators.map { indicator in
                        IndicatorTexts(
                            id: JSONText(indicator.id), name: JSONText(indicator.name(language)),
                            citation: JSONText(indicator.citation),
                            ranges: indicator.bands.map { JSONText($0.rangeText(percent: indicator.isRate, language: language)) },
                            bands: indicator.bands.enumerated().map { b, band in
                                RenderedJSON(DecisionJSON.band(b, band, range: band.rangeText(percent: indicator.isRate, language: language)))
                            })
                    })
            },
            facts: standard.facts.map { (JSONText($0.id), JSONText($0.name(language))) })
        tables.withLock { $0[language] = made }
        return made
    }
}
