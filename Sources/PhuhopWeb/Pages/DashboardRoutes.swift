import Hummingbird
import PhuhopCore
import PhuhopStore

/// The province dashboard: counts by outcome, progress against the programme's targets, and
/// the distributions of totals and of distance to the threshold, from the current decisions.
struct DashboardRoutes: Sendable {
    let services: WebServices

    func register(on router: Router<WebContext>) {
        router.get("/dashboard") { request, context in try page(request, context) }
    }

    /// Counts of current decisions for one standard over a set of units, in integers.
    struct Tally: Equatable, Sendable {
        var units = 0
        var recognized = 0
        var notRecognized = 0
        var undetermined = 0
        var undecided = 0
        var provisional = 0
        var totals: [Int] = []
        var distances: [Int] = []

        init(_ units: [UnitSummary], standard: String) {
            for unit in units {
                self.units += 1
                guard let d = unit.decisions.first(where: { $0.standardId == standard }) else {
                    undecided += 1
                    continue
                }
                switch d.outcome {
                case "recognized": recognized += 1
                case "notRecognized": notRecognized += 1
                default: undetermined += 1
                }
                if d.provisional { provisional += 1 }
                if let total = d.total {
                    totals.append(total)
                    if let threshold = d.threshold { distances.append(total - threshold) }
                }
            }
        }

        /// Units still to recognise to reach `share` of all units (undecided count as not
        /// recognised): ceil(share × units) − recognised, in integers.
        func stillNeeded(_ share: Rational) -> Int {
            let needed = (Int128(share.numerator) * Int128(units) + Int128(share.denominator) - 1) / Int128(share.denominator)
            return max(0, Int(needed) - recognized)
        }

        /// The share recognised in tenths of a percent, rounded down.
        var permille: Int { units == 0 ? 0 : recognized * 1000 / units }
    }

    /// Counts of values in bins of `width`, from the lowest bin that holds a value to the highest.
    static func bins(_ values: [Int], width: Int) -> [(low: Int, count: Int)] {
        guard let low = values.min(), let high = values.max() else { return [] }
        func floor(_ v: Int) -> Int { v >= 0 ? v / width * width : -((-v + width - 1) / width * width) }
        let first = floor(low)
        let count = (floor(high) - first) / width + 1
        var out = (0..<count).map { (low: first + $0 * width, count: 0) }
        for v in values { out[(floor(v) - first) / width].count += 1 }
        return out
    }

    private func page(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        guard AccessPolicy.canSeeDashboard(session.user) else { try services.deny(session, "dashboard") }
        let l = context.language
        let vi = l == .vi
        let all = try services.view().units()
        let communes = all.filter { $0.unitType.isCommuneLevel }
        let provinces = Set(communes.map(\.province)).sorted()
        let asked = context.query["province"]
        let province = provinces.contains(asked ?? "") ? asked : provinces.first
        var body = """
            <form method="get" action="/dashboard" class="filters no-print">
            <div><label for="province">\(vi ? "Tỉnh" : "Province")</label>
            <select id="province" name="province">\(HTML.options(provinces.map { ($0, $0) }, selected: province))</select></div>
            <div><button type="submit">\(vi ? "Xem" : "Show")</button></div></form>
            """
        guard let province else {
            body += "<p>\(vi ? "Chưa có đơn vị cấp xã nào." : "No commune-level unit yet.")</p>"
            return render(context, session, body)
        }
        let inProvince = all.filter { $0.province == province }
        body += "<h2>\(HTML.escape(province))</h2>"
        let standards = services.standards.values.map(\.loaded.standard).sorted { $0.id < $1.id }
        for standard in standards where !standard.targets.isEmpty {
            body += section(standard, units: inProvince.filter { $0.unitType.isCommuneLevel }, l)
        }
        for standard in standards where standard.hasItems {
            let units = inProvince.filter { UnitRoutes.applies(standard, to: $0) }
            guard units.contains(where: { u in u.decisions.contains { $0.standardId == standard.id } }) else { continue }
            let tally = Tally(units, standard: standard.id)
            body += "<h3>\(HTML.escape(standard.title(l))) <small><code>\(HTML.escape(standard.id))</code></small></h3>"
            body += cards([(vi ? "đạt" : "passed", tally.recognized), (vi ? "chưa đạt" : "not yet passed", tally.notRecognized),
                           (vi ? "chưa đủ căn cứ" : "undetermined", tally.undetermined), (vi ? "chưa đánh giá" : "not assessed", tally.undecided)])
        }
        return render(context, session, body)
    }

    private func section(_ standard: Standard, units: [UnitSummary], _ l: Language) -> String {
        let vi = l == .vi
        let tally = Tally(units, standard: standard.id)
        var out = "<h3>\(HTML.escape(standard.title(l))) <small><code>\(HTML.escape(standard.id))</code></small></h3>"
        out += cards([(vi ? "đơn vị cấp xã" : "commune-level units", tally.units), (vi ? "công nhận" : "recognised", tally.recognized),
                      (vi ? "không công nhận" : "not recognised", tally.notRecognized),
                      (vi ? "chưa đủ căn cứ" : "undetermined", tally.undetermined),
                      (vi ? "chưa có quyết định" : "no decision", tally.undecided),
                      (vi ? "kết quả tạm thời" : "provisional", tally.provisional)])
        if tally.provisional > 0 {
            out += "<p class=\"banner\">" + (vi
                ? "\(tally.provisional) quyết định là KẾT QUẢ TẠM THỜI: dựa trên giá trị tạm dùng chưa đối chiếu văn bản chính thức."
                : "\(tally.provisional) decisions are PROVISIONAL: they rest on working values not yet checked against the official text.") + "</p>"
        }
        let share = tally.permille
        let reached = "\(share / 10),\(share % 10)%"
        out += "<h4>\(vi ? "Tiến độ so với mục tiêu" : "Progress against the targets")</h4>"
        out += "<p>\(vi ? "Tỷ lệ được công nhận" : "Share recognised"): <strong>\(vi ? reached : reached.replacingOccurrences(of: ",", with: "."))</strong> (\(tally.recognized)/\(tally.units))</p><ul>"
        var marks: [(String, Int)] = []
        for target in standard.targets {
            let s = target.share.value
            let permille = Int(Int128(s.numerator) * 1000 / Int128(s.denominator))
            marks.append(("\(target.year): \(permille / 10)%", permille))
            let needed = tally.stillNeeded(s)
            let mark = target.share.provenance == .provisional ? (vi ? " (giá trị tạm dùng)" : " (provisional value)") : ""
            out += "<li>" + HTML.escape(vi
                ? "Mục tiêu \(target.year): \(permille / 10)%\(mark) — " + (needed == 0 ? "đã đạt" : "còn thiếu \(needed) đơn vị")
                : "Target \(target.year): \(permille / 10)%\(mark) — " + (needed == 0 ? "reached" : "\(needed) more units needed")) + "</li>"
        }
        out += "</ul>" + ProgressBar(title: vi ? "Tỷ lệ được công nhận so với mục tiêu" : "Share recognised against the targets",
                                     permille: share, marks: marks).svg()
        out += "<h4>\(vi ? "Phân bố tổng điểm" : "Distribution of totals")</h4>"
        out += BarChart(title: vi ? "Số đơn vị theo tổng điểm" : "Units by total",
                        bars: Self.bins(tally.totals, width: 25).map { .init(label: "\($0.low)", value: $0.count, fill: "#0b5394") },
                        axis: vi ? "tổng điểm (khoảng 25 điểm)" : "total (bins of 25 points)").svg()
        out += "<h4>\(vi ? "Khoảng cách đến ngưỡng" : "Distance to the threshold")</h4>"
        out += BarChart(title: vi ? "Số đơn vị theo khoảng cách đến ngưỡng" : "Units by distance to the threshold",
                        bars: Self.bins(tally.distances, width: 25).map {
                            .init(label: ($0.low >= 0 ? "+" : "") + "\($0.low)", value: $0.count, fill: $0.low >= 0 ? "#2e7d32" : "#c62828")
                        },
                        axis: vi ? "tổng điểm trừ ngưỡng (khoảng 25 điểm); từ 0 trở lên là đủ điểm" : "total minus threshold (bins of 25); 0 or more has the points").svg()
        return out
    }

    private func cards(_ items: [(String, Int)]) -> String {
        "<div class=\"cards\">" + items.map { "<div class=\"card\"><strong>\($0.1)</strong>\(HTML.escape($0.0))</div>" }.joined() + "</div>"
    }

    private func render(_ context: WebContext, _ session: Session, _ body: String) -> Response {
        let layout = services.layout(context, session)
        return Responses.html(layout.page(title: LocalizedText(vi: "Tổng hợp tỉnh", en: "Province dashboard"), body))
    }
}
