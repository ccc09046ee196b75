/// How well a value in the criteria is known: the marks V, R, I and P of the domain notes.
public enum Provenance: String, Sendable, CaseIterable, Comparable {
    /// Read in the legal text or a faithful quotation of it.
    case verified
    /// Stated by a secondary source (press, legal Q&A), consistent with the text.
    case reported
    /// Follows by arithmetic from verified facts.
    case inferred
    /// Not known: a working value, to be replaced when the official text is at hand.
    case provisional

    /// The mark in words, for reports.
    public var label: LocalizedText {
        switch self {
        case .verified: LocalizedText(vi: "đã kiểm chứng", en: "verified")
        case .reported: LocalizedText(vi: "theo nguồn thứ cấp", en: "reported")
        case .inferred: LocalizedText(vi: "suy ra", en: "inferred")
        case .provisional: LocalizedText(vi: "tạm dùng", en: "provisional")
        }
    }

    /// Whether a value with this mark may be presented as official.
    public var isOfficial: Bool { self == .verified || self == .reported }

    public static func < (lhs: Provenance, rhs: Provenance) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .verified: 0
        case .reported: 1
        case .inferred: 2
        case .provisional: 3
        }
    }
}

/// A value from the criteria with its provenance mark, the legal citation to check it against
/// and an optional note (why a working value was chosen).
public struct Marked<Value: Sendable>: Sendable {
    public var value: Value
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?

    public init(_ value: Value, provenance: Provenance, citation: String? = nil, note: LocalizedText? = nil) {
        self.value = value
        self.provenance = provenance
        self.citation = citation
        self.note = note
    }

    /// Whether this value is a working value rather than a known one.
    public var isProvisional: Bool { provenance == .provisional }
}

extension Marked: Equatable where Value: Equatable {}
