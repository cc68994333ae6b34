/// What a user of the office pages may do (docs/office.md#users-and-roles).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The indicator owner: every bureau, read and follow up.
    case hq
    /// A receiving office: its own bureau only.
    case bureau
    /// As `hq`, and manages users and the roster.
    case admin
}

/// Someone signed in (or the CLI on the machine): the name kept beside every change, and
/// the bureaus the role reaches.
public struct OfficeUser: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// For `.bureau`: the one bureau (`บช.น.`, `ภ.1` … `ภ.9`).
    public var bureau: String?

    public init(name: String, role: Role, bureau: String? = nil) {
        self.name = name
        self.role = role
        self.bureau = bureau
    }

    /// The rows this user may see and change.
    public var scope: BureauScope {
        switch role {
        case .hq, .admin: return .all
        case .bureau: return .bureau(bureau ?? "")
        }
    }

    /// The CLI run on the machine: it owns the state, so it sees everything. Its changes
    /// are kept under the system user's name.
    public static func console(name: String) -> OfficeUser {
        OfficeUser(name: "cli:" + name, role: .admin)
    }
}
