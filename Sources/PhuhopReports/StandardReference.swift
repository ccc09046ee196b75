import PhuhopCore

/// The standard a decision was made under, as reports cite it: the rules and their hash.
public struct StandardReference: Sendable {
    public var standard: Standard
    /// SHA-256 of the criteria content.
    public var hash: String

    public init(standard: Standard, hash: String) {
        self.standard = standard
        self.hash = hash
    }
}
