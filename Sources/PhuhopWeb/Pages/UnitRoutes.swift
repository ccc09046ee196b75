import Foundation
import HTTPTypes
import Hummingbird
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// A unit's page (decisions, evidence entry, history), its evidence form's submission, and the
/// printable decision annex.
struct UnitRoutes {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/units/:id") { request, context in try page(request, context) }
        router.post("/units/:id/evidence") { request, context in try await enter(request, context) }
        router.get("/units/:id/annex") { request, context in try annex(request, context) }
    }

    /// The unit named in the path, if the person may read it (403, logged, if not).
    static func readable(_ context: WebContext, _ services: WebServices) throws -> (Session, UnitSummary) {
        let session = try context.signedIn()
        let unit = try services.unit(context.parameters.get("id") ?? "")
        guard AccessPolicy.canRead(session.user, unit) else { try services.deny(session, "unit:\(unit.id)") }
        return (session, unit)
    }

    /// The standards that apply to a unit: those naming its type, or, naming none, any
    /// commune-level unit.
    static func standards(for unit: UnitSummary, _ services: WebServices) -> [DecidingStandard] {
        services.standards.values.filter { s in
            let types = s.loaded.standard.unitTypes
            return types.isEmpty ? unit.unitType.isCommuneLevel : types.contains(unit.unitType)
        }.sorted { a, b in
            // The unit's own standard (points) before the checklists it may also be assessed by.
            let (x, y) = (a.loaded.standard, b.loaded.standard)
            return x.kind == y.kind ? x.id < y.id : x.kind == .points
        }
    }

    private func page(_ request: Request, _ context: WebContext, form: (standard: String, values: [String: String], problems: FieldProblems)? = nil)
        throws -> Response
    {
        let (session, unit) = try Self.readable(context, services)
        let l = context.language
        let vi = l == .vi
        var body: [String] = []
        if Responses.query(request)["saved"] == "1" {
            body.append("<p class=\"ok\" role=\"status\">\(vi ? "Đã ghi bằng chứng và ra quyết định mới." : "The evidence was recorded and a decision made.")</p>")
        }
        var facts: [(String, String)] = [
            (vi ? "Mã" : "Id", HTML.escape(unit.id)),
            (vi ? "Loại" : "Type", HTML.escape(unit.unitType.name(l))),
            (vi ? "Tỉnh" : "Province", HTML.escape(unit.province)),
        ]
        if let commune = unit.commune {
            facts.append((vi ? "Thuộc xã/phường" : "Commune", "<a href=\"/units/\(FormData.encode(commune))\">\(HTML.escape(commune))</a>"))
        }
        body.append("<table class=\"fields\">" + facts.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }.joined() + "</table>")

        for standard in Self.standards(for: unit, services) {
            let s = standard.loaded.standard
            body.append("<section id=\"std-\(HTML.escape(s.id))\"><h2>\(HTML.escape(s.title(l))) <small><code>\(HTML.escape(s.id))</code></small></h2>")
            if let headline = unit.decisions.first(where: { $0.standardId == s.id }) {
                let shown = try services.shown(headline)
                body.append("<p class=\"no-print\"><a class=\"button secondary\" href=\"/units/\(FormData.encode(unit.id))/annex?standard=\(FormData.encode(s.id))\">"
                    + (vi ? "Phụ lục quyết định để in, ký" : "Decision annex to print and sign") + "</a> "
                    + "<span class=\"hint\">\(vi ? "Quyết định số" : "Decision no.") \(headline.id) · \(HTML.escape(headline.decidedAt)) · \(HTML.escape(headline.decidedBy))</span></p>")
                body.append("<div class=\"report\" id=\"decision-\(HTML.escape(s.id))\">" + Self.report(shown, language: l, printable: false) + "</div>")
            } else {
                body.append("<p>\(vi ? "Chưa có quyết định." : "No decision yet.")</p>")
            }
            if s.hasItems {
                if AccessPolicy.canFillChecklist(session.user, unit) {
                    body.append("<p><a class=\"button\" href=\"/units/\(FormData.encode(unit.id))/checklist?standard=\(FormData.encode(s.id))\">"
                        + (vi ? "Điền bảng kiểm" : "Fill in the checklist") + "</a></p>")
                }
            } else if AccessPolicy.canEnterEvidence(session.user, unit) {
                let posted = form?.standard == s.id ? form : nil
                let values = try posted?.values ?? services.store.latestEvidence(unit: unit.id, standard: s)
                    .map { EvidenceForm.values(of: $0, standard: s) } ?? [:]
                let fields = EvidenceForm(standard: s, unit: unit, language: l)
                    .fields(values, problems: posted?.problems ?? FieldProblems(), assessments: [.selfAssessment, .inspection])
                body.append("""
                    <details\(posted == nil ? "" : " open")><summary>\(vi ? "Nhập hoặc sửa bằng chứng" : "Enter or correct evidence")</summary>
                    <form method="post" action="/units/\(FormData.encode(unit.id))/evidence?standard=\(FormData.encode(s.id))" novalidate>
                    \(HTML.csrfField(session.csrf))
                    \(fields)
                    <label for="reason-\(HTML.escape(s.id))">\(vi ? "Lý do ghi (bắt buộc)" : "Reason for this entry (required)")</label>
                    <input type="text" id="reason-\(HTML.escape(s.id))" name="reason" value="\(HTML.escape(posted?.values["reason"] ?? ""))" required>
                    <p><button type="submit">\(vi ? "Ghi bằng chứng và ra quyết định" : "Record the evidence and decide")</button></p>
                    </form></details>
                    """)
            }
            body.append("</section>")
        }
        body.append(try history(unit, l))
        let layout = Layout(language: l, session: session, here: context.here, demo: services.demo)
        let status: HTTPResponse.Status = form == nil ? .ok : .unprocessableContent
        return Responses.html(layout.page(title: "\(unit.name) (\(unit.id))", body.joined(separator: "\n")), status: status)
    }

    /// A decision's report: the checklist report for a checklist, else the decision report.
    static func report(_ shown: ShownDecision, language: Language, printable: Bool) -> String {
        if shown.decision.checklist != nil {
            return ChecklistReport(style: printable ? .html : .htmlBody, language: language).render(shown.decision, shown.reference)
        }
        return DecisionReport(style: printable ? .html : .htmlBody, language: language).render(shown.decision, shown.reference)
    }

    private func history(_ unit: UnitSummary, _ l: Language) throws -> String {
        let vi = l == .vi
        let history = try services.store.history(of: unit.id)
        var out = "<section id=\"history\"><h2>\(vi ? "Lịch sử bằng chứng và quyết định" : "History of evidence and decisions")</h2>"
        out += "<h3>\(vi ? "Các lần ghi bằng chứng" : "Evidence revisions")</h3>"
        out += "<table><thead><tr><th>\(vi ? "Bộ tiêu chí" : "Standard")</th><th>\(vi ? "Kỳ" : "Period")</th><th>\(vi ? "Lần" : "Rev.")</th>"
            + "<th>\(vi ? "Người ghi" : "By")</th><th class=\"hide-narrow\">\(vi ? "Lúc" : "At")</th><th class=\"hide-narrow\">\(vi ? "Lý do" : "Reason")</th></tr></thead><tbody>"
        for r in history.revisions.reversed() {
            out += "<tr><td><code>\(HTML.escape(r.standard))</code></td><td>\(HTML.escape(r.period))</td><td>\(r.revision)</td>"
                + "<td>\(HTML.escape(r.author))</td><td class=\"hide-narrow\">\(HTML.escape(r.recordedAt))</td><td class=\"hide-narrow\">\(HTML.escape(r.reason))</td></tr>"
        }
        out += "</tbody></table><h3>\(vi ? "Các quyết định" : "Decisions")</h3>"
        out += "<table><thead><tr><th>\(vi ? "Số" : "No.")</th><th>\(vi ? "Bộ tiêu chí" : "Standard")</th><th>\(vi ? "Kỳ" : "Period")</th>"
            + "<th>\(vi ? "Kết quả" : "Outcome")</th><th>\(vi ? "Điểm" : "Total")</th><th class=\"hide-narrow\">\(vi ? "Lúc, người ra" : "Made at, by")</th></tr></thead><tbody>"
        for d in history.decisions.reversed() {
            let kind = services.standards[d.standard]?.loaded.standard.kind ?? .points
            let state = d.superseded ? (vi ? " <em>(đã thay)</em>" : " <em>(superseded)</em>") : ""
            out += "<tr><td>\(d.id)\(state)</td><td><code>\(HTML.escape(d.standard))</code></td><td>\(HTML.escape(d.period))</td>"
                + "<td>\(HTML.outcomeBadge(d.outcome.rawValue, kind: kind, provisional: d.provisional, l))</td>"
                + "<td>\(d.total.map(String.init) ?? "—")</td><td class=\"hide-narrow\">\(HTML.escape(d.decidedAt)) · \(HTML.escape(d.decidedBy))</td></tr>"
        }
        out += "</tbody></table>"
        if !history.attached.isEmpty {
            out += "<h3>\(vi ? "Trường, hộ thuộc đơn vị" : "Schools and homes in this unit")</h3><ul>"
                + history.attached.map { "<li><a href=\"/units/\(FormData.encode($0))\">\(HTML.escape($0))</a></li>" }.joined() + "</ul>"
        }
        return out + "</section>"
    }

    private func enter(_ request: Request, _ context: WebContext) async throws -> Response {
        let (session, unit) = try Self.readable(context, services)
        let form = try await Responses.form(request)
        try Forms.check(form, session)
        guard AccessPolicy.canEnterEvidence(session.user, unit) else { try services.deny(session, "unit:\(unit.id)") }
        let standard = try services.standard(Responses.query(request)["standard"] ?? "")
        guard Self.standards(for: unit, services).contains(where: { $0.loaded.standard.id == standard.loaded.standard.id }),
              !standard.loaded.standard.hasItems else {
            throw WebError.badRequest(LocalizedText(vi: "bộ tiêu chí này không nhập qua biểu mẫu này", en: "this standard is not entered through this form"))
        }
        var values = form.dictionary
        values["csrf"] = nil
        let evidenceForm = EvidenceForm(standard: standard.loaded.standard, unit: unit, language: context.language)
        var problems = FieldProblems()
        let reason = (values["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            problems.add("reason", LocalizedText(vi: "cần ghi lý do", en: "a reason is required"))
        }
        switch try evidenceForm.read(values) {
        case .failure(let found):
            for (field, messages) in found.all { for m in messages { problems.add(field, m) } }
            return try page(request, context, form: (standard.loaded.standard.id, values, problems))
        case .success(let evidence):
            if !problems.all.isEmpty { return try page(request, context, form: (standard.loaded.standard.id, values, problems)) }
            try Submission.record(evidence, standard: standard, reason: reason, session: session, services: services)
            return Responses.seeOther("/units/\(FormData.encode(unit.id))?saved=1#std-\(FormData.encode(standard.loaded.standard.id))")
        }
    }

    private func annex(_ request: Request, _ context: WebContext) throws -> Response {
        let (_, unit) = try Self.readable(context, services)
        let id = Responses.query(request)["standard"] ?? unit.decisions.first?.standardId ?? ""
        guard let headline = unit.decisions.first(where: { $0.standardId == id }) else {
            throw WebError.notFound(LocalizedText(vi: "đơn vị \(unit.id) chưa có quyết định theo “\(id)”",
                                                  en: "unit \(unit.id) has no decision under “\(id)”"))
        }
        var html = Self.report(try services.shown(headline), language: context.language, printable: true)
        if services.demo {
            let note = context.language == .vi ? "DỮ LIỆU DEMO — không phải số liệu thật." : "DEMO DATA — not real figures."
            html = html.replacingOccurrences(of: "<main>\n", with: "<main>\n<p class=\"banner\">\(note)</p>\n")
        }
        var response = Responses.html(html)
        response.headers[.contentSecurityPolicy] = FrontDoor.printablePolicy
        return response
    }
}

/// Recording evidence entered on the web: one import (all or nothing), then a decision.
enum Submission {
    static func record(_ evidence: Evidence, standard: DecidingStandard, reason: String, session: Session, services: WebServices) throws {
        let authorship = Authorship(author: session.user.name, reason: reason, document: "web form")
        _ = try services.store.importEvidence(files: ["web form"], by: authorship) { import_ in
            if case .refused(let why) = try import_.add(evidence, standard: standard.loaded.standard, document: "web form") {
                throw WebError.badRequest(why)
            }
        }
        let period = evidence.period.from.description + "/" + evidence.period.to.description
        _ = try services.store.decide(.unit(evidence.unit.id, period: period), by: session.user.name,
                                      standards: { try services.standard($0) }, each: { _ in })
    }
}
