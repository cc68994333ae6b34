import Testing
@testable import Office

@Suite("office tables: CSV for Excel, phones")
struct OfficeTableTests {
    @Test("CSV: BOM, CRLF, Thai header with the key beside, quoting")
    func csvShape() {
        let table = OfficeTable(columns: [Column("station", thai: "สถานี"), Column("note", thai: "บันทึก")],
                                rows: [["สภ.หางดง", "โทรแล้ว, รอส่งใหม่"]])
        #expect(table.csv == "\u{FEFF}สถานี / station,บันทึก / note\r\n\"สภ.หางดง\",\"โทรแล้ว, รอส่งใหม่\"\r\n"
            .replacingOccurrences(of: "\"สภ.หางดง\"", with: "สภ.หางดง"))
    }

    @Test("a cell that would start a formula is written as text", arguments: ["=1+1", "+66", "-2", "@SUM(A1)", "\t=1"])
    func formulaCells(cell: String) {
        let field = OfficeTable.csvField(cell)
        #expect(field.hasPrefix("'") || field.hasPrefix("\"'"))
    }

    @Test("plain cells are left as they are", arguments: ["สภ.หางดง", "081-234-5678", "12", ""])
    func plainCells(cell: String) {
        #expect(OfficeTable.csvField(cell) == cell)
    }

    @Test("phones keep their leading zero", arguments: [
        ("0812345678", "081-234-5678"), ("021234567", "02-123-4567"), ("053123456", "053-123-456"),
        ("12345", "12345"), ("", ""),
    ])
    func phones(digits: String, shown: String) {
        #expect(PhoneDisplay.format(digits) == shown)
    }
}
