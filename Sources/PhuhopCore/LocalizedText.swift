/// The two languages of every output: Vietnamese first, English second.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en
}

/// A text in Vietnamese and English.
public struct LocalizedText: Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in the given language.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
