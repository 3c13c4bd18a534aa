import Foundation

/// Reads a message file for the inbox commands, capped in size: a bounce or a mailbox message
/// larger than the cap is read in part (the notice comes first; attachments are what is cut).
public enum InboxFile {
    /// The default cap: 10 MiB.
    public static let defaultLimit = 10 << 20

    /// The first `limit` bytes of the file, and whether there was more.
    public static func read(_ path: String, limit: Int = defaultLimit) throws(PosixError) -> (bytes: [UInt8], truncated: Bool) {
        let file = try PosixFile(path: path, flags: O_RDONLY)
        var bytes: [UInt8] = []
        // The size only sizes the first read (it may be 0 or stale); reading goes on to the end
        // or to one byte past the cap, which tells whether there is more.
        var piece = min(max(file.size, 0), limit) + 1
        while bytes.count <= limit {
            let wanted = min(piece, limit + 1 - bytes.count)
            let read = try file.read(upTo: wanted, at: bytes.count)
            bytes += read
            if read.count < wanted { break }  // the end of the file
            piece = 1 << 20
        }
        let truncated = bytes.count > limit
        if truncated { bytes.removeLast(bytes.count - limit) }
        return (bytes, truncated)
    }
}
