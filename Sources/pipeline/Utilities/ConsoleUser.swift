import Foundation
import Office

extension OfficeUser {
    /// Whoever runs the CLI on this machine (`cli:$USER`): it owns the state, so it sees
    /// every bureau, and its changes are audited under that name.
    static var consoleUser: OfficeUser {
        console(name: ProcessInfo.processInfo.environment["USER"] ?? "root")
    }
}
