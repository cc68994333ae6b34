import Foundation

/// A new, empty folder under the system's temporary folder, removed with everything in it
/// when the last reference goes.
public final class TemporaryFolder: Sendable {
    public let url: URL
    /// `url.path`.
    public var path: String { url.path }

    /// Creates `<tmp>/<prefix>-<UUID>`.
    public init(prefix: String = "pipeline-tests") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` to `name` inside the folder (creating the folders on the way) and
    /// returns its URL.
    @discardableResult
    public func write(_ name: String, _ contents: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns its URL.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    /// Creates the folder `name` inside this one (and those on the way) and returns its URL.
    @discardableResult
    public func makeFolder(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
