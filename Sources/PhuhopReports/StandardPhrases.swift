import PhuhopCore
import Synchronization

/// What every decision under a standard repeats in its JSON (the description of each value it
/// may rest on, the range of each band), made once per language and kept with the reference.
///
/// A decision resting on provisional values lists each with its path, value, mark and
/// citation: for the commune standard that was a quarter of the scoring API's answer, and
/// describing them again for every request was a tenth of its time.
public final class StandardPhrases: Sendable {
    /// The phrases of one language.
    struct Table: Sendable {
        /// `DecisionJSON.value(_:_:)` of each value of the standard.
        let values: [ValueReference: JSONValue]
        /// `Band.rangeText` of each band, by criterion, indicator and band.
        let ranges: [[[String]]]
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
        let values = standard.allValues.map { ($0, DecisionJSON.value(standard.describe($0, language: language), language)) }
        let made = Table(
            values: Dictionary(values, uniquingKeysWith: { first, _ in first }),
            ranges: standard.criteria.map { criterion in
                criterion.indicators.map { indicator in
                    indicator.bands.map { $0.rangeText(percent: indicator.isRate, language: language) }
                }
            })
        tables.withLock { $0[language] = made }
        return made
    }
}
