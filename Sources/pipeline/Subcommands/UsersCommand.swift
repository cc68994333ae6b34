import ArgumentParser
import Foundation
import Inbox
import Office

/// `pipeline users`: the users of the office pages, managed on the machine that holds the
/// state (docs/web.md#users-and-logins-the-office). Passwords come on standard input, never
/// on the command line (where `ps` and the shell's history would keep them), and are never
/// printed. Every change is audited under the system user's name (`cli:NAME`).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list, re-password and remove the users of the office pages.",
        subcommands: [Add.self, List.self, Passwd.self, Remove.self])

    /// Who the audit says made a change: the CLI, as the system user running it.
    static var actor: String {
        OfficeUser.consoleUser.name
    }

    /// The first line of standard input, without its line end: the password.
    static func readPassword(_ given: Bool) throws -> String {
        guard given else { throw PasswordInput.notOnStdin }
        guard let line = readLine(strippingNewline: true) else { throw PasswordInput.empty }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is the first line of standard input.")

        @Argument(help: "1–64 of A–Z a–z 0–9 . _ - (kept in lower case).")
        var name: String

        @Option(help: "hq (every bureau), bureau (one bureau, with --bureau) or admin (as hq, and manages users).")
        var role: Role

        @Option(help: "For --role bureau: บช.น. or ภ.1 … ภ.9 (Thai digits are fine).")
        var bureau: String?

        @Flag(help: "Read the password from standard input (required: never on the command line).")
        var passwordStdin = false

        @Option(name: .long, help: "The state folder that `pipeline run`, `watch` or `serve` filled.")
        var state: String = "state"

        func run() throws {
            let store = UserStore(ledger: try openLedger(state, create: true))
            let password = try UsersCommand.readPassword(passwordStdin)
            let account = try store.add(name: name, role: role, bureau: bureau, password: password, by: UsersCommand.actor)
            let bureau = account.bureau.map { " \($0)" } ?? ""
            printRaw("เพิ่มผู้ใช้ \(account.name) (\(account.role.rawValue)\(bureau)) แล้ว / added user \(account.name) (\(account.role.rawValue)\(bureau))\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the users, removed ones too: name, role, bureau, created, removed.")

        @Option(name: .long, help: "The state folder that `pipeline run`, `watch` or `serve` filled.")
        var state: String = "state"

        @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
        var format: TableFormat = .table

        func run() throws {
            let accounts = try UserStore(ledger: try openLedger(state)).list()
            switch format {
            case .json:
                printRaw(accounts.map { List.json($0) + "\n" }.joined())
            case .table, .csv:
                let table = OfficeTable(
                    columns: [Column("name", thai: "ชื่อผู้ใช้"), Column("role", thai: "บทบาท"),
                              Column("bureau", thai: "กองบัญชาการ"), Column("created", thai: "สร้างเมื่อ (เวลาไทย)"),
                              Column("removed", thai: "ลบเมื่อ (เวลาไทย)")],
                    rows: accounts.map { account in
                        [account.name, account.role.rawValue, account.bureau ?? "", OfficeReports.localTime(account.createdAt),
                         account.removedAt.map(OfficeReports.localTime) ?? ""]
                    })
                printRaw(format == .csv ? table.csv : table.aligned)
            }
        }

        static func json(_ account: UserAccount) -> String {
            let object: [String: Any] = [
                "name": account.name, "role": account.role.rawValue, "bureau": account.bureau ?? NSNull(),
                "created_at": account.createdAt.formatted(Date.ISO8601FormatStyle()),
                "removed_at": account.removedAt.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? NSNull(),
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a user a new password (first line of standard input); its sessions end.")

        @Argument(help: "The user's name.")
        var name: String

        @Flag(help: "Read the password from standard input (required: never on the command line).")
        var passwordStdin = false

        @Option(name: .long, help: "The state folder that `pipeline run`, `watch` or `serve` filled.")
        var state: String = "state"

        func run() throws {
            let store = UserStore(ledger: try openLedger(state))
            let password = try UsersCommand.readPassword(passwordStdin)
            try store.setPassword(name: name, password: password, by: UsersCommand.actor)
            let shown = name.lowercased()
            printRaw("เปลี่ยนรหัสผ่านของ \(shown) แล้ว / the password of \(shown) is changed\n")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user: it can no longer log in and its sessions end; its row and audit stay.")

        @Argument(help: "The user's name.")
        var name: String

        @Option(name: .long, help: "The state folder that `pipeline run`, `watch` or `serve` filled.")
        var state: String = "state"

        func run() throws {
            try UserStore(ledger: try openLedger(state)).remove(name: name, by: UsersCommand.actor)
            let shown = name.lowercased()
            printRaw("ลบผู้ใช้ \(shown) แล้ว / removed user \(shown)\n")
        }
    }
}

extension Role: ExpressibleByArgument {}

/// The password was not given the one way it is taken.
enum PasswordInput: Error, CustomStringConvertible {
    case notOnStdin
    case empty

    var description: String {
        switch self {
        case .notOnStdin:
            "ต้องใส่ --password-stdin แล้วส่งรหัสผ่านทางอินพุตมาตรฐาน (ไม่รับรหัสผ่านในบรรทัดคำสั่ง) "
                + "/ give --password-stdin and the password on standard input (never on the command line)"
        case .empty:
            "ไม่ได้รับรหัสผ่านทางอินพุตมาตรฐาน / no password came on standard input"
        }
    }
}
