import PhuhopCore

/// Finds the closest known name to a misspelt one, for "did you mean" hints.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        EditDistance.closest(to: word, in: candidates)
    }

    /// A sentence fragment suggesting the closest candidate, or nothing.
    public static func hint(for word: String, in candidates: [String]) -> (vi: String, en: String) {
        guard let match = closest(to: word, in: candidates) else { return ("", "") }
        return (" Có phải ý bạn là “\(match)”?", " Did you mean “\(match)”?")
    }
}
