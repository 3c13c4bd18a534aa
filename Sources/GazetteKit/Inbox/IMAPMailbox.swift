import CCurl
import Foundation

/// An IMAP mailbox through libcurl (`imap://` or `imaps://user@host/INBOX`): the unseen messages,
/// fetched by UID over one connection. Fetching marks a message seen; a handled one keeps the flag
/// (or gets `\Deleted`, expunged at the end), one Gazette leaves alone gets its unseen flag back.
public final class IMAPMailbox: Mailbox {
    public let url: String
    public var name: String { Self.redacted(url) }
    private let curl: CurlEasy
    private var body: [UInt8] = []
    private var limit = Int.max

    /// - Parameters:
    ///   - url: the mailbox URL; without a mailbox, `INBOX`.
    ///   - password: the account's password (from the environment variable the config names).
    public init(url: String, password: String?, caFile: String? = nil, verifyCertificate: Bool = true) throws(InboxError) {
        guard url.hasPrefix("imap://") || url.hasPrefix("imaps://") else {
            throw .usage("\(url): an IMAP mailbox URL starts with imap:// or imaps:// (imaps://user@host/INBOX)")
        }
        let afterScheme = url[url.range(of: "://")!.upperBound...]
        self.url = afterScheme.contains("/") && !afterScheme.hasSuffix("/") ? url : (url.hasSuffix("/") ? url : url + "/") + "INBOX"
        guard let curl = CurlEasy() else { throw .mailbox(url, reason: "libcurl could not make a handle") }
        self.curl = curl
        if let password { curl.set(CURLOPT_PASSWORD, password) }
        if let caFile { curl.set(CURLOPT_CAINFO, caFile) }
        if !verifyCertificate {
            curl.set(CURLOPT_SSL_VERIFYPEER, 0)
            curl.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        curl.set(CURLOPT_CONNECTTIMEOUT, 30)
        curl.set(CURLOPT_TIMEOUT, 300)
        let me = Unmanaged.passUnretained(self).toOpaque()
        curl.set(CURLOPT_WRITEDATA, pointer: me)
        ccurl_setopt_write(curl.raw) { data, size, count, user in
            let mailbox = Unmanaged<IMAPMailbox>.fromOpaque(user!).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            let room = max(0, mailbox.limit - mailbox.body.count)
            mailbox.body.append(contentsOf: bytes.prefix(room))
            return size * count
        }
    }

    public func items() throws(InboxError) -> [MailboxItem] {
        let reply = String(decoding: try perform(url, command: "UID SEARCH UNSEEN"), as: UTF8.self)
        var uids: [Int] = []
        for line in reply.split(whereSeparator: \.isNewline) where line.hasPrefix("* SEARCH") {
            uids += line.dropFirst(8).split(separator: " ").compactMap { Int($0) }
        }
        return uids.sorted().map { MailboxItem(key: String($0), label: "UID \($0)") }
    }

    public func read(_ item: MailboxItem, limit: Int) throws(InboxError) -> [UInt8] {
        try perform(url + "/;UID=" + item.key, command: nil, limit: limit)
    }

    public func markHandled(_ item: MailboxItem, delete: Bool) throws(InboxError) {
        _ = try perform(url, command: "UID STORE \(item.key) +FLAGS (\(delete ? "\\Deleted" : "\\Seen"))")
    }

    public func leave(_ item: MailboxItem) throws(InboxError) {
        _ = try perform(url, command: "UID STORE \(item.key) -FLAGS (\\Seen)")
    }

    public func close(deleted: Bool) throws(InboxError) {
        if deleted { _ = try perform(url, command: "EXPUNGE") }
    }

    private func perform(_ target: String, command: String?, limit: Int = 1 << 20) throws(InboxError) -> [UInt8] {
        body.removeAll(keepingCapacity: true)
        self.limit = limit
        curl.clearError()
        curl.set(CURLOPT_URL, target)
        if let command { curl.set(CURLOPT_CUSTOMREQUEST, command) } else { curl.set(CURLOPT_CUSTOMREQUEST, pointer: nil) }
        let code = curl_easy_perform(curl.raw)
        guard code == CURLE_OK else {
            let hint = code == CURLE_LOGIN_DENIED ? " (check the user in the URL and the password variable, inbox.imap.password_env)" : ""
            throw .mailbox(Self.redacted(url), reason: curl.errorMessage(for: code) + hint)
        }
        return body
    }

    /// The URL without a password someone may have put in it.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

@available(*, unavailable)
extension IMAPMailbox: Sendable {}
