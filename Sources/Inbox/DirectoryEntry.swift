#if canImport(Glibc)
import Glibc
#endif

/// The name of an entry `readdir` returned, as bytes, read in place up to its NUL.
///
/// A `dirent` is only as long as its name needs: copying `entry.pointee.d_name` (a
/// 256-byte tuple) reads past the end of a short last entry in the directory buffer, which
/// AddressSanitizer reports as a heap-buffer-overflow.
func directoryEntryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    let name = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
    return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)).bindMemory(to: UInt8.self))
}
