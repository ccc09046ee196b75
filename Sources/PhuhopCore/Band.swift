/// One row of a band table: a range of values and the points it gives.
public struct Band: Sendable {
    public var lower: Bound?
    public var upper: Bound?
    public var points: Int
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?

    public init(
        lower: Bound?, upper: Bound?, points: Int, provenance: Provenance,
        citation: String? = nil, note: LocalizedText? = nil
    ) {
        self.lower = lower
        self.upper = upper
        self.points = points
        self.provenance = provenance
        self.citation = citation
        self.note = note
    }

    /// Whether the value lies in this band.
    @inlinable
    public func contains(_ value: Rational) -> Bool {
        Bound.range(lower: lower, upper: upper, contains: value)
    }
}

/// One end of a band: `atLeast`/`atMost` are inclusive, `above`/`below` are not.
public struct Bound: Sendable, Equatable {
    public var value: Rational
    public var inclusive: Bool

    public init(_ value: Rational, inclusive: Bool) {
        self.value = value
        self.inclusive = inclusive
    }

    /// Whether `value` lies between the two ends; a missing end is open.
    @inlinable
    public static func range(lower: Bound?, upper: Bound?, contains value: Rational) -> Bool {
        if let lower, lower.inclusive ? value < lower.value : value <= lower.value { return false }
        if let upper, upper.inclusive ? value > upper.value : value >= upper.value { return false }
        return true
    }
}
