import ArgumentParser
import Foundation
import Inbox
import Ingest
import Office

/// `pipeline rejections`: the rejection log, whom to call and why.
struct RejectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejections",
        abstract: "List rejected forms: id, when, station, bureau, year, round, reporter, phone, rules, file, follow-up status and latest note.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    @Flag(exclusivity: .exclusive, help: "Only the rejections still followed up (open or contacted; the default), or all of them.")
    var which: Which = .open

    enum Which: String, EnumerableFlag { case open, all }

    @Option(help: "Only this follow-up status: open, contacted, resolved or all (overrides --open/--all).")
    var status: StatusChoice?

    enum StatusChoice: String, ExpressibleByArgument, CaseIterable { case open, contacted, resolved, all }

    @Option(help: "Only this bureau (บช.น., ภ.1 … ภ.9; Thai digits are fine).")
    var bureau: String?

    @Option(help: "Only this station, e.g. สภ.เมืองเชียงใหม่.")
    var station: String?

    @Option(help: "Only rejections for this rule, e.g. window.")
    var rule: String?

    @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
    var format: TableFormat = .table

    func run() throws {
        let desk = try openDesk(state)
        var rows = try desk.rejections(
            Ledger.RejectionFilter(status: nil, bureau: bureau.map(ThaiDigits.arabic), station: station, rule: rule),
            scope: .all)
        switch status {
        case .open?: rows = rows.filter { $0.status == .open }
        case .contacted?: rows = rows.filter { $0.status == .contacted }
        case .resolved?: rows = rows.filter { $0.status == .resolved }
        case .all?: break
        case nil: if which == .open { rows = rows.filter { $0.status != .resolved } }
        }
        switch format {
        case .json: printRaw(rows.map { OfficeReports.json($0) + "\n" }.joined())
        case .table: printRaw(OfficeReports.rejections(rows).aligned)
        case .csv: printRaw(OfficeReports.rejections(rows).csv)
        }
    }
}

/// `pipeline follow-up ID`: a step of a rejection's follow-up, from the machine.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: "Mark a rejection contacted (with a note), or resolved by hand (with a note); or list its steps.")

    @Argument(help: "The rejection's id (the first column of `pipeline rejections`).")
    var id: Int64

    @Option(help: "contacted or resolved; without it, the rejection's steps are listed.")
    var status: Step?

    enum Step: String, ExpressibleByArgument, CaseIterable { case contacted, resolved }

    @Option(help: "What was done: whom you reached, what was agreed (required with --status).")
    var note: String?

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    func run() throws {
        let desk = try openDesk(state)
        guard let status else {
            let events = try desk.events(of: id, scope: .all)
            for event in events {
                printRaw("\(OfficeReports.localTime(event.at))  \(event.status.rawValue)  \(event.actor)  \(event.note)\n")
            }
            return
        }
        let user = OfficeUser.consoleUser
        let rejection = try desk.follow(id, status: status == .contacted ? .contacted : .resolved, note: note ?? "", by: user)
        printRaw("\(rejection.id): \(rejection.status.rawValue) — \(rejection.station ?? "?") \(rejection.fileName)\n")
    }
}

/// Opens the ledger of an existing state folder, or fails with a message that says what to do.
/// With `create`, a state folder that does not exist yet is made (the roster and users may
/// come before the first form).
func openLedger(_ state: String, create: Bool = false) throws -> Ledger {
    let directory = StateDirectory(state)
    if create { try directory.create() }
    guard FileManager.default.fileExists(atPath: directory.ledger) || create else {
        throw NoLedger(path: directory.ledger)
    }
    return try Ledger(path: directory.ledger)
}

/// The office's desk over an existing state, judging roster rows by the built-in rule sets.
func openDesk(_ state: String, resources: ResourceOptions? = nil, create: Bool = false) throws -> OfficeDesk {
    let ledger = try openLedger(state, create: create)
    let checker = try (resources ?? ResourceOptions.parse([])).makeChecker()
    return OfficeDesk(ledger: ledger, ruleBook: checker.ruleBook)
}

/// The state folder given holds no ledger (never run, or the wrong folder).
struct NoLedger: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "ไม่พบสมุดบันทึกที่ \(path) กรุณาระบุโฟลเดอร์สถานะของ `pipeline run`/`watch` ด้วย --state "
            + "/ no ledger at \(path): give the state folder of `pipeline run`/`watch` with --state"
    }
}
