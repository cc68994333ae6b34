import Foundation
import Ingest
import Validate

/// One thing wrong with a roster file, at its line (0: the file as a whole).
public struct RosterProblem: Sendable, Equatable {
    public var line: Int
    public var messageTH: String
    public var messageEN: String

    /// `บรรทัด ๓: … / line 3: …`.
    public var text: String {
        let thaiPlace = line > 0 ? "บรรทัด \(ThaiDigits.thai(line)): " : ""
        let englishPlace = line > 0 ? "line \(line): " : ""
        return "\(thaiPlace)\(messageTH)\n    \(englishPlace)\(messageEN)"
    }
}

/// A roster that was not imported: every problem found, each at its line; nothing changed.
public struct RosterImportError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var problems: [RosterProblem]

    /// The refusal for a user who is not an `admin`: nothing read, nothing changed.
    public static func adminOnly(file: String) -> RosterImportError {
        RosterImportError(file: file, problems: [RosterProblem(
            line: 0, messageTH: "เฉพาะผู้ดูแลระบบ (admin) นำเข้าบัญชีรายชื่อได้", messageEN: "only an administrator (admin) may import the roster")])
    }

    public var description: String {
        "ไม่นำเข้าบัญชีรายชื่อ \(file): พบ \(ThaiDigits.thai(problems.count)) ข้อ ไม่มีการเปลี่ยนแปลงใด "
            + "/ the roster \(file) was not imported: \(problems.count) problem(s); nothing was changed\n"
            + problems.map(\.text).joined(separator: "\n")
    }
}

/// Reads a roster file (docs/office.md#the-roster): CSV in UTF-8 (with or without a BOM) or
/// Windows-874, header `station,bureau,province` and optionally `phone`, in any order.
/// Every row is checked as a form's unit is (known bureau, province in its bureau, สน.
/// under บช.น., สภ. under ภ.1–9, aliases to canonical names); a station given twice, a bad
/// phone and a short row are problems too. Either every row is good, or nothing is taken.
public struct RosterImport: Sendable {
    let validator: Validator

    public init(validator: Validator) {
        self.validator = validator
    }

    static let required = ["station", "bureau", "province"]
    static let optional = ["phone"]

    public func read(_ data: Data, file: String) -> Result<[StationRoster.Entry], RosterImportError> {
        func failure(_ problems: [RosterProblem]) -> Result<[StationRoster.Entry], RosterImportError> {
            .failure(RosterImportError(file: file, problems: problems))
        }
        let text: String
        switch FormDecoder.decode(data) {
        case .unreadable(let problem):
            let finding = Finding(problem)
            return failure([RosterProblem(line: 0, messageTH: finding.messageTH, messageEN: finding.messageEN)])
        case .decoded(let decoded):
            text = decoded.text
        }
        let rows: [CSVRows.Row]
        do {
            rows = try CSVRows.parse(text)
        } catch {
            return failure([RosterProblem(line: error.line, messageTH: "เครื่องหมายคำพูด (\") ที่เปิดไว้ไม่ได้ปิด",
                                          messageEN: "a double quote opened here is never closed")])
        }
        guard let header = rows.first else {
            return failure([RosterProblem(line: 0, messageTH: "ไฟล์ว่าง", messageEN: "the file is empty")])
        }
        let keys = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [RosterProblem] = []
        let missing = RosterImport.required.filter { !keys.contains($0) }
        let unknown = keys.filter { !RosterImport.required.contains($0) && !RosterImport.optional.contains($0) }
        if !missing.isEmpty || !unknown.isEmpty || Set(keys).count != keys.count {
            problems.append(RosterProblem(
                line: header.line,
                messageTH: "หัวตารางต้องเป็น station,bureau,province (และ phone ถ้ามี) แต่พบ \(keys.joined(separator: ","))",
                messageEN: "the header must be station,bureau,province (and optionally phone), not \(keys.joined(separator: ","))"))
            return failure(problems)
        }
        func column(_ key: String) -> Int? { keys.firstIndex(of: key) }

        var entries: [StationRoster.Entry] = []
        var firstLine: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == keys.count else {
                problems.append(RosterProblem(
                    line: row.line,
                    messageTH: "มี \(ThaiDigits.thai(row.fields.count)) ช่อง แต่หัวตารางมี \(ThaiDigits.thai(keys.count)) ช่อง",
                    messageEN: "\(row.fields.count) fields, but the header has \(keys.count)"))
                continue
            }
            func value(_ key: String) -> String { column(key).map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            let unit = validator.checkUnit(station: value("station"), bureau: value("bureau"), province: value("province"),
                                           line: row.line)
            for finding in unit.findings where finding.severity == .error {
                problems.append(RosterProblem(line: row.line, messageTH: finding.messageTH, messageEN: finding.messageEN))
            }
            var phone: String?
            let phoneText = value("phone")
            if !phoneText.isEmpty {
                if let number = PhoneNumber(phoneText), number.isThaiNumber {
                    phone = number.digits
                } else {
                    problems.append(RosterProblem(
                        line: row.line, messageTH: "เบอร์โทรศัพท์ \"\(phoneText)\" ไม่ใช่เบอร์ในประเทศไทย (๙ หรือ ๑๐ หลัก ขึ้นต้นด้วย ๐)",
                        messageEN: "the phone \"\(phoneText)\" is not a Thai number (9 or 10 digits starting with 0)"))
                }
            }
            guard unit.isValid, let station = unit.station, let bureau = unit.bureau, let province = unit.province else { continue }
            if let first = firstLine[station] {
                problems.append(RosterProblem(
                    line: row.line, messageTH: "\(station) ซ้ำกับบรรทัด \(ThaiDigits.thai(first))",
                    messageEN: "\(station) is given already on line \(first)"))
                continue
            }
            firstLine[station] = row.line
            entries.append(StationRoster.Entry(station: station, bureau: bureau, province: province, phone: phone, line: row.line))
        }
        if problems.isEmpty && entries.isEmpty {
            problems.append(RosterProblem(line: 0, messageTH: "ไม่มีรายชื่อสถานีใต้หัวตาราง",
                                          messageEN: "no station rows under the header"))
        }
        return problems.isEmpty ? .success(entries) : failure(problems.sorted { $0.line < $1.line })
    }
}
