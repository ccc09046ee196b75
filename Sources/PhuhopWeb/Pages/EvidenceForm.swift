import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore

/// The evidence entry form of one standard for one unit, generated from the criteria.
///
/// A field's name is its path in an evidence document (`facts.c02.births`, `items.a.1`,
/// `period.from`, `unit.attributes.mountainous`): the posted form is written as an evidence
/// document and read by the same `EvidenceReader` as the CLI's files, and each problem it
/// reports is shown next to the field its path names.
struct EvidenceForm: Sendable {
    let standard: Standard
    let unit: UnitSummary
    let language: Language

    /// The values of a form filled in from stored evidence.
    static func values(of evidence: Evidence, standard: Standard) -> [String: String] {
        var values: [String: String] = ["period.from": evidence.period.from.description, "period.to": evidence.period.to.description,
                                        "assessment": evidence.assessment.rawValue]
        for (a, attribute) in standard.attributes.enumerated() {
            if let value = evidence.unit.attributes[a] { values["unit.attributes." + attribute.id] = value ? "true" : "false" }
        }
        for (f, fact) in standard.facts.enumerated() {
            guard let value = evidence.facts[f] else { continue }
            let key = (fact.type == .answer ? "items." : "facts.") + fact.id
            values[key] = EvidenceSnapshot.text(value)
            // Where each value came from rides along unchanged (hidden fields), so an edit on the
            // web keeps the sources a file gave.
            if let source = evidence.sources[f] {
                for (field, text) in Self.sourceFields(source) { values[key + "." + field] = text }
            }
        }
        if let events = evidence.vetoEvents {
            for veto in standard.recognition.vetoes { values["veto." + veto.id] = "no" }
            for event in events {
                let id = standard.recognition.vetoes[event.veto].id
                values["veto." + id] = "yes"
                if let date = event.date { values["veto.\(id).date"] = date.description }
                if let description = event.description { values["veto.\(id).description"] = description }
            }
        }
        return values
    }

    /// A source's parts by the key an evidence file gives them (a fact's under `source`, an
    /// item's beside its answer).
    static func sourceFields(_ source: FactSource) -> [(String, String)] {
        [("note", source.note), ("document", source.document), ("date", source.date?.description), ("collectedBy", source.collectedBy)]
            .compactMap { field, text in text.map { (field, $0) } }
    }

    /// The source keys a form may carry for a fact or item.
    static let sourceKeys = ["note", "document", "date", "collectedBy"]

    /// The evidence document the form's values make, as JSON; every value is a string, which
    /// the reader parses as it parses a file's.
    func document(_ values: [String: String]) -> Data {
        func q(_ text: String) -> String { EvidenceSnapshot.quoted(text) }
        func value(_ key: String) -> String? {
            guard let text = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        var unitFields = ["\"id\":\(q(unit.id))", "\"name\":\(q(unit.name))", "\"province\":\(q(unit.province))",
                          "\"unitType\":\(q(unit.unitType.rawValue))"]
        if let commune = unit.commune { unitFields.append("\"commune\":\(q(commune))") }
        let attributes = standard.attributes.compactMap { a in value("unit.attributes." + a.id).map { "\(q(a.id)):\(q($0))" } }
        if !attributes.isEmpty { unitFields.append("\"attributes\":{" + attributes.joined(separator: ",") + "}") }
        var parts = ["\"standard\":\(q(standard.id))", "\"unit\":{" + unitFields.joined(separator: ",") + "}",
                     "\"period\":{\"from\":\(q(value("period.from") ?? "")),\"to\":\(q(value("period.to") ?? ""))}"]
        // A source's keys, in a file's order, for the fields the form carries.
        func source(_ key: String, _ keys: [String]) -> [String] {
            keys.compactMap { k in value(key + "." + k).map { "\(q(k)):\(q($0))" } }
        }
        let facts = standard.facts.filter { $0.type != .answer }.compactMap { f -> String? in
            guard let typed = value("facts." + f.id) else { return nil }
            let text = f.type == .count ? Self.ungrouped(typed, language) : typed
            let parts = source("facts." + f.id, ["document", "date", "collectedBy"])
            return parts.isEmpty ? "\(q(f.id)):\(q(text))" : "\(q(f.id)):{\"value\":\(q(text)),\"source\":{" + parts.joined(separator: ",") + "}}"
        }
        if standard.facts.contains(where: { $0.type != .answer }) { parts.append("\"facts\":{" + facts.joined(separator: ",") + "}") }
        if standard.hasItems {
            // An unanswered item is written as null, so the reader reports it at its own field.
            let items = standard.facts.filter { $0.type == .answer }.map { f -> String in
                let answer = value("items." + f.id).map(q) ?? "null"
                let parts = source("items." + f.id, Self.sourceKeys)
                return parts.isEmpty ? "\(q(f.id)):\(answer)" : "\(q(f.id)):{\"answer\":\(answer)," + parts.joined(separator: ",") + "}"
            }
            parts.append("\"items\":{" + items.joined(separator: ",") + "}")
        }
        let vetoes = standard.recognition.vetoes
        if !vetoes.isEmpty, vetoes.allSatisfy({ value("veto." + $0.id) != nil }) {
            let events = vetoes.filter { value("veto." + $0.id) == "yes" }.map { veto -> String in
                "{\"event\":\(q(veto.id))" + (value("veto.\(veto.id).date").map { ",\"date\":\(q($0))" } ?? "")
                    + (value("veto.\(veto.id).description").map { ",\"description\":\(q($0))" } ?? "") + "}"
            }
            parts.append("\"vetoEvents\":[" + events.joined(separator: ",") + "]")
        }
        if let assessment = value("assessment") { parts.append("\"assessment\":\(q(assessment))") }
        return Data(("{" + parts.joined(separator: ",") + "}").utf8)
    }

    /// A whole number typed with its thousands grouped, as the pages show numbers (`4.839` in
    /// Vietnamese, `4,839` in English, `1 000 000` in both), without the separators; any other
    /// text as it is, for the reader to judge. One separator throughout, groups of three digits
    /// after a first group of one to three not starting with 0, and never the language's decimal
    /// mark (Vietnamese `4,5`, English `4.5`), so a decimal is still refused.
    static func ungrouped(_ text: String, _ language: Language) -> String {
        let mark: Character = language == .vi ? "." : ","
        guard let separator = text.first(where: { !$0.isASCII || !$0.isNumber }),
              separator == mark || separator == " " || separator == "\u{A0}" else { return text }
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count), first.first != "0",
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return text }
        return groups.joined()
    }

    /// Reads the form's values as evidence; the problems are keyed by field name ("" for those
    /// no field names).
    func read(_ values: [String: String]) throws -> Result<Evidence, FieldProblems> {
        // Vetoes answered in part would silently leave the outcome undetermined: all or none.
        let unanswered = standard.recognition.vetoes.filter { (values["veto." + $0.id] ?? "").isEmpty }
        if !unanswered.isEmpty && unanswered.count < standard.recognition.vetoes.count {
            var problems = FieldProblems()
            for veto in unanswered {
                problems.add("veto." + veto.id, LocalizedText(vi: "cần trả lời cả mục này (hoặc để trống mọi mục)",
                                                             en: "answer this one too (or leave them all blank)"))
            }
            return .failure(problems)
        }
        do {
            return .success(try EvidenceReader.read(document(values), file: "form", standard: standard))
        } catch let error as InputError {
            var problems = FieldProblems()
            for diagnostic in error.diagnostics {
                var field = diagnostic.field
                if field.hasSuffix(".answer") { field.removeLast(".answer".count) }
                problems.add(field, diagnostic.message)
            }
            return .failure(problems)
        }
    }

    /// The form's fields as HTML, with each field's problems next to it.
    func fields(_ values: [String: String], problems: FieldProblems, assessments: [Assessment]) -> String {
        let l = language
        let vi = l == .vi
        var out: [String] = []
        let known = Set(fieldNames(assessments: assessments))
        let general = problems.all.filter { !known.contains($0.key) }.flatMap(\.value)
        if !problems.all.isEmpty {
            out.append("<div class=\"errors\" role=\"alert\"><p>\(vi ? "Bằng chứng chưa được ghi: sửa các chỗ báo lỗi rồi gửi lại." : "The evidence was not recorded: fix the fields marked and send again.")</p>"
                + (general.isEmpty ? "" : "<ul>" + general.map { "<li>\(HTML.t($0, l))</li>" }.joined() + "</ul>") + "</div>")
        }
        out.append("<fieldset><legend>\(vi ? "Kỳ đánh giá" : "Period")</legend>")
        out.append(input("period.from", label: vi ? "Từ ngày" : "From", type: "date", values, problems))
        out.append(input("period.to", label: vi ? "Đến ngày" : "To", type: "date", values, problems))
        if assessments.count > 1 {
            out.append(select("assessment", label: vi ? "Hình thức" : "Assessed by",
                              assessments.map { ($0.rawValue, $0.name(l)) }, values, problems, blank: false))
        } else if let only = assessments.first {
            out.append("<input type=\"hidden\" name=\"assessment\" value=\"\(only.rawValue)\">")
        }
        out.append("</fieldset>")
        if !standard.attributes.isEmpty {
            out.append("<fieldset><legend>\(vi ? "Đặc điểm của đơn vị (xác định nhóm, ngưỡng)" : "The unit's attributes (they decide its class and threshold)")</legend>")
            for attribute in standard.attributes {
                out.append(select("unit.attributes." + attribute.id, label: attribute.name(l),
                                  [("true", vi ? "có" : "yes"), ("false", vi ? "không" : "no")], values, problems, blank: true))
            }
            out.append("</fieldset>")
        }
        // A fact several criteria use (the number of children, say) has one field, under the first
        // of them: a second field of the same name would be dropped when the form is read.
        var firstShown: [Int: Int] = [:]
        for criterion in standard.criteria {
            let facts = Self.uniqueFacts(criterion.indicators.flatMap(\.facts))
            guard !facts.isEmpty else { continue }
            out.append("<fieldset><legend>\(HTML.escape("\(criterion.number). \(criterion.name(l))"))</legend>")
            for f in facts {
                let fact = standard.facts[f]
                if fact.type == .answer {
                    out.append(item(f, criterion: criterion, values, problems))
                } else if let first = firstShown[f] {
                    out.append(reference(to: fact, under: first))
                } else {
                    firstShown[f] = criterion.number
                    out.append(factField(fact, values, problems))
                }
            }
            out.append("</fieldset>")
        }
        let unused = standard.facts.indices.filter { f in standard.facts[f].type != .answer && !standard.criteria.contains { $0.indicators.contains { $0.facts.contains(f) } } }
        if !unused.isEmpty {
            out.append("<fieldset><legend>\(vi ? "Dữ kiện chung" : "General facts")</legend>")
            for f in unused { out.append(factField(standard.facts[f], values, problems)) }
            out.append("</fieldset>")
        }
        // The sources of the values shown, kept as they were (see `values(of:)`).
        for fact in standard.facts {
            let key = (fact.type == .answer ? "items." : "facts.") + fact.id
            for part in ["document", "date", "collectedBy"] {
                if let text = values[key + "." + part] { out.append(hidden(key + "." + part, text)) }
            }
        }
        for veto in standard.recognition.vetoes {
            if let text = values["veto.\(veto.id).description"] { out.append(hidden("veto.\(veto.id).description", text)) }
        }
        if !standard.recognition.vetoes.isEmpty {
            out.append("<fieldset><legend>\(vi ? "Sự việc loại trừ trong năm" : "Veto events in the year")</legend>")
            out.append("<p class=\"hint\">\(vi ? "Trả lời tất cả; nếu để trống, kết quả là chưa đủ căn cứ." : "Answer all of them; left blank, the outcome is undetermined.")</p>")
            for veto in standard.recognition.vetoes {
                out.append(select("veto." + veto.id, label: veto.name(l),
                                  [("no", vi ? "không xảy ra" : "did not happen"), ("yes", vi ? "có xảy ra" : "happened")],
                                  values, problems, blank: true))
                out.append(input("veto.\(veto.id).date", label: vi ? "Ngày xảy ra (nếu có)" : "Date (if it happened)", type: "date",
                                 values, problems))
            }
            out.append("</fieldset>")
        }
        return out.joined(separator: "\n")
    }

    /// Every field name the form has: the rest of a reader's problems are shown above it.
    private func fieldNames(assessments: [Assessment]) -> [String] {
        var names = ["period.from", "period.to", "assessment"] + standard.attributes.map { "unit.attributes." + $0.id }
        for fact in standard.facts {
            if fact.type == .answer {
                names += ["items." + fact.id, "items.\(fact.id).note"]
            } else {
                names.append("facts." + fact.id)
            }
        }
        return names + standard.recognition.vetoes.flatMap { ["veto." + $0.id, "veto.\($0.id).date"] }
    }

    private static func uniqueFacts(_ facts: [Int]) -> [Int] {
        var seen = Set<Int>()
        return facts.filter { seen.insert($0).inserted }
    }

    private func factField(_ fact: FactDefinition, _ values: [String: String], _ problems: FieldProblems) -> String {
        let vi = language == .vi
        let name = "facts." + fact.id
        let label = "\(fact.name(language)) (\(fact.id))"
        switch fact.type {
        case .boolean:
            return select(name, label: label, [("true", vi ? "có" : "yes"), ("false", vi ? "không" : "no")], values, problems, blank: true)
        case .share:
            return input(name, label: label, type: "text", values, problems,
                         hint: vi ? "Tỷ lệ phần trăm, ví dụ 87,5%" : "A percentage, e.g. 87.5%", mode: "decimal")
        case .count, .answer:  // answers are items, never shown as a fact field
            return input(name, label: label, type: "text", values, problems,
                         hint: vi ? "Số nguyên từ 0, ví dụ 4839 hoặc 4.839" : "A whole number, 0 or more, e.g. 4839 or 4,839", mode: "numeric")
        }
    }

    /// A line pointing to the field of a fact entered under an earlier criterion.
    private func reference(to fact: FactDefinition, under number: Int) -> String {
        let vi = language == .vi
        let link = "<a href=\"#\(Self.domID("facts." + fact.id))\">\(HTML.escape("\(fact.name(language)) (\(fact.id))"))</a>"
        return "<p class=\"hint\">" + (vi ? "Dùng dữ kiện đã nhập ở tiêu chí \(number): " : "Uses the fact entered under criterion \(number): ")
            + link + "</p>"
    }

    private func item(_ f: Int, criterion: Criterion, _ values: [String: String], _ problems: FieldProblems) -> String {
        let l = language
        let vi = l == .vi
        let fact = standard.facts[f]
        guard let indicator = criterion.indicators.first(where: { $0.item?.fact == f }), let item = indicator.item else { return "" }
        let name = "items." + fact.id
        let id = Self.domID(name)
        var choices: [(String, String)] = [("dat", ItemAnswer.dat.name(l)), ("chuaDat", ItemAnswer.chuaDat.name(l))]
        if item.mayBeNotApplicable { choices.append(("notApplicable", ItemAnswer.notApplicable.name(l))) }
        let mandatory = item.mandatory.value ? (vi ? " <strong>(bắt buộc)</strong>" : " <strong>(mandatory)</strong>") : ""
        let errors = problems.html(name, l)
        let radios = choices.map { choice -> String in
            let checked = values[name] == choice.0 ? " checked" : ""
            return "<label><input type=\"radio\" name=\"\(HTML.escape(name))\" value=\"\(choice.0)\"\(checked)> \(HTML.escape(choice.1))</label>"
        }.joined()
        return """
            <div class="item" id="\(id)"><p><code>\(HTML.escape(indicator.id))</code> \(HTML.escape(indicator.name(l)))\(mandatory)</p>
            <div class="answers" role="radiogroup" aria-label="\(HTML.escape(indicator.id))">\(radios)</div>\(errors)
            <label for="\(id)-note" class="hint">\(vi ? "Ghi chú, minh chứng" : "Note, evidence")</label>
            <input type="text" id="\(id)-note" name="\(name).note" value="\(HTML.escape(values[name + ".note"] ?? ""))"></div>
            """
    }

    private func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
    }

    private func input(_ name: String, label: String, type: String, _ values: [String: String], _ problems: FieldProblems,
                       hint: String? = nil, mode: String? = nil) -> String {
        let id = Self.domID(name)
        let invalid = problems.has(name) ? " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" : ""
        let inputMode = mode.map { " inputmode=\"\($0)\"" } ?? ""
        return "<label for=\"\(id)\">\(HTML.escape(label))</label>"
            + "<input type=\"\(type)\" id=\"\(id)\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(values[name] ?? ""))\"\(inputMode)\(invalid)>"
            + (hint.map { " <span class=\"hint\">\(HTML.escape($0))</span>" } ?? "") + problems.html(name, language)
    }

    private func select(_ name: String, label: String, _ choices: [(String, String)], _ values: [String: String],
                        _ problems: FieldProblems, blank: Bool) -> String {
        let id = Self.domID(name)
        let invalid = problems.has(name) ? " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" : ""
        let all = (blank ? [("", language == .vi ? "— chưa rõ —" : "— unknown —")] : []) + choices
        return "<label for=\"\(id)\">\(HTML.escape(label))</label>"
            + "<select id=\"\(id)\" name=\"\(HTML.escape(name))\"\(invalid)>\(HTML.options(all, selected: values[name] ?? ""))</select>"
            + problems.html(name, language)
    }

    /// An element id for a field name: letters, digits and dashes only.
    static func domID(_ name: String) -> String {
        "f-" + String(decoding: name.utf8.map { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? byte : 0x2D
        }, as: UTF8.self)
    }
}
