import PhuhopCore

/// What a standard's facts typically look like, for synthetic data only (never for scoring):
/// the size of a cohort as a share of another fact, or a range of values. Read from a profile
/// file such as `examples/synthetic-qd06-2019.profile`; facts without a hint use generic rules.
public struct SyntheticProfile: Sendable {
    /// One fact's typical value.
    public enum Hint: Sendable, Equatable {
        /// Between `from` and `to` (fractions of one) of another count fact, rounded down.
        case share(of: Int, from: Rational, to: Rational)
        /// A whole number between `from` and `to`, both included.
        case range(from: Int64, to: Int64)
    }

    /// Hints by fact index.
    public var hints: [Int: Hint]

    public init(hints: [Int: Hint] = [:]) {
        self.hints = hints
    }
}
