/// The evidence for one unit and one period, bound to the facts of one standard.
public struct Evidence: Sendable, Equatable {
    public var unit: UnitInfo
    public var period: Period
    /// One slot per fact of the standard, by index; nil is a fact not supplied (missing).
    public var facts: [FactValue?]
    /// Where each fact came from, by the same index.
    public var sources: [FactSource?]
    /// The veto events declared; nil when the evidence does not say (a standard with vetoes is
    /// then undetermined), empty when there were none.
    public var vetoEvents: [VetoEvent]?
    /// Who assessed: the unit itself or an inspection.
    public var assessment: Assessment

    public init(unit: UnitInfo, period: Period, facts: [FactValue?], sources: [FactSource?],
                vetoEvents: [VetoEvent]? = nil, assessment: Assessment = .selfAssessment) {
        self.unit = unit
        self.period = period
        self.facts = facts
        self.sources = sources
        self.vetoEvents = vetoEvents
        self.assessment = assessment
    }
}

/// Who made an assessment.
public enum Assessment: String, Sendable, CaseIterable {
    /// The school or household assessed itself (tự đánh giá).
    case selfAssessment
    /// The managing authority inspected (kiểm tra, thẩm định).
    case inspection

    public var name: LocalizedText {
        switch self {
        case .selfAssessment: LocalizedText(vi: "tự đánh giá", en: "self-assessment")
        case .inspection: LocalizedText(vi: "kiểm tra của cơ quan quản lý", en: "inspection")
        }
    }
}

/// A veto event that happened: which veto, when, and what.
public struct VetoEvent: Sendable, Hashable {
    /// Index into `RecognitionRules.vetoes`.
    public var veto: Int
    public var date: CalendarDate?
    public var description: String?

    public init(veto: Int, date: CalendarDate?, description: String?) {
        self.veto = veto
        self.date = date
        self.description = description
    }
}

/// The unit an evidence record is about.
public struct UnitInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var province: String
    public var unitType: UnitType
    /// One slot per attribute of the standard; nil is not recorded.
    public var attributes: [Bool?]
    /// The commune-level unit a school or household belongs to, for roll-ups.
    public var commune: String?

    public init(id: String, name: String, province: String, unitType: UnitType, attributes: [Bool?],
                commune: String? = nil) {
        self.id = id
        self.name = name
        self.province = province
        self.unitType = unitType
        self.attributes = attributes
        self.commune = commune
    }
}

/// The value of one fact.
public enum FactValue: Sendable, Hashable {
    case count(Int64)
    case boolean(Bool)
    /// A fraction of one (12.5% is 1/8).
    case share(Rational)
    /// A checklist item's answer.
    case answer(ItemAnswer)
}

/// The answer to a checklist item.
public enum ItemAnswer: String, Sendable, CaseIterable {
    /// Đạt: met.
    case dat
    /// Chưa đạt: not yet met.
    case chuaDat
    /// Không áp dụng: not applicable (a canteen the school does not have).
    case notApplicable

    public var name: LocalizedText {
        switch self {
        case .dat: LocalizedText(vi: "Đạt", en: "met")
        case .chuaDat: LocalizedText(vi: "Chưa đạt", en: "not yet met")
        case .notApplicable: LocalizedText(vi: "Không áp dụng", en: "not applicable")
        }
    }
}

/// Where a fact came from: the document, its date, who collected it.
public struct FactSource: Sendable, Hashable {
    public var document: String?
    public var date: CalendarDate?
    public var collectedBy: String?
    /// A remark on the value, such as why an item is not applicable.
    public var note: String?

    public init(document: String?, date: CalendarDate?, collectedBy: String?, note: String? = nil) {
        self.document = document
        self.date = date
        self.collectedBy = collectedBy
        self.note = note
    }
}
