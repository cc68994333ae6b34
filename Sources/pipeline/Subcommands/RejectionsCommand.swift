import ArgumentParser
import Foundation
import Inbox
import Ingest
import Office

/// `pipeline rejections`: the rejection log, for following rejected forms up.
struct RejectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejections",
        abstract: "List rejected forms: when, station, bureau, contact phone, rules, file, status.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    @Flag(exclusivity: .exclusive, help: "Only the rejections still open (the default), or all of them.")
    var which: Which = .open

    enum Which: String, EnumerableFlag { case open, all }

    @Option(help: "Only this bureau (บช.น., ภ.1 … ภ.9; Thai digits are fine).")
    var bureau: String?

    @Option(help: "Only this station, e.g. สภ.เมืองเชียงใหม่.")
    var station: String?

    @Option(help: "Only rejections for this rule, e.g. window.")
    var rule: String?

    @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
    var format: TableFormat = .table

    func run() throws {
        let ledger = try openLedger(state)
        let filter = Ledger.RejectionFilter(
            status: which == .open ? .open : nil, bureau: bureau.map(ThaiDigits.arabic),
            station: station, rule: rule)
        let rejections = try ledger.rejections(filter)
        switch format {
        case .json:
            printRaw(rejections.map(RejectionsCommand.json).map { $0 + "\n" }.joined())
        case .table, .csv:
            let table = OfficeTable(
                columns: [Column("received", thai: "รับเมื่อ (เวลาไทย)"), Column("station", thai: "สถานี"),
                          Column("bureau", thai: "กองบัญชาการ"), Column("phone", thai: "โทรศัพท์"),
                          Column("rules", thai: "กฎที่ไม่ผ่าน"), Column("file", thai: "ไฟล์"), Column("status", thai: "สถานะ")],
                rows: rejections.map { rejection in
                    [RejectionsCommand.localTime(rejection.receivedAt), rejection.station ?? "?", rejection.bureau ?? "?",
                     PhoneDisplay.format(rejection.phone), rejection.rules.joined(separator: ","), "rejected/" + rejection.storedName,
                     rejection.status.rawValue]
                })
            printRaw(format == .csv ? table.csv : table.aligned)
        }
    }

    /// `2021-04-20 10:05` in Thailand time (UTC+7), what a clerk's clock shows.
    static func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    static func json(_ rejection: Rejection) -> String {
        func string(_ text: String?) -> Any { text ?? NSNull() }
        let object: [String: Any] = [
            "received_at": rejection.receivedAt.formatted(Date.ISO8601FormatStyle()),
            "station": string(rejection.station), "bureau": string(rejection.bureau),
            "fiscal_year": rejection.fiscalYear ?? NSNull(), "round": rejection.round ?? NSNull(),
            "phone": string(rejection.phone), "rules": rejection.rules,
            "file": rejection.fileName, "stored": "rejected/" + rejection.storedName,
            "notice": "rejected/" + Notice.fileName(for: rejection.storedName),
            "status": rejection.status.rawValue,
            "resolved_at": string(rejection.resolvedAt.map { $0.formatted(Date.ISO8601FormatStyle()) }),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Opens the ledger of an existing state folder, or fails with a message that says what to do.
func openLedger(_ state: String) throws -> Ledger {
    let directory = StateDirectory(state)
    guard FileManager.default.fileExists(atPath: directory.ledger) else {
        throw NoLedger(path: directory.ledger)
    }
    return try Ledger(path: directory.ledger)
}

/// The state folder given holds no ledger (never run, or the wrong folder).
struct NoLedger: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "ไม่พบสมุดบันทึกที่ \(path) กรุณาระบุโฟลเดอร์สถานะของ `pipeline run`/`watch` ด้วย --state "
            + "/ no ledger at \(path): give the state folder of `pipeline run`/`watch` with --state"
    }
}
