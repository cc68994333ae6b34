import Foundation

/// Output formats of the follow-up commands and of the office's downloads.
public enum TableFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// One column of a table the office reads or sends upward: the English key (the JSON key,
/// and what scripts match on) and what the column is, in Thai.
public struct Column: Sendable, Equatable {
    public var key: String
    public var thai: String

    public init(_ key: String, thai: String) {
        self.key = key
        self.thai = thai
    }

    /// The header cell of a CSV or a spreadsheet: Thai first, the key beside (`สถานี / station`).
    public var heading: String { "\(thai) / \(key)" }
}

/// A table of text cells, printed aligned for a terminal or written as CSV for a spreadsheet.
/// The CLI and the web build their CSV from the same table, so both give the same bytes.
public struct OfficeTable: Sendable, Equatable {
    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Columns padded to the widest cell, measured in terminal columns: Thai vowel and tone
    /// marks above and below the line take none. The header gives the keys (short, for a
    /// terminal).
    public var aligned: String {
        let header = columns.map(\.key)
        var widths = header.map(OfficeTable.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], OfficeTable.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 || index >= widths.count ? cell
                    : cell + String(repeating: " ", count: max(0, widths[index] - OfficeTable.displayWidth(cell)))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// CSV for Excel (docs/office.md, "Spreadsheets"): RFC 4180 with CRLF line ends, UTF-8
    /// with a BOM so that the Thai reads, the header naming each column in Thai with its key
    /// beside, and no cell that a spreadsheet would run as a formula.
    public var csv: String {
        "\u{FEFF}" + ([columns.map(\.heading)] + rows)
            .map { $0.map(OfficeTable.csvField).joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field: a cell that starts as a formula would (`=`, `+`, `-`, `@`, or a tab or
    /// carriage return before one) gets a leading apostrophe, which Excel shows as text and
    /// does not run; a field with a comma, a quote or a line break is quoted.
    static func csvField(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, OfficeTable.formulaStarts.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a spreadsheet takes as the start of a formula (OWASP "CSV injection").
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Terminal columns `text` takes: Thai marks above and below the line take none.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x0300...0x036F, 0x200B, 0xFEFF: return width
            default: return width + 1
            }
        }
    }
}
