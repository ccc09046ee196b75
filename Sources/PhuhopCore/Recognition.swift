/// The recognition rules of a points standard: the classes of unit, their thresholds, and the
/// ordered rules that derive a unit's class from its attributes.
public struct RecognitionRules: Sendable {
    /// Whether a criterion scoring zero blocks recognition whatever the total.
    public var noZeroCriterion: Marked<Bool>
    public var classes: [UnitClass]
    public var classRules: [ClassRule]

    public init(noZeroCriterion: Marked<Bool>, classes: [UnitClass], classRules: [ClassRule]) {
        self.noZeroCriterion = noZeroCriterion
        self.classes = classes
        self.classRules = classRules
    }
}

/// A class of unit with its minimum total (`>=`).
public struct UnitClass: Sendable {
    public var id: String
    public var name: LocalizedText
    public var threshold: Marked<Int>

    public init(id: String, name: LocalizedText, threshold: Marked<Int>) {
        self.id = id
        self.name = name
        self.threshold = threshold
    }
}

/// "A unit of these types with these attributes belongs to this class."
public struct ClassRule: Sendable {
    /// Index into `RecognitionRules.classes`.
    public var unitClass: Int
    /// The unit types the rule applies to; empty means any.
    public var unitTypes: [UnitType]
    /// Attribute index and the value it must have.
    public var attributes: [(attribute: Int, value: Bool)]
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?

    public init(
        unitClass: Int, unitTypes: [UnitType], attributes: [(attribute: Int, value: Bool)],
        provenance: Provenance, citation: String?, note: LocalizedText?
    ) {
        self.unitClass = unitClass
        self.unitTypes = unitTypes
        self.attributes = attributes
        self.provenance = provenance
        self.citation = citation
        self.note = note
    }
}

/// The type of a commune-level unit.
public enum UnitType: String, Sendable, CaseIterable {
    /// Xã: a rural commune.
    case xa
    /// Phường: an urban ward.
    case phuong
    /// Thị trấn: a township.
    case thiTran = "thi-tran"
    /// Đặc khu: an island special zone (2025).
    case dacKhu = "dac-khu"

    /// The unit type's name.
    public var name: LocalizedText {
        switch self {
        case .xa: LocalizedText(vi: "xã", en: "commune")
        case .phuong: LocalizedText(vi: "phường", en: "ward")
        case .thiTran: LocalizedText(vi: "thị trấn", en: "township")
        case .dacKhu: LocalizedText(vi: "đặc khu", en: "special zone")
        }
    }
}
