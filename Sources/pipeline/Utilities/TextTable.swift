import Foundation

/// Output formats of the follow-up commands.
enum TableFormat: String, CaseIterable {
    case table, csv, json
}

/// A table of text cells, printed aligned for a terminal or as CSV for a spreadsheet.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// Columns padded to the widest cell, measured in terminal columns: Thai vowel and tone
    /// marks above and below the line take none.
    var aligned: String {
        var widths = header.map(TextTable.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TextTable.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell
                    : cell + String(repeating: " ", count: widths[index] - TextTable.displayWidth(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// CSV (RFC 4180, CRLF line ends), UTF-8 with a BOM so that a spreadsheet reads the Thai.
    var csv: String {
        func field(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x0300...0x036F, 0x200B, 0xFEFF: return width
            default: return width + 1
            }
        }
    }
}
