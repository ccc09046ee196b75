import PhuhopCore
import PhuhopStore

/// The frame of every page: head, navigation, language switch, the demo-data banner, and the
/// body. Pages work without JavaScript and read on a phone (one column under 40rem).
struct Layout: Sendable {
    var language: Language
    /// The signed-in user, for the navigation; nil on the sign-in page.
    var session: Session?
    /// The path and query of this page, which the language switch returns to.
    var here: String
    /// Whether the store holds demonstration data: every page says so.
    var demo: Bool

    func page(title: LocalizedText, _ body: String) -> String {
        page(title: title(language), body)
    }

    func page(title: String, _ body: String) -> String {
        let l = language
        let other: Language = l == .vi ? .en : .vi
        let switchLabel = l == .vi ? "English" : "Tiếng Việt"
        let back = FormData.encode(here)
        var nav = ""
        if let session {
            let user = session.user
            var links = [("/units", LocalizedText(vi: "Đơn vị", en: "Units"))]
            if AccessPolicy.canSeeDashboard(user) { links.append(("/dashboard", LocalizedText(vi: "Tổng hợp tỉnh", en: "Province dashboard"))) }
            if AccessPolicy.canTryChanges(user) { links.append(("/whatif", LocalizedText(vi: "Thử thay đổi tiêu chí", en: "What-if"))) }
            if AccessPolicy.canManageUsers(user) { links.append(("/users", LocalizedText(vi: "Người dùng", en: "Users"))) }
            nav = "<nav class=\"no-print\">" + links.map { "<a href=\"\($0.0)\">\(HTML.t($0.1, l))</a>" }.joined()
                + "<form method=\"post\" action=\"/signout\" class=\"inline\">\(HTML.csrfField(session.csrf))"
                + "<span class=\"who\">\(HTML.escape(user.name)) (\(HTML.t(Layout.roleName(user.role), l)))</span> "
                + "<button type=\"submit\" class=\"link\">\(l == .vi ? "Đăng xuất" : "Sign out")</button></form></nav>"
        }
        let banner = demo
            ? "<p class=\"demo\" role=\"note\">\(l == .vi ? "DỮ LIỆU DEMO — các đơn vị, trường và số liệu ở đây là giả lập, không phải số liệu thật." : "DEMO DATA — the units, schools and figures here are synthetic, not real.")</p>"
            : ""
        return """
        <!DOCTYPE html>
        <html lang="\(l.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) — Phuhop</title>
        <link rel="stylesheet" href="/app.css">
        <link rel="icon" href="data:,">
        </head>
        <body>
        <header class="no-print"><a class="brand" href="/units">Phuhop</a> <span class="tagline">\(l == .vi ? "Xã, phường phù hợp với trẻ em" : "Child-friendly communes")</span>
        <a class="lang" href="/language/\(other.rawValue)?back=\(back)" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(switchLabel)</a></header>
        \(nav)
        \(banner)
        <main>
        <h1>\(HTML.escape(title))</h1>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func roleName(_ role: UserRole) -> LocalizedText {
        switch role {
        case .admin: LocalizedText(vi: "quản trị", en: "administrator")
        case .evaluator: LocalizedText(vi: "đánh giá viên", en: "evaluator")
        case .school: LocalizedText(vi: "nhà trường", en: "school")
        case .viewer: LocalizedText(vi: "xem", en: "viewer")
        }
    }

    /// The application's stylesheet, served at `/app.css`: no external assets.
    static let stylesheet = """
        *, *::before, *::after { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0; color: #1a1a1a; line-height: 1.45; }
        header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; padding: .6rem 1rem; background: #0b5394; color: #fff; }
        header a { color: #fff; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
        .tagline { opacity: .85; }
        .lang { margin-left: auto; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; padding: .5rem 1rem; background: #e8f0fa; }
        nav .who { color: #444; }
        form.inline { display: inline; margin-left: auto; }
        button.link { background: none; border: none; color: #0b5394; text-decoration: underline; cursor: pointer; font: inherit; padding: 0; }
        main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; }
        h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1.05rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #ccc; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        .fields th { width: 12rem; }
        .banner { border: 2px solid #a00; color: #a00; background: #fff5f5; padding: .6rem; font-weight: 700; }
        .demo { margin: 0; padding: .4rem 1rem; background: #fff3c4; border-bottom: 1px solid #e0c200; font-weight: 600; }
        .badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .9em; background: #eee; }
        .badge.recognized { background: #d9f2dd; color: #0a5a1a; }
        .badge.notRecognized { background: #fde0dc; color: #8a1c0f; }
        .badge.undetermined { background: #fff0c2; color: #6b4e00; }
        .error { color: #a00; font-weight: 600; }
        .errors { border: 2px solid #a00; padding: .5rem 1rem; background: #fff5f5; }
        .ok { border: 2px solid #0a5a1a; padding: .5rem 1rem; background: #f2fbf3; }
        fieldset { border: 1px solid #ccc; margin: 1rem 0; padding: .5rem 1rem; }
        legend { font-weight: 600; }
        label { display: block; margin: .5rem 0 .15rem; }
        input[type=text], input[type=number], input[type=password], input[type=date], input[type=search], select, textarea { font: inherit; padding: .35rem; width: 100%; max-width: 28rem; border: 1px solid #999; border-radius: .2rem; }
        input[aria-invalid=true], select[aria-invalid=true] { border: 2px solid #a00; }
        .hint { color: #555; font-size: .9em; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
        .filters label { margin: 0; }
        .filters select, .filters input { width: auto; max-width: 100%; }
        code { overflow-wrap: anywhere; }
        button, .button { font: inherit; padding: .45rem 1rem; border-radius: .25rem; border: 1px solid #0b5394; background: #0b5394; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: #0b5394; }
        .item { border-bottom: 1px solid #eee; padding: .4rem 0; }
        .item .answers label { display: inline-block; margin-right: 1rem; }
        .cards { display: flex; flex-wrap: wrap; gap: 1rem; }
        .card { border: 1px solid #ccc; border-radius: .3rem; padding: .6rem 1rem; min-width: 10rem; }
        .card strong { font-size: 1.6rem; display: block; }
        svg { max-width: 100%; height: auto; }
        .pager { display: flex; gap: 1rem; }
        @media (max-width: 40rem) { .fields th { width: auto; } td, th { font-size: .95rem; } .hide-narrow { display: none; } }
        @media print { header, nav, .no-print { display: none; } main { max-width: none; } }
        """
}
