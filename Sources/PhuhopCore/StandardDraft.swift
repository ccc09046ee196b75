/// A standard with a list of `PATH=VALUE` overrides applied and checked, for what-if.
///
/// Every overridden value becomes provisional (`StandardOverride`); the result must pass the
/// lint, so a draft that breaks the table (bands out of order, maxima that do not add up) is
/// refused with every problem named.
public enum StandardDraft {
    /// Why overrides could not make a valid standard.
    public enum Failure: Error, Sendable, Equatable {
        /// Not `PATH=VALUE`.
        case malformed(String)
        /// An override that names no value, or a value of the wrong kind.
        case refused(String, LocalizedText)
        /// The standard after the overrides breaks the lint: `path: message` for each problem.
        case invalid([(path: String, message: LocalizedText)])

        public static func == (a: Failure, b: Failure) -> Bool {
            switch (a, b) {
            case (.malformed(let x), .malformed(let y)): x == y
            case (.refused(let x, let m), .refused(let y, let n)): x == y && m == n
            case (.invalid(let x), .invalid(let y)): x.map(\.path) == y.map(\.path) && x.map(\.message) == y.map(\.message)
            default: false
            }
        }

        public var message: LocalizedText {
            switch self {
            case .malformed(let text):
                LocalizedText(vi: "cần dạng ĐƯỜNG_DẪN=GIÁ_TRỊ, gặp “\(text)”", en: "needs PATH=VALUE, found “\(text)”")
            case .refused(let text, let why):
                LocalizedText(vi: "\(text): \(why.vi)", en: "\(text): \(why.en)")
            case .invalid(let problems):
                LocalizedText(vi: "bản thử không hợp lệ: " + problems.map { "\($0.path): \($0.message.vi)" }.joined(separator: "; "),
                              en: "the variant is not valid: " + problems.map { "\($0.path): \($0.message.en)" }.joined(separator: "; "))
            }
        }
    }

    /// `standard` with every override in `texts` applied in order, its id marked `+set`.
    public static func applying(_ texts: [String], to standard: Standard) throws(Failure) -> Standard {
        guard !texts.isEmpty else { return standard }
        var draft = standard
        for text in texts {
            guard let override = StandardOverride(text) else { throw .malformed(text) }
            do {
                draft = try override.apply(to: draft)
            } catch {
                throw .refused(text, error.message)
            }
        }
        let problems = StandardLint.problems(in: draft)
        guard problems.isEmpty else {
            throw .invalid(problems.map { (draft.describe($0.subject).path, $0.message) })
        }
        draft.id += "+set"
        return draft
    }
}
