import Foundation
import Logging

/// A swift-log handler that writes one line per message to the console:
/// `2021-04-20T10:05:00Z info accepted a.txt stored=accepted/a.txt station=…`.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(Date.ISO8601FormatStyle())
        Console.shared.log("\(time) \(event.level) \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }

    /// Installs the handler once for the process.
    static func bootstrap(level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            var handler = ConsoleLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
