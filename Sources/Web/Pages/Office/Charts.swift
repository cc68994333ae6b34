import Foundation
import Office

/// The summary's charts: inline `<svg>` drawn on the server, so they need no script, print
/// with the page and come from no other site. Shapes are placed with presentation
/// attributes (no `style`, which the content policy would refuse). Each chart has a `<title>`
/// and keeps its numbers as text beside the bars, for a reader without colours.
enum Charts {
    /// Level 0 … 5, from red to green.
    static let levelColours = ["#a4161a", "#d9480f", "#e8a317", "#9bbf3a", "#4c9a2a", "#17663a"]

    static let width = 380.0
    static let labelWidth = 56.0
    static let rowHeight = 26.0
    static let barHeight = 18.0

    /// One stacked bar per bureau: how many of its stations stand at each level.
    static func levels(_ rows: [OfficeSummaryRow]) -> Markup {
        let levelCount = rows.map(\.base.levels.count).max() ?? 1
        let most = max(1, rows.map(\.base.stations).max() ?? 1)
        let plot = width - labelWidth - 40
        let height = Double(rows.count) * rowHeight + 34
        return el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                          ("class", "chart"), ("role", "img"), ("aria-label", "ระดับความสำเร็จต่อกองบัญชาการ / levels per bureau")]) {
            el("title") { "ระดับความสำเร็จต่อกองบัญชาการ / stations at each level, per bureau" }
            for (index, row) in rows.enumerated() {
                let y = Double(index) * rowHeight + 4
                el("text", [("x", "0"), ("y", format(y + barHeight - 4)), ("class", "label")]) { row.base.bureau ?? "" }
                Markup.joined(segments(row, most: most, plot: plot, y: y))
                el("text", [("x", format(labelWidth + plot * Double(row.base.stations) / Double(most) + 4)),
                            ("y", format(y + barHeight - 4)), ("class", "value")]) { String(row.base.stations) }
            }
            legend(levels: levelCount, y: Double(rows.count) * rowHeight + 12)
        }
    }

    private static func segments(_ row: OfficeSummaryRow, most: Int, plot: Double, y: Double) -> [Markup] {
        var x = labelWidth
        var parts: [Markup] = []
        for (level, count) in row.base.levels.enumerated() where count > 0 {
            let width = plot * Double(count) / Double(most)
            parts.append(el("rect", [("x", format(x)), ("y", format(y)), ("width", format(width)), ("height", format(barHeight)),
                                     ("fill", levelColours[min(level, levelColours.count - 1)])]) {
                el("title") { "\(row.base.bureau ?? ""): ระดับ \(level) — \(count) สถานี / level \(level): \(count)" }
            })
            x += width
        }
        return parts
    }

    /// `ระดับ` and one swatch per level with its number.
    private static func legend(levels: Int, y: Double) -> Markup {
        el("text", [("x", "0"), ("y", format(y + 11)), ("class", "legend")]) { "ระดับ / level" }
            + Markup.joined((0..<levels).map { level in
                let x = labelWidth + 30 + Double(level) * 36
                return el("rect", [("x", format(x)), ("y", format(y)), ("width", "12"), ("height", "12"),
                                   ("fill", levelColours[min(level, levelColours.count - 1)])])
                    + el("text", [("x", format(x + 16)), ("y", format(y + 11)), ("class", "legend")]) { String(level) }
            })
    }

    /// One bar per bureau, 0–100 %; a bureau with no figure shows a dash.
    static func rates(_ rows: [(label: String, percent: Double?)]) -> Markup {
        let plot = width - labelWidth - 60
        let height = Double(rows.count) * rowHeight + 8
        return el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                          ("class", "chart"), ("role", "img")]) {
            el("title") { rows.map { "\($0.label) \($0.percent.map { String(format: "%.0f%%", $0) } ?? "—")" }.joined(separator: ", ") }
            for (index, row) in rows.enumerated() {
                let y = Double(index) * rowHeight + 4
                el("text", [("x", "0"), ("y", format(y + barHeight - 4)), ("class", "label")]) { row.label }
                el("rect", [("x", format(labelWidth)), ("y", format(y)), ("width", format(plot)), ("height", format(barHeight)),
                            ("fill", "#eef1f4")])
                if let percent = row.percent {
                    el("rect", [("x", format(labelWidth)), ("y", format(y)), ("width", format(plot * min(max(percent, 0), 100) / 100)),
                                ("height", format(barHeight)), ("fill", "#1f4e8c")])
                }
                el("text", [("x", format(labelWidth + plot + 6)), ("y", format(y + barHeight - 4)), ("class", "value")]) {
                    row.percent.map { String(format: "%.0f%%", $0) } ?? "—"
                }
            }
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
