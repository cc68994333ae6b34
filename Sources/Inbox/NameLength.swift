import Foundation

/// The names the engine makes from a station's file name (`work/CLAIM--NAME`,
/// `NAME-2.txt`, `NAME.notice.txt`, and their `.partial` / `.writing` temporaries) must fit
/// the file system's limit of 255 bytes per name (`NAME_MAX`). Thai takes 3 bytes a
/// character in UTF-8, so an 80-character Thai name (240 bytes) is legal in the inbox but
/// would not fit once a claim or `.notice.txt` is added: such a name is shortened, keeping
/// its extension, at a character boundary. The ledger keeps the name as it was sent.
enum NameLength {
    /// Bytes in one file name on Linux file systems.
    static let nameMax = 255
    /// What `settle` may add to a stored name: `-NNNNNN` before the extension, then
    /// `.notice.txt.writing`.
    static let storedNameReserve = 7 + ".notice.txt.writing".utf8.count
    /// What a claim adds after `CLAIM--NAME`: the `.partial` of a cross-file-system copy.
    static let workNameReserve = ".partial".utf8.count

    /// `name` itself when its UTF-8 is at most `limit` bytes; otherwise its stem cut
    /// (whole characters only) so that stem + extension fit. An extension too long to keep
    /// is cut with the rest.
    static func fitting(_ name: String, withinBytes limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        let ext = (name as NSString).pathExtension
        let keepExtension = !ext.isEmpty && ext.utf8.count + 1 <= limit / 2
        let suffix = keepExtension ? "." + ext : ""
        var stem = keepExtension ? String(name.dropLast(ext.count + 1)) : name
        while !stem.isEmpty && stem.utf8.count + suffix.utf8.count > limit {
            stem.removeLast()
        }
        return stem + suffix
    }
}
