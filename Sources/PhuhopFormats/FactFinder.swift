import PhuhopCore

/// Finds facts of a standard by id, each search starting after the fact found last.
///
/// Evidence lists its facts in the standard's order (templates, forms and exports write them
/// so), so reading a unit's hundred facts is one pass over the standard rather than a search
/// from the start for each; facts in any other order are still found.
struct FactFinder {
    private let facts: [FactDefinition]
    private var next = 0

    init(_ standard: Standard) {
        facts = standard.facts
    }

    /// The index of the fact with this id.
    mutating func index(_ id: String) -> Int? {
        let count = facts.count
        var i = next
        for _ in 0..<count {
            if i == count { i = 0 }
            if facts[i].id == id {
                next = i + 1
                return i
            }
            i += 1
        }
        return nil
    }
}
