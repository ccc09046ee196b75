/// A bar chart drawn as inline SVG: no script, no external assets, prints as it shows.
///
/// Coordinates are integers on a fixed 640 × 260 canvas; the browser scales it to the width.
struct BarChart: Sendable {
    /// One bar: its label under the axis, its height, its colour.
    struct Bar: Sendable {
        var label: String
        var value: Int
        /// A CSS-free fill (presentation attribute), so the page's policy needs no inline style.
        var fill: String
    }

    var title: String
    var bars: [Bar]
    /// Words under the axis, such as "points".
    var axis: String

    func svg() -> String {
        let width = 640, height = 260, left = 40, bottom = 40, top = 16
        let plotHeight = height - bottom - top
        let peak = max(1, bars.map(\.value).max() ?? 1)
        let slot = bars.isEmpty ? 0 : (width - left - 8) / bars.count
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        out += "<title>\(HTML.escape(title))</title>"
        out += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 4)\" y2=\"\(top + plotHeight)\" stroke=\"#444\"/>"
        out += "<text x=\"\(left - 6)\" y=\"\(top + 10)\" font-size=\"11\" text-anchor=\"end\">\(peak)</text>"
        out += "<text x=\"\(left - 6)\" y=\"\(top + plotHeight)\" font-size=\"11\" text-anchor=\"end\">0</text>"
        for (i, bar) in bars.enumerated() {
            let h = bar.value * plotHeight / peak
            let x = left + i * slot + 2
            let y = top + plotHeight - h
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(1, slot - 4))\" height=\"\(h)\" fill=\"\(bar.fill)\">"
                + "<title>\(HTML.escape(bar.label)): \(bar.value)</title></rect>"
            if bar.value > 0 {
                out += "<text x=\"\(x + slot / 2 - 2)\" y=\"\(y - 3)\" font-size=\"10\" text-anchor=\"middle\">\(bar.value)</text>"
            }
            // Every other label when the bars are narrow.
            if bars.count <= 12 || i % 2 == 0 {
                out += "<text x=\"\(x + slot / 2 - 2)\" y=\"\(top + plotHeight + 14)\" font-size=\"10\" text-anchor=\"middle\">\(HTML.escape(bar.label))</text>"
            }
        }
        out += "<text x=\"\((width + left) / 2)\" y=\"\(height - 6)\" font-size=\"11\" text-anchor=\"middle\">\(HTML.escape(axis))</text>"
        return out + "</svg>"
    }
}
