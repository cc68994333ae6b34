import Foundation
import ZIPFoundation

extension OfficeTable {
    /// The table as an Excel workbook (docs/office.md, "Spreadsheets"): one sheet, the header
    /// row naming each column in Thai with its key beside, bold and frozen, columns as wide as
    /// their longest cell.
    ///
    /// Every cell is an inline string in the text number format (`@`), so a phone
    /// `0812345678`, an id or a year stays exactly as written, and nothing is ever a formula:
    /// `=1+2` shows as the text `=1+2`. That is why, unlike `csv`, no cell needs an apostrophe
    /// in front. The same table gives the same bytes (no clock in the archive), so a download
    /// can be compared or cached.
    ///
    /// - Parameter sheetName: the tab's name; cut to Excel's 31 characters, with `[]:*?/\`
    ///   (which Excel refuses) written as `-`.
    /// - Throws: `XLSXError` when the table exceeds what a worksheet holds, and ZIPFoundation's
    ///   errors if the archive cannot be built.
    public func xlsx(sheetName: String) throws -> Data {
        try XLSXWorkbook(table: self, sheetName: sheetName).data()
    }
}

/// Why a table cannot be written as a worksheet: Excel's own limits, which Excel would
/// otherwise meet by "repairing" the file and dropping what does not fit.
public enum XLSXError: Error, Equatable, Sendable {
    /// More rows, the header included, than a worksheet holds (1,048,576).
    case tooManyRows(Int)
    /// More columns than a worksheet holds (16,384, `XFD`).
    case tooManyColumns(Int)
    /// A cell longer than Excel's 32,767 characters (UTF-16 units); `reference` as the sheet
    /// shows it (`B7`).
    case cellTooLong(reference: String)
}

/// The parts of a minimal Office Open XML workbook (ECMA-376 Part 1) for one table, and the
/// ZIP archive that holds them. Only what Excel, LibreOffice and openpyxl need: no shared
/// strings (cells are inline), no document properties (they would carry a time).
struct XLSXWorkbook {
    let table: OfficeTable
    /// Already made acceptable to Excel (`XLSXWorkbook.sheetName(_:)`).
    let sheetName: String

    init(table: OfficeTable, sheetName: String) {
        self.table = table
        self.sheetName = XLSXWorkbook.sheetName(sheetName)
    }

    /// Excel's limits (Specifications and limits, Excel 2007 on).
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    static let maxCellLength = 32_767

    /// The time written on every entry of the archive: 1980-01-01 00:00 UTC, the first time
    /// a ZIP (MS-DOS) date can say. A fixed time keeps the bytes the same from one write to
    /// the next; ZIPFoundation converts it with `gmtime`, so the machine's zone does not matter.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Style indices into `cellXfs` of styles.xml.
    enum Style: Int {
        /// A body cell: the text format `@` (built-in numFmtId 49).
        case text = 1
        /// A header cell: text, bold.
        case header = 2
    }

    /// The archive, entries in a fixed order, deflated.
    func data() throws -> Data {
        let parts = try self.parts()
        let archive = try Archive(accessMode: .create)
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: XLSXWorkbook.entryDate, compressionMethod: .deflate,
                                 provider: { position, size in
                                     bytes.subdata(in: Int(position)..<Int(position) + size)
                                 })
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return data
    }

    /// Each part's path in the package and its XML; [Content_Types].xml first, as Excel writes it.
    func parts() throws -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", XLSXWorkbook.contentTypes),
            ("_rels/.rels", XLSXWorkbook.packageRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", XLSXWorkbook.workbookRelationships),
            ("xl/styles.xml", XLSXWorkbook.styles),
            ("xl/worksheets/sheet1.xml", try worksheet()),
        ]
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipNamespace)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    var workbook: String {
        XLSXWorkbook.declaration + """
            <workbook xmlns="\(XLSXWorkbook.mainNamespace)" xmlns:r="\(XLSXWorkbook.relationshipNamespace)">\
            <bookViews><workbookView activeTab="0"/></bookViews>\
            <sheets><sheet name="\(XLSXWorkbook.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    /// Tahoma, which has Thai glyphs on every Windows (Calibri has none, and Excel's fallback
    /// then differs from machine to machine). Fonts 0 plain, 1 bold; the two fills Excel
    /// requires; cell formats 0 the default, 1 text (`Style.text`), 2 bold text (`Style.header`).
    static let styles = declaration + """
        <styleSheet xmlns="\(mainNamespace)">\
        <fonts count="2">\
        <font><sz val="11"/><name val="Tahoma"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Tahoma"/><family val="2"/></font>\
        </fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// The sheet: the header row frozen above the rest, column widths, and every cell an
    /// inline string. An empty cell is written as a blank cell with the text format (so what
    /// someone types there later stays text too), not as an empty string.
    func worksheet() throws -> String {
        let lines = [table.columns.map(\.heading)] + table.rows
        guard lines.count <= XLSXWorkbook.maxRows else { throw XLSXError.tooManyRows(lines.count) }
        let columnCount = lines.map(\.count).max() ?? 0
        guard columnCount <= XLSXWorkbook.maxColumns else { throw XLSXError.tooManyColumns(columnCount) }

        var xml = XLSXWorkbook.declaration
        xml += "<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">"
        let lastCell = XLSXWorkbook.columnName(max(columnCount, 1) - 1) + String(lines.count)
        xml += "<dimension ref=\"\(lastCell == "A1" ? "A1" : "A1:" + lastCell)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        xml += "</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            xml += "<cols>"
            for (index, width) in XLSXWorkbook.columnWidths(lines, columnCount: columnCount).enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\" style=\"\(Style.text.rawValue)\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, cells) in lines.enumerated() where !cells.isEmpty {
            let rowNumber = rowIndex + 1
            let style = rowIndex == 0 ? Style.header : Style.text
            xml += "<row r=\"\(rowNumber)\">"
            for (columnIndex, cell) in cells.enumerated() {
                let reference = XLSXWorkbook.columnName(columnIndex) + String(rowNumber)
                let text = XLSXWorkbook.cellText(cell)
                guard text.utf16.count <= XLSXWorkbook.maxCellLength else {
                    throw XLSXError.cellTooLong(reference: reference)
                }
                if text.isEmpty {
                    xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>"
                } else {
                    xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    xml += XLSXWorkbook.escaped(text)
                    xml += "</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "</worksheet>"
        return xml
    }

    /// Each column's width in Excel's unit (the width of a digit): the longest line of its
    /// longest cell, measured as a terminal would (Thai marks above and below take none), plus
    /// a margin; at least 6 so an empty column can still be clicked, at most 80 so one long
    /// note does not push the rest off the screen.
    static func columnWidths(_ lines: [[String]], columnCount: Int) -> [Int] {
        var longest = Array(repeating: 0, count: columnCount)
        for cells in lines {
            for (index, cell) in cells.enumerated() {
                let width = cell.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    .map { OfficeTable.displayWidth(String($0)) }.max() ?? 0
                longest[index] = max(longest[index], width)
            }
        }
        return longest.map { min(max($0 + 2, 6), 80) }
    }

    /// `A` for column 0, `Z` for 25, `AA` for 26 … (bijective base 26).
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// What a cell holds, ready to escape: characters XML 1.0 cannot carry dropped, and
    /// text that Excel would read as its own escape `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19,
    /// ST_Xstring) guarded by writing its underscore as `_x005F_`, as Excel itself does;
    /// otherwise a cell `_x0041_` would show as `A`.
    static func cellText(_ cell: String) -> String {
        let scalars = Array(cell.unicodeScalars.filter(isXMLCharacter))
        var text = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
               scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit), scalars[index + 6] == "_" {
                text.append(contentsOf: "_x005F".unicodeScalars)
            }
            text.append(scalar)
        }
        return String(text)
    }

    /// `text` escaped for an element's content or a quoted attribute: `& < > "`, and a
    /// carriage return as a character reference, since an XML reader turns a bare one into a
    /// line feed. Characters XML 1.0 cannot carry at all are dropped. (The only attribute
    /// written from data is the sheet's name, which has no tab or line feed left to escape.)
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, and U+0020 on, without U+FFFE and
    /// U+FFFF (surrogates cannot be a `Unicode.Scalar`).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A name Excel accepts for a tab: no control characters, `[]:*?/\` written as `-`, no
    /// apostrophe or space at either end, at most 31 characters (UTF-16 units, cut between
    /// characters so a Thai vowel stays with its consonant), not empty and not `History`
    /// (which Excel keeps for itself): such a name becomes `Sheet1`.
    static func sheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let trimmable = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "'"))
        var cleaned = String(name.unicodeScalars.filter {
            isXMLCharacter($0) && $0.properties.generalCategory != .control
        })
        cleaned = String(cleaned.map { forbidden.contains($0) ? "-" : $0 })
            .trimmingCharacters(in: trimmable)
        var cut = ""
        for character in cleaned {
            guard cut.utf16.count + character.utf16.count <= 31 else { break }
            cut.append(character)
        }
        cut = cut.trimmingCharacters(in: trimmable)
        if cut.isEmpty || cut.caseInsensitiveCompare("History") == .orderedSame { return "Sheet1" }
        return cut
    }
}
