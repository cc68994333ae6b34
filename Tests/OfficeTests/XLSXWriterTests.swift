import Foundation
import Testing
import TestSupport
@testable import Office

/// A Python with openpyxl, the spreadsheet reader the tests open the workbooks with: the
/// system's `python3`, else the virtual environment that scripts/install-browser-test-deps
/// makes where the system's Python refuses pip.
enum OpenPyXL {
    static let python: [String]? = {
        let candidates = [["/usr/bin/env", "python3"],
                          [RepositoryPaths.root.appendingPathComponent(".build/browser-venv/bin/python").path]]
        return candidates.first { (try? run($0, ["-c", "import openpyxl"]).status) == 0 }
    }()
    static var available: Bool { python != nil }

    /// Runs `command` with `arguments`; its exit status, standard output and standard error.
    static func run(_ command: [String], _ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard output first: what the script writes to standard error (a traceback, a
        // warning) is far less than a pipe holds, so it cannot stall the script meanwhile.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data, String(decoding: errorData, as: UTF8.self))
    }

    /// One cell as openpyxl sees it.
    struct Cell: Decodable {
        /// The text, after Excel's own `_xHHHH_` unescaping; nil for a blank cell. A number or a
        /// date would not decode as a String, so it fails the test.
        var value: String?
        /// openpyxl's `data_type`: `s` a string, `f` a formula, `n` a number.
        var type: String
        var bold: Bool
        var format: String
    }

    /// The workbook as openpyxl reads it.
    struct Sheet: Decodable {
        var sheetNames: [String]
        var rows: [[Cell]]
        var paneState: String?
        var paneYSplit: Double?
        var frozenAt: String?
        var widths: [String: Double]
    }

    /// Reads the first sheet of `file`. openpyxl leaves Excel's `_xHHHH_` escapes (ECMA-376
    /// 22.9.2.19) as they are, while Excel decodes them; the script decodes them as Excel does,
    /// so the test sees what an officer would.
    static func read(_ file: URL) throws -> Sheet {
        let script = """
            import json, re, sys, openpyxl
            workbook = openpyxl.load_workbook(sys.argv[1])
            sheet = workbook.worksheets[0]
            def excel(value):
                if not isinstance(value, str):
                    return value
                return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)
            rows = [[{"value": excel(c.value), "type": c.data_type, "bold": bool(c.font.b),
                      "format": c.number_format} for c in row] for row in sheet.iter_rows()]
            pane = sheet.sheet_view.pane
            print(json.dumps({
                "sheetNames": workbook.sheetnames, "rows": rows,
                "paneState": pane.state if pane else None, "paneYSplit": pane.ySplit if pane else None,
                "frozenAt": sheet.freeze_panes,
                "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            }, ensure_ascii=False))
            """
        let python = try #require(python)
        let result = try run(python, ["-c", script, file.path])
        try #require(result.status == 0, "openpyxl could not read \(file.lastPathComponent): \(result.errors)")
        return try JSONDecoder().decode(Sheet.self, from: result.output)
    }
}

@Suite("office tables: xlsx for Excel")
struct XLSXWriterTests {
    static let columns = [Column("station", thai: "สถานี"), Column("phone", thai: "โทรศัพท์"),
                          Column("note", thai: "บันทึก")]

    /// Cells a spreadsheet would otherwise turn into numbers, formulas or broken XML.
    static let table = OfficeTable(columns: columns, rows: [
        ["สภ.หางดง", "0812345678", "ส่งใหม่แล้ว ๒๕๖๗"],
        ["สน.ลุมพินี", "081-234-5678", "=HYPERLINK(\"x\")"],
        ["007", "+1", "@x"],
        ["2567", "-2", "=1+2"],
        ["A & B", "<script>alert(1)</script>", "bell\u{07}here"],
        ["", "\"quoted\" 'single'", "line one\nline two\r\nthree"],
        ["_x0041_", "\ttab", "ไม่มี"],
    ])

    /// What each cell must read back as: as written, less the characters XML cannot carry.
    static func expected(_ cell: String) -> String? {
        let kept = cell.replacingOccurrences(of: "\u{07}", with: "")
        return kept.isEmpty ? nil : kept
    }

    @Test("openpyxl reads every cell back as the text written, none a number or a formula",
          .enabled(if: OpenPyXL.available, "skipped: python3 with openpyxl is not installed (scripts/install-browser-test-deps)"))
    func readBack() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("follow-up.xlsx", try Self.table.xlsx(sheetName: "ติดตาม"))
        let sheet = try OpenPyXL.read(file)

        #expect(sheet.sheetNames == ["ติดตาม"])
        try #require(sheet.rows.count == Self.table.rows.count + 1)
        #expect(sheet.rows[0].map(\.value) == Self.columns.map(\.heading))
        #expect(sheet.rows[0].allSatisfy { $0.bold && $0.type == "s" && $0.format == "@" })
        for (written, read) in zip(Self.table.rows, sheet.rows.dropFirst()) {
            try #require(read.count == written.count)
            for (cell, readCell) in zip(written, read) {
                #expect(readCell.value == Self.expected(cell), "cell \(cell.debugDescription)")
                #expect(readCell.type == (cell.isEmpty ? "n" : "s"), "cell \(cell.debugDescription)")
                #expect(readCell.format == "@" && !readCell.bold, "cell \(cell.debugDescription)")
            }
        }
        #expect(sheet.rows[1][1].value == "0812345678", "the leading zero is kept")
        #expect(sheet.rows[2][2].value == "=HYPERLINK(\"x\")" && sheet.rows[2][2].type == "s")
    }

    @Test("the header row is frozen and columns are as wide as their longest cell",
          .enabled(if: OpenPyXL.available, "skipped: python3 with openpyxl is not installed (scripts/install-browser-test-deps)"))
    func frozenHeaderAndWidths() throws {
        let folder = try TemporaryFolder()
        let table = OfficeTable(columns: [Column("id", thai: "รหัส"), Column("note", thai: "บันทึก")],
                                rows: [["1", String(repeating: "ก", count: 40)]])
        let sheet = try OpenPyXL.read(try folder.write("t.xlsx", try table.xlsx(sheetName: "t")))
        #expect(sheet.paneState == "frozen")
        #expect(sheet.paneYSplit == 1)
        #expect(sheet.frozenAt == "A2")
        #expect(sheet.widths["A"] == Double(OfficeTable.displayWidth("รหัส / id") + 2))
        #expect(sheet.widths["B"] == 42)
    }

    @Test("a sheet name Excel refuses is made acceptable", arguments: [
        ("ติดตาม", "ติดตาม"),
        ("รอบ 1/2567: [สรุป]*?", "รอบ 1-2567- -สรุป---"),
        ("a\\b", "a-b"),
        ("'quoted'", "quoted"),
        (String(repeating: "x", count: 40), String(repeating: "x", count: 31)),
        ("", "Sheet1"),
        ("  ", "Sheet1"),
        ("history", "Sheet1"),
        ("tab\u{01}bed", "tabbed"),
    ])
    func sheetNames(name: String, shown: String) {
        #expect(XLSXWorkbook.sheetName(name) == shown)
    }

    @Test("a sheet name is cut at 31 UTF-16 units between characters, so a Thai vowel stays")
    func longThaiSheetName() {
        let name = XLSXWorkbook.sheetName(String(repeating: "สรุป", count: 10))
        #expect(name.utf16.count <= 31)
        #expect(String(repeating: "สรุป", count: 10).hasPrefix(name))
        #expect(name.utf16.count == 31, "seven สรุป (4 units each), then ส and รุ fit; ป does not")
    }

    @Test("cell references", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnNames(index: Int, name: String) {
        #expect(XLSXWorkbook.columnName(index) == name)
    }

    @Test("XML escaping: markup, CR kept as a reference, characters XML cannot carry dropped", arguments: [
        ("a & b", "a &amp; b"), ("<script>", "&lt;script&gt;"), ("say \"hi\"", "say &quot;hi&quot;"),
        ("a\r\nb", "a&#13;\nb"), ("\u{00}\u{08}\u{0B}\u{0C}\u{0E}\u{1F}x", "x"), ("\u{FFFE}\u{FFFF}y", "y"),
        ("\ttab", "\ttab"), ("ไทย 😀", "ไทย 😀"),
    ])
    func escaping(text: String, escaped: String) {
        #expect(XLSXWorkbook.escaped(XLSXWorkbook.cellText(text)) == escaped)
    }

    @Test("text that looks like Excel's _xHHHH_ escape is guarded", arguments: [
        ("_x0041_", "_x005F_x0041_"), ("a_x00e9_b", "a_x005F_x00e9_b"), ("_x004_", "_x004_"), ("_xZZZZ_", "_xZZZZ_"),
    ])
    func excelEscapes(text: String, written: String) {
        #expect(XLSXWorkbook.cellText(text) == written)
    }

    @Test("the same table gives the same bytes; every entry carries the fixed time")
    func deterministic() throws {
        let first = try Self.table.xlsx(sheetName: "ติดตาม")
        let second = try Self.table.xlsx(sheetName: "ติดตาม")
        #expect(first == second)

        let entries = try #require(ZIPDirectory.entries(first))
        #expect(entries.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        for entry in entries {
            #expect(entry.date == 33 && entry.time == 0, "\(entry.path): MS-DOS 1980-01-01 00:00")
            #expect(entry.method == 8, "\(entry.path): deflated")
        }
    }

    @Test("every cell is an inline string in the text style; the header bold")
    func worksheetXML() throws {
        let xml = try XLSXWorkbook(table: Self.table, sheetName: "s").worksheet()
        #expect(xml.contains("<c r=\"A1\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">สถานี / station</t></is></c>"))
        #expect(xml.contains("<c r=\"B2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">0812345678</t></is></c>"))
        #expect(xml.contains("<c r=\"A7\" s=\"1\"/>"), "an empty cell is blank, in the text style")
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(!xml.contains("<f>") && !xml.contains("<v>"), "no formula, no value of another type")
        #expect(!xml.contains("'="), "no CSV apostrophe")
    }

    @Test("a cell longer than Excel holds is refused, not cut")
    func cellTooLong() {
        let table = OfficeTable(columns: [Column("note", thai: "บันทึก")],
                                rows: [[String(repeating: "x", count: 32_768)]])
        #expect(throws: XLSXError.cellTooLong(reference: "A2")) { try table.xlsx(sheetName: "s") }
    }
}

/// The central directory of a ZIP archive (APPNOTE.TXT 4.3.12), read straight from the bytes
/// so the test sees what is written, not what ZIPFoundation makes of it.
enum ZIPDirectory {
    struct Entry {
        var path: String
        /// MS-DOS date and time: `day + month * 32 + (year - 1980) * 512`, `seconds / 2 + minutes * 32 + hours * 2048`.
        var date: UInt16, time: UInt16
        /// 0 stored, 8 deflated.
        var method: UInt16
    }

    /// nil when `data` does not end in an end-of-central-directory record without a comment.
    static func entries(_ data: Data) -> [Entry]? {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let end = bytes.count - 22
        guard end >= 0, u32(end) == 0x0605_4B50 else { return nil }
        var offset = u32(end + 16)
        var entries: [Entry] = []
        for _ in 0..<u16(end + 10) {
            guard offset + 46 <= bytes.count, u32(offset) == 0x0201_4B50 else { return nil }
            let nameLength = u16(offset + 28)
            let name = String(decoding: bytes[offset + 46 ..< offset + 46 + nameLength], as: UTF8.self)
            entries.append(Entry(path: name, date: UInt16(u16(offset + 14)), time: UInt16(u16(offset + 12)),
                                 method: UInt16(u16(offset + 10))))
            offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
        }
        return entries
    }
}
