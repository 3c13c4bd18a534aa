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
        var wanted = min(file.size < 0 ? limit : file.size, limit) + 1  // one more byte tells whether there is more
        while wanted > 0 {
            let piece = file.read(count: min(wanted, 1 << 20), at: bytes.count)
            if piece.isEmpty { break }
            bytes += piece
            wanted -= piece.count
        }
        let truncated = bytes.count > limit
        if truncated { bytes.removeLast(bytes.count - limit) }
        return (bytes, truncated)
    }
}
