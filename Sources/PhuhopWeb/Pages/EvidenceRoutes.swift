import Foundation
import Hummingbird
import PhuhopCore
import PhuhopStore

/// Entering a unit's evidence for a standard scored in points (a commune's qd06 file, its
/// safe-community facts): the form generated from the criteria, and its submission.
struct EvidenceRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/units/:id/evidence") { _, context in try page(context, target(context)) }
        router.post("/units/:id/evidence") { request, context in try await enter(request, context) }
    }

    /// Who asks, for which unit and standard, and the store as this request sees it.
    private typealias Target = (session: Session, unit: UnitSummary, view: StoreView, standard: DecidingStandard)

    /// The unit, if the person may enter its evidence, and the standard asked for.
    private func target(_ context: WebContext) throws -> Target {
        let (session, unit, view) = try UnitRoutes.readable(context, services)
        guard AccessPolicy.canEnterEvidence(session.user, unit) else { try services.deny(session, "evidence:\(unit.id)") }
        let standard = try services.standard(context.query["standard"] ?? "")
        guard UnitRoutes.standards(for: unit, services).contains(where: { $0.loaded.standard.id == standard.loaded.standard.id }),
              !standard.loaded.standard.hasItems else {
            throw WebError.badRequest(LocalizedText(vi: "bộ tiêu chí này không nhập qua biểu mẫu này", en: "this standard is not entered through this form"))
        }
        return (session, unit, view, standard)
    }

    /// The form: filled in from the latest evidence, or as posted with its problems.
    private func page(_ context: WebContext, _ target: Target,
                      posted: (values: [String: String], problems: FieldProblems)? = nil) throws -> Response {
        let (session, unit, view, standard) = target
        let s = standard.loaded.standard
        let l = context.language
        let vi = l == .vi
        let fields = try posted.map {
            EvidenceForm(standard: s, unit: unit, language: l).fields($0.values, problems: $0.problems, assessments: Assessment.allCases)
        } ?? view.evidenceFields(unit, s, language: l)
        let body = """
            <p>\(HTML.escape(s.title(l))) — <code>\(HTML.escape(s.id))</code></p>
            <p><a href="/units/\(FormData.encode(unit.id))">\(vi ? "← Về trang đơn vị" : "← Back to the unit")</a></p>
            <form method="post" action="/units/\(FormData.encode(unit.id))/evidence?standard=\(FormData.encode(s.id))" novalidate>
            \(HTML.csrfField(session.csrf))
            \(fields)
            <label for="reason">\(vi ? "Lý do ghi (bắt buộc)" : "Reason for this entry (required)")</label>
            <input type="text" id="reason" name="reason" value="\(HTML.escape(posted?.values["reason"] ?? ""))" required>\(posted?.problems.html("reason", l) ?? "")
            <p><button type="submit">\(vi ? "Ghi bằng chứng và ra quyết định" : "Record the evidence and decide")</button></p>
            </form>
            """
        let layout = services.layout(context, session)
        let title = (vi ? "Bằng chứng: " : "Evidence: ") + "\(unit.name) (\(unit.id))"
        return Responses.html(layout.page(title: title, body), status: posted == nil ? .ok : .unprocessableContent)
    }

    private func enter(_ request: Request, _ context: WebContext) async throws -> Response {
        // The token first: a forged post is refused before it can write a refusal to the log.
        let form = try await Responses.form(request)
        try Forms.check(form, try context.signedIn())
        let target = try target(context)
        let (session, unit, _, standard) = target
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
            return try page(context, target, posted: (values, problems))
        case .success(let evidence):
            if !problems.all.isEmpty { return try page(context, target, posted: (values, problems)) }
            try Submission.record(evidence, standard: standard, reason: reason, session: session, services: services)
            return Responses.seeOther("/units/\(FormData.encode(unit.id))?saved=1#std-\(FormData.encode(standard.loaded.standard.id))")
        }
    }
}
