import Foundation

/// An mbox file, read only: messages start at `From ` lines (at the start of the file or after
/// an empty line), and `>From ` quoting (mboxrd) is undone. Handled messages are not marked,
/// and `--delete-processed` is refused: rewriting an mbox races the MTA appending to it. Messages
/// already processed are recognised by their keys in the bounce log, so reading again is safe.
public struct MboxMailbox: Mailbox {
    public let path: String
    public var name: String { path }
    private let bytes: [UInt8]
    private let starts: [Int]

    public init(path: String) throws(InboxError) {
        self.path = path
        guard let bytes = AtomicFile.readBytes(path) else { throw .mailbox(path, reason: "cannot be read") }
        self.bytes = bytes
        var starts: [Int] = []
        var lineStart = 0, previousEmpty = true
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<end]
            if previousEmpty, line.starts(with: Array("From ".utf8)) { starts.append(lineStart) }
            previousEmpty = line.isEmpty || line == [0x0D]
            lineStart = end + 1
        }
        if starts.isEmpty, !bytes.isEmpty { starts = [0] }  // one message without a separator
        self.starts = starts
    }

    public func items() throws(InboxError) -> [MailboxItem] {
        starts.indices.map { MailboxItem(key: String($0), label: "message \($0 + 1)") }
    }

    public func read(_ item: MailboxItem, limit: Int) throws(InboxError) -> [UInt8] {
        guard let index = Int(item.key), starts.indices.contains(index) else { throw .mailbox(path, reason: "no \(item.label)") }
        var start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
        if bytes[start..<end].starts(with: Array("From ".utf8)) {
            start = (bytes[start..<end].firstIndex(of: 0x0A) ?? end - 1) + 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, end - start))
        var lineStart = start
        while lineStart < end, out.count < limit {
            let lineEnd = min(end, (bytes[lineStart..<end].firstIndex(of: 0x0A) ?? end - 1) + 1)
            var line = bytes[lineStart..<lineEnd]
            // mboxrd: ">From " and ">>From " lose one ">".
            if line.first == 0x3E, line.drop(while: { $0 == 0x3E }).starts(with: Array("From ".utf8)) { line = line.dropFirst() }
            out += line
            lineStart = lineEnd
        }
        return Array(out.prefix(limit))
    }

    public func markHandled(_ item: MailboxItem, delete: Bool) throws(InboxError) {
        if delete { throw .usage("\(path): --delete-processed works with a Maildir or IMAP, not an mbox file") }
    }
}
