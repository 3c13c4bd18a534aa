import Foundation

/// A Maildir: the messages in `new/` and those in `cur/` not yet marked seen. A handled message
/// moves to `cur/` with the `S` (seen) flag, as a mail client would mark it; with `delete` it is
/// removed. Renames within the Maildir are atomic, so a killed run leaves every message whole.
public struct MaildirMailbox: Mailbox {
    public let path: String
    public var name: String { path }

    public init(path: String) {
        self.path = path
    }

    public func items() throws(InboxError) -> [MailboxItem] {
        var items: [MailboxItem] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("new"), isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .mailbox(path, reason: "not a Maildir (no new/ folder)")
        }
        for folder in ["new", "cur"] {
            let directory = (path as NSString).appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names where folder == "new" || !Self.flags(of: name).contains("S") {
                items.append(MailboxItem(key: folder + "/" + name, label: folder + "/" + name))
            }
        }
        return items
    }

    public func read(_ item: MailboxItem, limit: Int) throws(InboxError) -> [UInt8] {
        let file = (path as NSString).appendingPathComponent(item.key)
        do throws(PosixError) {
            return try InboxFile.read(file, limit: limit).bytes
        } catch {
            throw .mailbox(file, reason: error.reason)
        }
    }

    public func markHandled(_ item: MailboxItem, delete: Bool) throws(InboxError) {
        let from = (path as NSString).appendingPathComponent(item.key)
        if delete {
            PosixFile.remove(from)
            return
        }
        let name = (item.key as NSString).lastPathComponent
        let base = name.components(separatedBy: ":2,").first ?? name
        let flags = String(Set(Self.flags(of: name) + "S").sorted())
        let to = ((path as NSString).appendingPathComponent("cur") as NSString).appendingPathComponent(base + ":2," + flags)
        do throws(PosixError) { try PosixFile.rename(from, to: to) } catch {
            throw .mailbox(from, reason: "cannot be marked seen: \(error.reason)")
        }
    }

    /// The Maildir flags of a file name (`...:2,RS` → `RS`).
    static func flags(of name: String) -> String {
        guard let range = name.range(of: ":2,", options: .backwards) else { return "" }
        return String(name[range.upperBound...])
    }
}
