/// The recognition rules of a standard: every condition a unit must meet, all as data.
///
/// A points standard (the commune standard) uses the class thresholds and the no-zero rule; a
/// checklist (safe school, safe home) uses the share of applicable items met, the mandatory
/// items, thresholds by institution type and veto events. The evaluator checks whichever are
/// present, so the two kinds of standard are two uses of one model.
public struct RecognitionRules: Sendable {
    /// Whether a criterion scoring zero blocks recognition whatever the total.
    public var noZeroCriterion: Marked<Bool>
    /// The classes with their thresholds; empty when the standard has no threshold on the total.
    public var classes: [UnitClass]
    public var classRules: [ClassRule]
    /// The least share of applicable checklist items that must be met (80% is 4/5).
    public var minimumShare: Marked<Rational>?
    /// Whether every applicable mandatory item must be met.
    public var allMandatory: Marked<Bool>?
    /// How a not-applicable item counts: when set, it leaves both the count and the base.
    public var notApplicable: Marked<Bool>?
    /// Events that fail the unit whatever its checklist says.
    public var vetoes: [Veto]

    public init(noZeroCriterion: Marked<Bool>, classes: [UnitClass], classRules: [ClassRule],
                minimumShare: Marked<Rational>? = nil, allMandatory: Marked<Bool>? = nil,
                notApplicable: Marked<Bool>? = nil, vetoes: [Veto] = []) {
        self.noZeroCriterion = noZeroCriterion
        self.classes = classes
        self.classRules = classRules
        self.minimumShare = minimumShare
        self.allMandatory = allMandatory
        self.notApplicable = notApplicable
        self.vetoes = vetoes
    }
}

/// An event that fails a unit whatever else it meets, such as food poisoning at a preschool.
public struct Veto: Sendable {
    public var id: String
    public var name: LocalizedText
    public var provenance: Provenance
    public var citation: String?
    public var note: LocalizedText?

    public init(id: String, name: LocalizedText, provenance: Provenance, citation: String?, note: LocalizedText?) {
        self.id = id
        self.name = name
        self.provenance = provenance
        self.citation = citation
        self.note = note
    }
}

/// A class of unit with its minimum total (`>=`), and for a checklist the least number of
/// mandatory items met.
public struct UnitClass: Sendable {
    public var id: String
    public var name: LocalizedText
    public var threshold: Marked<Int>
    public var mandatoryThreshold: Marked<Int>?

    public init(id: String, name: LocalizedText, threshold: Marked<Int>, mandatoryThreshold: Marked<Int>? = nil) {
        self.id = id
        self.name = name
        self.threshold = threshold
        self.mandatoryThreshold = mandatoryThreshold
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

/// The type of a unit: a commune-level unit, or an institution or household inside one.
public enum UnitType: String, Sendable, CaseIterable {
    /// Xã: a rural commune.
    case xa
    /// Phường: an urban ward.
    case phuong
    /// Thị trấn: a township.
    case thiTran = "thi-tran"
    /// Đặc khu: an island special zone (2025).
    case dacKhu = "dac-khu"
    /// Trường: a school (primary, secondary, continuing education, or a preschool).
    case truong
    /// Nhóm trẻ, lớp mẫu giáo độc lập: an independent preschool group or class.
    case nhomLopDocLap = "nhom-lop-doc-lap"
    /// Hộ gia đình: a household.
    case hoGiaDinh = "ho-gia-dinh"

    /// Whether the unit is commune-level (xã, phường, thị trấn, đặc khu).
    public var isCommuneLevel: Bool {
        switch self {
        case .xa, .phuong, .thiTran, .dacKhu: true
        case .truong, .nhomLopDocLap, .hoGiaDinh: false
        }
    }

    /// The unit type's name.
    public var name: LocalizedText {
        switch self {
        case .xa: LocalizedText(vi: "xã", en: "commune")
        case .phuong: LocalizedText(vi: "phường", en: "ward")
        case .thiTran: LocalizedText(vi: "thị trấn", en: "township")
        case .dacKhu: LocalizedText(vi: "đặc khu", en: "special zone")
        case .truong: LocalizedText(vi: "trường", en: "school")
        case .nhomLopDocLap: LocalizedText(vi: "nhóm trẻ, lớp mẫu giáo độc lập", en: "independent preschool group or class")
        case .hoGiaDinh: LocalizedText(vi: "hộ gia đình", en: "household")
        }
    }
}
