/// A horizontal progress bar toward targets, as inline SVG.
struct ProgressBar: Sendable {
    var title: String
    /// The share reached, in tenths of a percent (0…1000).
    var permille: Int
    /// Target marks: label and tenths of a percent.
    var marks: [(label: String, permille: Int)]

    func svg() -> String {
        let width = 640, left = 8, span = 600
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) 64\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        out += "<title>\(HTML.escape(title))</title>"
        out += "<rect x=\"\(left)\" y=\"18\" width=\"\(span)\" height=\"20\" fill=\"#eee\" stroke=\"#999\"/>"
        out += "<rect x=\"\(left)\" y=\"18\" width=\"\(min(span, permille * span / 1000))\" height=\"20\" fill=\"#2e7d32\"/>"
        for (n, mark) in marks.enumerated() {
            let x = left + mark.permille * span / 1000
            out += "<line x1=\"\(x)\" y1=\"12\" x2=\"\(x)\" y2=\"44\" stroke=\"#a00\" stroke-width=\"2\"/>"
            // Labels alternate below and above the bar: targets 10 points apart would overlap.
            out += "<text x=\"\(x)\" y=\"\(n.isMultiple(of: 2) ? 58 : 10)\" font-size=\"11\" text-anchor=\"middle\">\(HTML.escape(mark.label))</text>"
        }
        return out + "</svg>"
    }
}
