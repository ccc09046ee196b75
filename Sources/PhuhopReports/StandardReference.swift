import PhuhopCore

/// The standard a decision was made under, as reports cite it: the rules and their hash.
public struct StandardReference: Sendable {
    public let standard: Standard
    /// SHA-256 of the criteria content.
    public let hash: String
    /// Texts every decision under the standard repeats, kept once made (see `StandardPhrases`).
    public let phrases: StandardPhrases

    public init(standard: Standard, hash: String) {
        self.standard = standard
        self.hash = hash
        phrases = StandardPhrases(standard: standard)
    }
}
