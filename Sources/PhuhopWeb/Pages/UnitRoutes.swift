import Foundation
import HTTPTypes
import Hummingbird
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore

/// A unit's page (its decisions with their reasons, links to enter evidence, its history) and
/// the printable decision annex.
struct UnitRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/units/:id") { request, context in try page(request, context) }
        router.get("/units/:id/annex") { request, context in try annex(request, context) }
    }

    /// The unit named in the path, if the person may read it (403, logged, if not), with the
    /// store as this request sees it.
    static func readable(_ context: WebContext, _ services: WebServices) throws -> (Session, UnitSummary, StoreView) {
        let session = try context.signedIn()
        let view = try services.view()
        let unit = try view.unit(context.parameters.get("id") ?? "")
        guard AccessPolicy.canRead(session.user, unit) else { try services.deny(session, "unit:\(unit.id)") }
        return (session, unit, view)
    }

    /// Whether a standard applies to a unit: it names the unit's type, or, naming none, the unit
    /// is commune-level.
    static func applies(_ standard: Standard, to unit: UnitSummary) -> Bool {
        standard.unitTypes.isEmpty ? unit.unitType.isCommuneLevel : standard.unitTypes.contains(unit.unitType)
    }

    /// The standards that apply to a unit (`applies`), its own standard first.
    static func standards(for unit: UnitSummary, _ services: WebServices) -> [DecidingStandard] {
        services.standards.values.filter { applies($0.loaded.standard, to: unit) }.sorted { a, b in
            // The unit's own standard (points) before the checklists it may also be assessed by.
            let (x, y) = (a.loaded.standard, b.loaded.standard)
            return x.kind == y.kind ? x.id < y.id : x.kind == .points
        }
    }

    private func page(_ request: Request, _ context: WebContext) throws -> Response {
        let (session, unit, view) = try Self.readable(context, services)
        let l = context.language
        let vi = l == .vi
        var body: [String] = []
        if context.query["saved"] == "1" {
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
                body.append("<p class=\"no-print\"><a class=\"button secondary\" href=\"/units/\(FormData.encode(unit.id))/annex?standard=\(FormData.encode(s.id))\">"
                    + (vi ? "Phụ lục quyết định để in, ký" : "Decision annex to print and sign") + "</a> "
                    + "<span class=\"hint\">\(vi ? "Quyết định số" : "Decision no.") \(headline.id) · \(HTML.moment(headline.decidedAt, l)) · \(HTML.escape(headline.decidedBy))</span></p>")
                body.append("<div class=\"report\" id=\"decision-\(HTML.escape(s.id))\">"
                    + (try services.report(headline, language: l, printable: false)) + "</div>")
            } else {
                body.append("<p>\(vi ? "Chưa có quyết định." : "No decision yet.")</p>")
            }
            if s.hasItems {
                if AccessPolicy.canFillChecklist(session.user, unit) {
                    body.append("<p><a class=\"button\" href=\"/units/\(FormData.encode(unit.id))/checklist?standard=\(FormData.encode(s.id))\">"
                        + (vi ? "Điền bảng kiểm" : "Fill in the checklist") + "</a></p>")
                }
            } else if AccessPolicy.canEnterEvidence(session.user, unit) {
                body.append("<p><a class=\"button\" href=\"/units/\(FormData.encode(unit.id))/evidence?standard=\(FormData.encode(s.id))\">"
                    + (vi ? "Nhập hoặc sửa bằng chứng" : "Enter or correct evidence") + "</a></p>")
            }
            body.append("</section>")
        }
        body.append(try view.rendered("history", unit.id, l) { try history(unit, view, l) })
        let layout = services.layout(context, session)
        return Responses.html(layout.page(title: "\(unit.name) (\(unit.id))", body.joined(separator: "\n")))
    }

    private func history(_ unit: UnitSummary, _ view: StoreView, _ l: Language) throws -> String {
        let vi = l == .vi
        let history = try view.history(unit.id)
        var out = "<section id=\"history\"><h2>\(vi ? "Lịch sử bằng chứng và quyết định" : "History of evidence and decisions")</h2>"
        out += "<h3>\(vi ? "Các lần ghi bằng chứng" : "Evidence revisions")</h3>"
        out += "<table><thead><tr><th>\(vi ? "Bộ tiêu chí" : "Standard")</th><th>\(vi ? "Kỳ" : "Period")</th><th>\(vi ? "Lần" : "Rev.")</th>"
            + "<th>\(vi ? "Người ghi" : "By")</th><th class=\"hide-narrow\">\(vi ? "Lúc" : "At")</th><th class=\"hide-narrow\">\(vi ? "Lý do" : "Reason")</th></tr></thead><tbody>"
        for r in history.revisions.reversed() {
            out += "<tr><td><code>\(HTML.escape(r.standard))</code></td><td>\(HTML.escape(r.period))</td><td>\(r.revision)</td>"
                + "<td>\(HTML.escape(r.author))</td><td class=\"hide-narrow\">\(HTML.moment(r.recordedAt, l))</td><td class=\"hide-narrow\">\(HTML.escape(r.reason))</td></tr>"
        }
        out += "</tbody></table><h3>\(vi ? "Các quyết định" : "Decisions")</h3>"
        out += "<table><thead><tr><th>\(vi ? "Số" : "No.")</th><th>\(vi ? "Bộ tiêu chí" : "Standard")</th><th>\(vi ? "Kỳ" : "Period")</th>"
            + "<th>\(vi ? "Kết quả" : "Outcome")</th><th>\(vi ? "Điểm" : "Total")</th><th class=\"hide-narrow\">\(vi ? "Lúc, người ra" : "Made at, by")</th></tr></thead><tbody>"
        for d in history.decisions.reversed() {
            let kind = services.standards[d.standard]?.loaded.standard.kind ?? .points
            let state = d.superseded ? (vi ? " <em>(đã thay)</em>" : " <em>(superseded)</em>") : ""
            out += "<tr><td>\(d.id)\(state)</td><td><code>\(HTML.escape(d.standard))</code></td><td>\(HTML.escape(d.period))</td>"
                + "<td>\(HTML.outcomeBadge(d.outcome.rawValue, kind: kind, provisional: d.provisional, l))</td>"
                + "<td>\(d.total.map(String.init) ?? "—")</td><td class=\"hide-narrow\">\(HTML.moment(d.decidedAt, l)) · \(HTML.escape(d.decidedBy))</td></tr>"
        }
        out += "</tbody></table>"
        if !history.attached.isEmpty {
            out += "<h3>\(vi ? "Trường, hộ thuộc đơn vị" : "Schools and homes in this unit")</h3><ul>"
                + history.attached.map { "<li><a href=\"/units/\(FormData.encode($0))\">\(HTML.escape($0))</a></li>" }.joined() + "</ul>"
        }
        return out + "</section>"
    }

    private func annex(_ request: Request, _ context: WebContext) throws -> Response {
        let (_, unit, _) = try Self.readable(context, services)
        let id = context.query["standard"] ?? unit.decisions.first?.standardId ?? ""
        guard let headline = unit.decisions.first(where: { $0.standardId == id }) else {
            throw WebError.notFound(LocalizedText(vi: "đơn vị \(unit.id) chưa có quyết định theo “\(id)”",
                                                  en: "unit \(unit.id) has no decision under “\(id)”"))
        }
        var html = try services.report(headline, language: context.language, printable: true)
        if services.demo {
            let note = context.language == .vi ? "DỮ LIỆU DEMO — không phải số liệu thật." : "DEMO DATA — not real figures."
            html = html.replacingOccurrences(of: "<main>\n", with: "<main>\n<p class=\"banner\">\(note)</p>\n")
        }
        var response = Responses.html(html)
        response.headers[.contentSecurityPolicy] = FrontDoor.printablePolicy
        return response
    }
}
