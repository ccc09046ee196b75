import Hummingbird
import PhuhopCore
import PhuhopStore

/// A school's (or home's) checklist: fill it in, save a draft, submit it; the result and the
/// remediation plan are then on the unit's page.
struct ChecklistRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/units/:id/checklist") { _, context in try page(context, target(context)) }
        router.post("/units/:id/checklist") { request, context in try await post(request, context) }
    }

    /// Who asks, for which unit and checklist.
    private typealias Target = (session: Session, unit: UnitSummary, standard: DecidingStandard)

    /// The unit, if the person may fill in its checklist, and the checklist standard asked for.
    private func target(_ context: WebContext) throws -> Target {
        let (session, unit, _) = try UnitRoutes.readable(context, services)
        guard AccessPolicy.canFillChecklist(session.user, unit) else { try services.deny(session, "checklist:\(unit.id)") }
        let applicable = UnitRoutes.standards(for: unit, services).filter { $0.loaded.standard.hasItems }
        let asked = context.query["standard"]
        guard let standard = applicable.first(where: { $0.loaded.standard.id == asked }) ?? (asked == nil ? applicable.first : nil) else {
            throw WebError.notFound(LocalizedText(vi: "không có bảng kiểm “\(asked ?? "")” cho đơn vị \(unit.id)",
                                                  en: "no checklist “\(asked ?? "")” for unit \(unit.id)"))
        }
        return (session, unit, standard)
    }

    private func assessments(_ session: Session) -> [Assessment] {
        session.user.role == .school ? [.selfAssessment] : [.selfAssessment, .inspection]
    }

    private func page(_ context: WebContext, _ target: Target, posted: (values: [String: String], problems: FieldProblems)? = nil)
        throws -> Response
    {
        let (session, unit, standard) = target
        let s = standard.loaded.standard
        let l = context.language
        let vi = l == .vi
        var notice = ""
        var values = posted?.values ?? [:]
        if posted == nil {
            if let draft = try services.store.draft(unit: unit.id, standard: s.id) {
                values = draft.answers
                notice = "<p class=\"ok\" role=\"status\">" + (vi ? "Bản nháp lưu lúc " : "Draft saved at ") + HTML.moment(draft.savedAt, l)
                    + HTML.escape((vi ? " bởi " : " by ") + draft.savedBy + ".") + "</p>"
            } else if let evidence = try services.store.latestEvidence(unit: unit.id, standard: s) {
                values = EvidenceForm.values(of: evidence, standard: s)
                notice = "<p class=\"hint\">\(vi ? "Điền sẵn theo lần nộp gần nhất." : "Filled in from the latest submission.")</p>"
            }
        }
        let fields = EvidenceForm(standard: s, unit: unit, language: l)
            .fields(values, problems: posted?.problems ?? FieldProblems(), assessments: assessments(session))
        let action = "/units/\(FormData.encode(unit.id))/checklist?standard=\(FormData.encode(s.id))"
        let body = """
            <p>\(HTML.escape(s.title(l))) — \(HTML.escape(s.citation))</p>
            <p><a href="/units/\(FormData.encode(unit.id))">\(vi ? "← Về trang đơn vị (kết quả, kế hoạch khắc phục)" : "← Back to the unit (result, remediation plan)")</a></p>
            \(notice)
            <form method="post" action="\(action)" novalidate>
            \(HTML.csrfField(session.csrf))
            \(fields)
            <p><button type="submit" name="action" value="draft" class="secondary">\(vi ? "Lưu nháp" : "Save draft")</button>
            <button type="submit" name="action" value="submit">\(vi ? "Nộp và xem kết quả" : "Submit and see the result")</button></p>
            </form>
            """
        let layout = services.layout(context, session)
        let title = (vi ? "Bảng kiểm: " : "Checklist: ") + "\(unit.name) (\(unit.id))"
        return Responses.html(layout.page(title: title, body), status: posted == nil ? .ok : .unprocessableContent)
    }

    private func post(_ request: Request, _ context: WebContext) async throws -> Response {
        // The token first: a forged post is refused before it can write a refusal to the log.
        let form = try await Responses.form(request)
        try Forms.check(form, try context.signedIn())
        let target = try target(context)
        let (session, unit, standard) = target
        var values = form.dictionary
        let action = values["action"]
        values["csrf"] = nil
        values["action"] = nil
        // A school assesses itself only; an inspection is the authority's.
        if session.user.role == .school { values["assessment"] = Assessment.selfAssessment.rawValue }
        let s = standard.loaded.standard
        let here = "/units/\(FormData.encode(unit.id))/checklist?standard=\(FormData.encode(s.id))"
        switch action {
        case "draft":
            try services.store.saveDraft(unit: unit.id, standard: s.id, answers: values, by: session.user.name)
            return Responses.seeOther(here)
        case "submit":
            switch try EvidenceForm(standard: s, unit: unit, language: context.language).read(values) {
            case .failure(let problems):
                return try page(context, target, posted: (values, problems))
            case .success(let evidence):
                let reason = evidence.assessment == Assessment.inspection ? "kiểm tra qua web / web inspection" : "tự đánh giá qua web / web self-assessment"
                try Submission.record(evidence, standard: standard, reason: reason, session: session, services: services)
                try services.store.removeDraft(unit: unit.id, standard: s.id, by: session.user.name)
                return Responses.seeOther("/units/\(FormData.encode(unit.id))?saved=1#std-\(FormData.encode(s.id))")
            }
        default:
            throw WebError.badRequest(LocalizedText(vi: "cần chọn lưu nháp hoặc nộp", en: "choose save draft or submit"))
        }
    }
}
