import ArgumentParser
import Foundation
import Inbox
import Ingest
import Office

/// `pipeline roster`: the stations each bureau must hear from.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import the roster of stations (CSV: station,bureau,province[,phone]) or list it.",
        subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the roster with a CSV file (UTF-8 or Windows-874); any bad row: all listed, nothing changed.")

        @Argument(help: "The CSV file: header station,bureau,province and optionally phone.")
        var file: String

        @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
        var state: String = "state"

        @OptionGroup var resources: ResourceOptions

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("อ่านไฟล์ \(file) ไม่ได้ / cannot read \(file): \(error.localizedDescription)")
            }
            let desk = try openDesk(state, resources: resources, create: true)
            let user = OfficeUser.consoleUser
            do {
                let entries = try desk.importRoster(data, file: (file as NSString).lastPathComponent, by: user)
                let bureaus = Set(entries.map(\.bureau)).count
                printRaw("นำเข้าบัญชีรายชื่อ \(ThaiDigits.thai(entries.count)) สถานี \(ThaiDigits.thai(bureaus)) กองบัญชาการ "
                         + "/ imported \(entries.count) stations of \(bureaus) bureaus\n")
            } catch let error as RosterImportError {
                StandardError.print(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the roster, bureau by bureau.")

        @Option(help: "Only this bureau (บช.น., ภ.1 … ภ.9; Thai digits are fine).")
        var bureau: String?

        @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
        var format: TableFormat = .table

        @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
        var state: String = "state"

        func run() throws {
            let entries = try openDesk(state).roster(scope: .all, bureau: bureau.map(ThaiDigits.arabic))
            switch format {
            case .json: printRaw(entries.map { OfficeReports.json($0) + "\n" }.joined())
            case .table: printRaw(OfficeReports.roster(entries).aligned)
            case .csv: printRaw(OfficeReports.roster(entries).csv)
            }
        }
    }
}

/// `pipeline missing`: the roster stations with no accepted form for a round.
struct MissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "The roster stations with no current accepted record for a fiscal year and round, with their latest open rejection.")

    @Option(name: .customLong("fiscal-year"), help: "Buddhist Era, e.g. 2564 (Thai digits are fine).")
    var fiscalYear: String

    @Option(help: "6 or 12.")
    var round: String

    @Option(help: "Only this bureau (บช.น., ภ.1 … ภ.9; Thai digits are fine).")
    var bureau: String?

    @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
    var format: TableFormat = .table

    @Option(help: ArgumentHelp("Also write the list as an Excel workbook (text cells) to this file.", valueName: "file.xlsx"))
    var xlsx: String?

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    func run() throws {
        guard case .buddhistEra(let year) = FiscalYearText.parse(fiscalYear) else {
            throw ValidationError("ปีงบประมาณ \"\(fiscalYear)\" อ่านไม่ได้ ใช้ปี พ.ศ. เช่น 2564 / \"\(fiscalYear)\" is not a Buddhist-Era year such as 2564")
        }
        guard let round = RoundText.parse(self.round) else {
            throw ValidationError("รอบ \"\(self.round)\" อ่านไม่ได้ ใช้ 6 หรือ 12 / \"\(self.round)\" is not a round: use 6 or 12")
        }
        let desk = try openDesk(state)
        if try desk.roster(scope: .all).isEmpty {
            StandardError.print("ยังไม่มีบัญชีรายชื่อ นำเข้าด้วย `pipeline roster import FILE.csv` / no roster yet: import one with `pipeline roster import FILE.csv`")
            throw ExitCode(1)
        }
        let rows = try desk.missing(fiscalYear: year, round: round, bureau: bureau.map(ThaiDigits.arabic), scope: .all)
        if let xlsx { try writeWorkbook(OfficeReports.missing(rows), sheet: "missing-\(year)-\(round)", to: xlsx) }
        switch format {
        case .json: printRaw(rows.map { OfficeReports.json($0) + "\n" }.joined())
        case .table: printRaw(OfficeReports.missing(rows).aligned)
        case .csv: printRaw(OfficeReports.missing(rows).csv)
        }
    }
}
