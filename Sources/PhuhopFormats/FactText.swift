import Foundation
import PhuhopCore

/// Reads fact values from text and checks facts against each other; shared by the YAML/JSON
/// reader and the CSV reader, so both accept and reject exactly the same evidence.
public enum FactText {
    /// The largest count accepted: far above any commune's population, and low enough that
    /// sums and incidences of counts stay exact in 64-bit arithmetic.
    public static let maximumCount: Int64 = 1_000_000_000

    /// The value of a fact written as text, or what is wrong with it.
    public static func parse(_ raw: String, type: FactType) -> Result<FactValue, FactProblem> {
        let text = trimmed(raw)
        switch type {
        case .boolean:
            switch text {
            case "true", "True", "TRUE": return .success(.boolean(true))
            case "false", "False", "FALSE": return .success(.boolean(false))
            default:
                return .failure(FactProblem(vi: "cần true hoặc false, gặp “\(text)”", en: "expected true or false, found “\(text)”"))
            }
        case .count:
            guard let value = Int64(text) else {
                let digits = text.drop { $0 == "-" }
                if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    return .failure(FactProblem(vi: "số \(text) quá lớn", en: "the number \(text) is too large"))
                }
                return .failure(FactProblem(vi: "cần một số nguyên, gặp “\(text)”", en: "expected a whole number, found “\(text)”"))
            }
            guard value >= 0 else {
                return .failure(FactProblem(vi: "số đếm không được âm (\(value))", en: "a count cannot be negative (\(value))"))
            }
            guard value <= maximumCount else {
                return .failure(FactProblem(
                    vi: "số đếm \(value) quá lớn (tối đa \(maximumCount)); kiểm tra lại số liệu",
                    en: "the count \(value) is too large (at most \(maximumCount)); check the figure"))
            }
            return .success(.count(value))
        case .share:
            // The % sign is required: 0.24 could mean 24% or 0.24%, and guessing would change the points.
            guard text.hasSuffix("%"), let share = Rational(percent: Substring(text)) else {
                return .failure(FactProblem(
                    vi: "cần một tỷ lệ phần trăm có dấu %, như 4,2%, gặp “\(text)”",
                    en: "expected a percentage with a % sign, such as 4.2%, found “\(text)”"))
            }
            guard share >= .zero, share <= .one else {
                return .failure(FactProblem(vi: "tỷ lệ phải từ 0% đến 100%, gặp \(text)",
                                            en: "a share must be between 0% and 100%, found \(text)"))
            }
            return .success(.share(share))
        case .answer:
            guard let answer = answer(text) else {
                return .failure(FactProblem(
                    vi: "cần Đạt, Chưa đạt hoặc Không áp dụng (dat, chuaDat, notApplicable), gặp “\(text)”",
                    en: "expected dat, chuaDat or notApplicable (Đạt, Chưa đạt, Không áp dụng), found “\(text)”"))
            }
            return .success(.answer(answer))
        }
    }

    /// A checklist answer in either the identifiers or the Vietnamese words a form shows.
    static func answer(_ text: String) -> ItemAnswer? {
        let folded = ComposedText.nfc(text).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        switch folded {
        case "dat", "đạt": return .dat
        case "chuadat", "chưa đạt": return .chuaDat
        case "notapplicable", "not applicable", "không áp dụng", "n/a": return .notApplicable
        default: return nil
        }
    }

    /// Problems with a checklist's answers: an item left unanswered, or answered not applicable
    /// where the standard does not allow it. Each problem names the item's answer fact.
    public static func answerProblems(_ facts: [FactValue?], standard: Standard) -> [(fact: Int, problem: FactProblem)] {
        var out: [(Int, FactProblem)] = []
        let excluded = standard.recognition.notApplicable?.value == true
        for criterion in standard.criteria {
            for indicator in criterion.indicators {
                guard let item = indicator.item else { continue }
                switch facts[item.fact] {
                case nil:
                    // Only the answers this item may take: "not applicable" where the standard allows it.
                    let choices = item.mayBeNotApplicable && excluded
                        ? LocalizedText(vi: "Đạt, Chưa đạt hoặc Không áp dụng", en: "dat, chuaDat or notApplicable")
                        : LocalizedText(vi: "Đạt hoặc Chưa đạt", en: "dat or chuaDat")
                    out.append((item.fact, FactProblem(
                        vi: "tiêu chí \(indicator.id) chưa có câu trả lời (\(choices.vi))",
                        en: "item \(indicator.id) has no answer (\(choices.en))")))
                case .answer(.notApplicable)? where !(item.mayBeNotApplicable && excluded):
                    let what = item.mandatory.value
                        ? LocalizedText(vi: "tiêu chí bắt buộc \(indicator.id)", en: "mandatory item \(indicator.id)")
                        : LocalizedText(vi: "tiêu chí \(indicator.id)", en: "item \(indicator.id)")
                    out.append((item.fact, FactProblem(
                        vi: "\(what.vi) không được đánh giá “Không áp dụng” theo \(standard.id); chọn Đạt hoặc Chưa đạt",
                        en: "\(what.en) may not be answered not applicable under \(standard.id); answer dat or chuaDat")))
                default:
                    break
                }
            }
        }
        return out
    }

    /// A veto cell of a CSV row: empty is not declared, `không`/`0` is none, a date or `có` an event.
    static func vetoCell(_ text: String) -> Result<(happened: Bool, date: CalendarDate?)?, FactProblem> {
        let folded = ComposedText.nfc(text).lowercased()
        switch folded {
        case "": return .success(nil)
        case "0", "không", "khong", "no", "false": return .success((false, nil))
        case "1", "có", "co", "yes", "true": return .success((true, nil))
        default:
            if let date = CalendarDate(iso: folded) { return .success((true, date)) }
            return .failure(FactProblem(
                vi: "cần “không”, “có” hoặc ngày xảy ra dạng YYYY-MM-DD, gặp “\(text)”",
                en: "expected “no”, “yes” or the date it happened as YYYY-MM-DD, found “\(text)”"))
        }
    }

    /// The text without leading and trailing spaces or tabs.
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and took half of a batch's
    /// time; cells are short and almost never padded, so look at the ends first.
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func blank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, blank(first) || blank(last) else { return text }
        let start = utf8.firstIndex { !blank($0) } ?? utf8.endIndex
        guard start < utf8.endIndex, let end = utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[start...end])
    }

    /// Facts that contradict another fact: a numerator above its denominator, a cohort larger
    /// than all children. Each problem names the fact at fault.
    public static func inconsistencies(_ facts: [FactValue?], standard: Standard) -> [(fact: Int, problem: FactProblem)] {
        var out: [(Int, FactProblem)] = []
        // By index: iterating copies each definition, retaining every text in it, on every read.
        for index in standard.facts.indices {
            guard let limit = standard.facts[index].atMost, case .count(let value)? = facts[index],
                  case .count(let bound)? = facts[limit], value > bound else { continue }
            let id = standard.facts[index].id
            out.append((index, FactProblem(
                vi: "\(id) = \(value) lớn hơn \(standard.facts[limit].id) = \(bound) (tử số vượt mẫu số)",
                en: "\(id) = \(value) is greater than \(standard.facts[limit].id) = \(bound) (numerator above denominator)")))
        }
        return out
    }
}

/// What is wrong with a fact's value, in both languages.
public struct FactProblem: Error, Sendable {
    public var message: LocalizedText

    init(vi: String, en: String) {
        message = LocalizedText(vi: vi, en: en)
    }
}

extension FactText {
    /// A unit type written as text, or what is wrong with it; the type must be one the
    /// standard applies to.
    public static func unitType(_ text: String, standard: Standard? = nil) -> Result<UnitType, FactProblem> {
        if let type = UnitType(rawValue: text) {
            if let standard, !standard.unitTypes.isEmpty, !standard.unitTypes.contains(type) {
                let names = standard.unitTypes.map(\.rawValue).joined(separator: ", ")
                return .failure(FactProblem(
                    vi: "chuẩn \(standard.id) không áp dụng cho loại đơn vị “\(text)”; dùng \(names)",
                    en: "standard \(standard.id) does not apply to the unit type “\(text)”; use \(names)"))
            }
            return .success(type)
        }
        return choice(text, named: LocalizedText(vi: "loại đơn vị", en: "unit type"))
    }

    /// What `assessment` is called in messages.
    static let assessmentName = LocalizedText(vi: "hình thức đánh giá", en: "assessment")

    /// One of an enumeration's identifiers, or what is wrong with it (with a did-you-mean):
    /// the one way unit types, standard kinds, assessments and roll-up counts are read.
    public static func choice<T: RawRepresentable & CaseIterable>(_ text: String, named what: LocalizedText)
        -> Result<T, FactProblem> where T.RawValue == String
    {
        if let value = T(rawValue: text) { return .success(value) }
        let names = T.allCases.map(\.rawValue)
        let hint = Suggestion.hint(for: text, in: names)
        return .failure(FactProblem(
            vi: "\(what.vi) “\(text)” không hợp lệ; dùng \(names.joined(separator: ", ")).\(hint.vi)",
            en: "invalid \(what.en) “\(text)”; use \(names.joined(separator: ", ")).\(hint.en)"))
    }

    /// A period from two dates, checked against the standard's days in force.
    public static func period(from: CalendarDate, to: CalendarDate, standard: Standard) -> Result<Period, FactProblem> {
        guard let period = Period(from: from, to: to) else {
            return .failure(FactProblem(vi: "kỳ kết thúc (\(to)) trước khi bắt đầu (\(from))",
                                        en: "the period ends (\(to)) before it starts (\(from))"))
        }
        guard standard.effective.value.contains(to) else {
            return .failure(FactProblem(
                vi: "chuẩn \(standard.id) có hiệu lực từ \(standard.effective.value.from); kỳ kết thúc \(to) nằm ngoài thời gian hiệu lực",
                en: "standard \(standard.id) is in force from \(standard.effective.value.from); the period ending \(to) is outside it"))
        }
        return .success(period)
    }
}
