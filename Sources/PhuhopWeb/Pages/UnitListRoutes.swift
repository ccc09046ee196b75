import Foundation
import Hummingbird
import PhuhopCore
import PhuhopStore

/// The list of units a person may read, with filters and search.
struct UnitListRoutes: Sendable {
    let services: WebServices
    static let pageSize = 100

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in
            context.session == nil ? Responses.seeOther("/signin") : Responses.seeOther("/units")
        }
        router.get("/units") { request, context in try list(request, context) }
    }

    /// The filters of the list, as the query string gives them.
    struct Filter: Equatable, Sendable {
        var province: String?
        var unitClass: String?
        /// An outcome id, or `none` for units without a decision.
        var outcome: String?
        /// `yes` or `no`.
        var provisional: String?
        var search: String?
        var page = 1

        init(_ query: FormData) {
            func value(_ name: String) -> String? {
                guard let text = query[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                return text
            }
            province = value("province")
            unitClass = value("class")
            outcome = value("outcome")
            provisional = value("provisional")
            search = value("q")
            page = max(1, Int(query["page"] ?? "") ?? 1)
        }

        func matches(_ unit: UnitSummary) -> Bool {
            if let province, unit.province != province { return false }
            if let unitClass, !unit.decisions.contains(where: { $0.unitClass == unitClass }) { return false }
            if let outcome {
                if outcome == "none" ? !unit.decisions.isEmpty : !unit.decisions.contains(where: { $0.outcome == outcome }) { return false }
            }
            if let provisional, !unit.decisions.contains(where: { $0.provisional == (provisional == "yes") }) { return false }
            if let search {
                let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
                if unit.id.range(of: search, options: options) == nil && unit.name.range(of: search, options: options) == nil {
                    return false
                }
            }
            return true
        }

        /// The query string of these filters on another page.
        func query(page: Int) -> String {
            var parts: [String] = []
            for (name, value) in [("province", province), ("class", unitClass), ("outcome", outcome),
                                  ("provisional", provisional), ("q", search)] {
                if let value { parts.append(name + "=" + FormData.encode(value)) }
            }
            parts.append("page=\(page)")
            return "?" + parts.joined(separator: "&")
        }
    }

    private func list(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let l = context.language
        let user = session.user
        let visible = try services.view().units().filter { AccessPolicy.canRead(user, $0) }
        let filter = Filter(context.query)
        let shown = visible.filter(filter.matches)
        let pages = max(1, (shown.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(filter.page, pages)
        let slice = shown.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)

        let provinces = Set(visible.map(\.province)).sorted()
        var classes: [(String, String)] = []
        for standard in services.standards.values.sorted(by: { $0.loaded.standard.id < $1.loaded.standard.id }) {
            for c in standard.loaded.standard.recognition.classes where !classes.contains(where: { $0.0 == c.id }) {
                classes.append((c.id, "\(c.name(l)) (\(standard.loaded.standard.id))"))
            }
        }
        let any = l == .vi ? "— tất cả —" : "— all —"
        let outcomes: [(String, String)] = [
            ("", any), ("recognized", l == .vi ? "công nhận / đạt" : "recognised / passed"),
            ("notRecognized", l == .vi ? "không công nhận / chưa đạt" : "not recognised / not yet passed"),
            ("undetermined", l == .vi ? "chưa đủ căn cứ" : "undetermined"), ("none", l == .vi ? "chưa có quyết định" : "no decision"),
        ]
        var body = """
            <form method="get" action="/units" class="filters" role="search">
            <div><label for="q">\(l == .vi ? "Tìm (mã, tên)" : "Search (id, name)")</label>
            <input type="search" id="q" name="q" value="\(HTML.escape(filter.search ?? ""))"></div>
            <div><label for="province">\(l == .vi ? "Tỉnh" : "Province")</label>
            <select id="province" name="province">\(HTML.options([("", any)] + provinces.map { ($0, $0) }, selected: filter.province ?? ""))</select></div>
            <div><label for="class">\(l == .vi ? "Nhóm" : "Class")</label>
            <select id="class" name="class">\(HTML.options([("", any)] + classes, selected: filter.unitClass ?? ""))</select></div>
            <div><label for="outcome">\(l == .vi ? "Kết quả" : "Outcome")</label>
            <select id="outcome" name="outcome">\(HTML.options(outcomes, selected: filter.outcome ?? ""))</select></div>
            <div><label for="provisional">\(l == .vi ? "Tạm thời" : "Provisional")</label>
            <select id="provisional" name="provisional">\(HTML.options([("", any), ("yes", l == .vi ? "có" : "yes"), ("no", l == .vi ? "không" : "no")], selected: filter.provisional ?? ""))</select></div>
            <div><button type="submit">\(l == .vi ? "Lọc" : "Filter")</button></div>
            </form>
            <p>\(l == .vi ? "\(shown.count) đơn vị" : "\(shown.count) units")\(pages > 1 ? (l == .vi ? ", trang \(page)/\(pages)" : ", page \(page) of \(pages)") : "")</p>
            """
        if shown.isEmpty {
            body += "<p>\(l == .vi ? "Không có đơn vị nào khớp." : "No unit matches.")</p>"
        } else {
            body += "<table><thead><tr><th>\(l == .vi ? "Mã" : "Id")</th><th>\(l == .vi ? "Tên" : "Name")</th>"
                + "<th class=\"hide-narrow\">\(l == .vi ? "Loại" : "Type")</th><th class=\"hide-narrow\">\(l == .vi ? "Tỉnh" : "Province")</th>"
                + "<th>\(l == .vi ? "Quyết định hiện hành" : "Current decisions")</th></tr></thead><tbody>\n"
            for unit in slice {
                let decisions = unit.decisions.map { d -> String in
                    let kind = services.standards[d.standardId]?.loaded.standard.kind ?? .points
                    let score = d.total.map { " \($0)/\(d.maximum)" } ?? ""
                    return "<div><code>\(HTML.escape(d.standardId))</code> \(HTML.outcomeBadge(d.outcome, kind: kind, provisional: d.provisional, l))\(score)</div>"
                }.joined()
                body += "<tr><td><a href=\"/units/\(FormData.encode(unit.id))\">\(HTML.escape(unit.id))</a></td>"
                    + "<td>\(HTML.escape(unit.name))</td><td class=\"hide-narrow\">\(HTML.escape(unit.unitType.name(l)))</td>"
                    + "<td class=\"hide-narrow\">\(HTML.escape(unit.province))</td><td>\(decisions.isEmpty ? "—" : decisions)</td></tr>\n"
            }
            body += "</tbody></table>"
        }
        if pages > 1 {
            body += "<p class=\"pager\">"
            if page > 1 { body += "<a href=\"/units\(HTML.escape(filter.query(page: page - 1)))\">← \(l == .vi ? "Trang trước" : "Previous")</a>" }
            if page < pages { body += "<a href=\"/units\(HTML.escape(filter.query(page: page + 1)))\">\(l == .vi ? "Trang sau" : "Next") →</a>" }
            body += "</p>"
        }
        let layout = services.layout(context, session)
        return Responses.html(layout.page(title: LocalizedText(vi: "Đơn vị", en: "Units"), body))
    }
}
