import Foundation
import Hummingbird
import PhuhopCore
import PhuhopFormats
import PhuhopStore

/// What-if for policy staff: a variant of a standard, or changed values, over every unit's
/// latest evidence; which units would flip, and the criteria that made them flip.
struct WhatIfRoutes: Sendable {
    let services: WebServices
    /// At most this many flipping units are listed; the counts cover all.
    static let listed = 200

    func register(on router: Router<WebContext>) {
        router.get("/whatif") { request, context in try page(request, context) }
    }

    /// The comparison of every unit's latest evidence under two versions of a standard.
    struct Result: Sendable {
        var summary = ComparisonSummary()
        var flips: [UnitComparison] = []
        /// Units whose points or outcome change while they neither gain nor lose recognition,
        /// at most `listed` of them.
        var shifts: [UnitComparison] = []
    }

    /// Compares `baseline` and `variant` on the store's latest evidence for the baseline.
    static func compare(_ store: Store, baseline: Standard, variant: Standard) throws -> Result {
        let pairing = StandardPairing(baseline: baseline, variant: variant)
        let before = Evaluator(standard: baseline)
        let after = Evaluator(standard: variant)
        var result = Result()
        try store.export(standard: baseline) { record in
            let comparison = UnitComparison(baseline: before.evaluate(record.evidence), variant: after.evaluate(record.evidence),
                                            pairing: pairing)
            result.summary.add(comparison, standard: baseline)
            if comparison.flip != 0 {
                result.flips.append(comparison)
            } else if comparison.changed, result.shifts.count < listed {
                result.shifts.append(comparison)
            }
        }
        return result
    }

    private func page(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        guard AccessPolicy.canTryChanges(session.user) else { try services.deny(session, "whatif") }
        let l = context.language
        let vi = l == .vi
        let query = context.query
        let points = services.standards.values.map(\.loaded.standard).filter { !$0.hasItems }.sorted { $0.id < $1.id }
        // By default a standard with classes, whose thresholds are what policy staff most often try.
        let baseID = query["standard"] ?? (points.first { !$0.recognition.classes.isEmpty } ?? points.first)?.id ?? ""
        let variantName = query["variant"] ?? ""
        let sets = (query["set"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let variants = services.variants.keys.sorted()
        let base = points.first { $0.id == baseID }
        let examples = base.map(Self.examples) ?? []
        let classes = base.map { b in
            b.recognition.classes.isEmpty ? "" : (examples.isEmpty ? "" : ". ") + (vi ? "Các nhóm: " : "Classes: ")
                + b.recognition.classes.map { "<code>\(HTML.escape($0.id))</code> (\(HTML.escape($0.name(l))))" }.joined(separator: ", ")
        } ?? ""
        let hint = (examples.isEmpty ? "" : (vi ? "Ví dụ: " : "For example: ")
            + examples.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")) + classes
        var body = """
            <p>\(vi ? "Chọn một bản dự thảo tiêu chí, hoặc đổi giá trị (mỗi dòng một ĐƯỜNG_DẪN=GIÁ_TRỊ), để xem đơn vị nào đổi kết quả và vì sao. Không có gì được ghi lại."
                    : "Pick a draft of the criteria, or change values (one PATH=VALUE per line), to see which units would flip and why. Nothing is recorded.")</p>
            <form method="get" action="/whatif">
            <label for="standard">\(vi ? "Bộ tiêu chí gốc" : "Baseline standard")</label>
            <select id="standard" name="standard">\(HTML.options(points.map { ($0.id, "\($0.id) — \($0.title(l))") }, selected: baseID))</select>
            <label for="variant">\(vi ? "Bản dự thảo (tùy chọn)" : "Draft (optional)")</label>
            <select id="variant" name="variant">\(HTML.options([("", vi ? "— không —" : "— none —")] + variants.map { ($0, $0) }, selected: variantName))</select>
            <label for="set">\(vi ? "Đổi giá trị (tùy chọn)" : "Changed values (optional)")</label>
            <textarea id="set" name="set" rows="3" placeholder="\(HTML.escape(examples.first ?? ""))">\(HTML.escape(sets.joined(separator: "\n")))</textarea>
            <p class="hint">\(hint)</p>
            <p><button type="submit">\(vi ? "Thử" : "Try")</button></p>
            </form>
            """
        if !variantName.isEmpty || !sets.isEmpty {
            body += try outcome(baseID: baseID, variantName: variantName, sets: sets, l)
        }
        let layout = services.layout(context, session)
        return Responses.html(layout.page(title: LocalizedText(vi: "Thử thay đổi tiêu chí", en: "What-if"), body))
    }

    /// Changes that apply to `standard` as it stands, shown as examples: its first class's
    /// threshold 50 points lower, and the first share band's lower bound that can move one
    /// point without leaving the band table with a gap or an empty band.
    static func examples(_ standard: Standard) -> [String] {
        func applies(_ change: String) -> Bool { (try? StandardDraft.applying([change], to: standard)) != nil }
        var out: [String] = []
        if let c = standard.recognition.classes.first {
            let change = "\(standard.id).recognition.classes.\(c.id).threshold=\(max(c.threshold.value - 50, 0))"
            if applies(change) { out.append(change) }
        }
        search: for indicator in standard.criteria.lazy.flatMap(\.indicators) where indicator.isRate {
            for (b, band) in indicator.bands.enumerated() {
                guard let lower = band.lower else { continue }
                let percent = lower.value.multiplied(by: 100)
                guard percent.isInteger else { continue }
                let whole = percent.numerator / percent.denominator
                for moved in [whole - 1, whole + 1] where (0...100).contains(moved) {
                    let change = "\(indicator.id).bands[\(b)].\(lower.inclusive ? "atLeast" : "above")=\(moved)%"
                    if applies(change) {
                        out.append(change)
                        break search
                    }
                }
            }
        }
        return out
    }

    /// Units compared, at most `listed` of `total`: now, under the draft, and the criteria whose
    /// points moved; then how many more there are.
    private func table(_ comparisons: [UnitComparison], of total: Int, _ base: Standard, _ l: Language) -> String {
        let vi = l == .vi
        var out = "<table><thead><tr><th>\(vi ? "Đơn vị" : "Unit")</th><th>\(vi ? "Hiện nay" : "Now")</th><th>\(vi ? "Theo bản thử" : "Under the draft")</th>"
            + "<th>\(vi ? "Vì sao" : "Why")</th></tr></thead><tbody>"
        for c in comparisons.prefix(Self.listed) {
            let unit = c.baseline.unit
            let why = c.criteriaChanges.map { change -> String in
                let from = change.inBaseline ? (change.from.map(String.init) ?? "?") : (vi ? "không có" : "absent")
                let to = change.inVariant ? (change.to.map(String.init) ?? "?") : (vi ? "không có" : "absent")
                return "\(change.id): \(from) → \(to)"
            }
            let threshold = { (d: Decision) in d.threshold.map { vi ? ", ngưỡng \($0)" : ", threshold \($0)" } ?? "" }
            out += "<tr><td><a href=\"/units/\(FormData.encode(unit.id))\">\(HTML.escape(unit.id))</a> \(HTML.escape(unit.name))</td>"
                + "<td>\(HTML.outcomeBadge(c.baseline.outcome.rawValue, kind: base.kind, provisional: c.baseline.provisional, l)) \(c.baseline.total.map(String.init) ?? "—")\(threshold(c.baseline))</td>"
                + "<td>\(HTML.outcomeBadge(c.variant.outcome.rawValue, kind: base.kind, provisional: c.variant.provisional, l)) \(c.variant.total.map(String.init) ?? "—")\(threshold(c.variant))</td>"
                + "<td>\(HTML.escape(why.joined(separator: "; ")))</td></tr>"
        }
        out += "</tbody></table>"
        let more = total - min(comparisons.count, Self.listed)
        if more > 0 { out += "<p>" + (vi ? "… và \(more) đơn vị nữa." : "… and \(more) more.") + "</p>" }
        return out
    }

    private func outcome(baseID: String, variantName: String, sets: [String], _ l: Language) throws -> String {
        let vi = l == .vi
        let base = try services.standard(baseID).loaded.standard
        var variant = base
        if !variantName.isEmpty {
            guard let loaded = services.variants[variantName] else {
                throw WebError.notFound(LocalizedText(vi: "không có bản dự thảo “\(variantName)”", en: "no draft “\(variantName)”"))
            }
            variant = loaded.standard
        }
        do {
            variant = try StandardDraft.applying(sets, to: variant)
        } catch {
            return "<p class=\"errors\" role=\"alert\">\(HTML.t(error.message, l))</p>"
        }
        // The store's evidence was read with the baseline's facts: a draft that reads other facts
        // is compared from files with `phuhop compare`.
        guard variant.facts.map(\.id) == base.facts.map(\.id), variant.attributes.map(\.id) == base.attributes.map(\.id) else {
            return "<p class=\"errors\" role=\"alert\">" + HTML.escape(vi
                ? "Bản dự thảo đọc dữ kiện khác bộ gốc; so sánh bằng lệnh phuhop compare trên tệp bằng chứng."
                : "The draft reads other facts than the baseline; compare it with phuhop compare on evidence files.") + "</p>"
        }
        let result = try Self.compare(services.store, baseline: base, variant: variant)
        let s = result.summary
        var out = "<h2>\(vi ? "Kết quả" : "Result")</h2>"
        out += "<p class=\"banner\">" + HTML.escape(vi
            ? "Giá trị thay đổi là giá trị tạm dùng: kết quả thử là KẾT QUẢ TẠM THỜI, không phải quyết định."
            : "Changed values are working values: a what-if result is PROVISIONAL, never a decision.") + "</p>"
        out += "<div class=\"cards\">" + [(vi ? "đơn vị" : "units", s.units), (vi ? "đổi điểm hoặc kết quả" : "changed", s.changed),
                                          (vi ? "thêm được công nhận" : "would gain", s.gains), (vi ? "mất công nhận" : "would lose", s.losses)]
            .map { "<div class=\"card\"><strong>\($0.1)</strong>\(HTML.escape($0.0))</div>" }.joined() + "</div>"
        if !s.causes.isEmpty {
            out += "<h3>\(vi ? "Chỉ tiêu gây đổi kết quả" : "Indicators behind the flips")</h3><ul>"
                + s.causes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { "<li><code>\(HTML.escape($0.key))</code>: \($0.value)</li>" }.joined() + "</ul>"
        }
        if result.flips.isEmpty {
            out += "<p>\(vi ? "Không có đơn vị nào được thêm hay mất công nhận." : "No unit gains or loses recognition.")</p>"
        } else {
            out += "<h3>\(vi ? "Đơn vị được thêm hoặc mất công nhận" : "Units that gain or lose recognition")</h3>"
                + table(result.flips, of: result.flips.count, base, l)
        }
        if !result.shifts.isEmpty {
            out += "<h3>\(vi ? "Đơn vị đổi điểm hoặc kết luận, không thêm hay mất công nhận" : "Units whose points or outcome change, recognition neither gained nor lost")</h3>"
                + table(result.shifts, of: s.changed - result.flips.count, base, l)
        }
        return out
    }
}
