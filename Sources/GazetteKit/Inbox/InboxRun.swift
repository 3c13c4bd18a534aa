import Foundation

/// `gazette inbox`: reads a mailbox, decides what each message is, applies the bounce policy,
/// and marks what it handled. Messages are read and classified first, then the journals are read
/// once for the subscribers concerned, then each message is applied and marked in turn.
public struct InboxRun {
    public let config: Config
    public var now: Date
    /// Delete handled messages instead of marking them seen.
    public var deleteHandled = false
    /// The address the MTA delivered a piped message to (`$ORIGINAL_RECIPIENT`), if known.
    public var envelopeRecipient: String?
    let tokens: UnsubscribeToken?

    public init(config: Config, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) {
        self.config = config
        self.now = now
        tokens = Secrets(config: config, environment: environment).tokens
    }

    /// What happened, for the report and the exit code.
    public struct Summary: Sendable {
        /// One line per message: its label, then what was found and done.
        public var lines: [String] = []
        public var messages = 0
        public var handled = 0
        public var alreadyProcessed = 0
        public var bounced = 0
        public var unsubscribed = 0
        public var softCounted = 0
        public var ignored = 0
        public var notOurs = 0
        /// Messages that could not be read (a line each in `lines`).
        public var unreadable = 0
    }

    public func run(_ mailbox: any Mailbox, progress: (String) -> Void = { _ in }) throws(InboxError) -> Summary {
        try BounceLedger.withLock(stateDirectory: config.stateDirectory) { () throws(InboxError) -> Summary in
            try process(mailbox, progress: progress)
        }
    }

    private func process(_ mailbox: any Mailbox, progress: (String) -> Void) throws(InboxError) -> Summary {
        var ledger = try BounceLedger(config: config)
        let reader = InboxReader(returnPath: ReturnPath(config.sender.envelopeFrom ?? config.sender.address),
                                 unsubscribeMailto: config.links.unsubscribeMailto, tokens: tokens)
        var summary = Summary()
        var processed = ledger.processedKeys
        var read: [(item: MailboxItem, key: String, verdict: InboxVerdict?)] = []
        for item in try mailbox.items() {
            summary.messages += 1
            let bytes: [UInt8]
            do { bytes = try mailbox.read(item, limit: config.inbox.maxMessageBytes) } catch {
                summary.unreadable += 1
                summary.lines.append("\(item.label): cannot be read: \(error.description)")
                continue
            }
            let message = InboxMessage(bytes: bytes)
            let key = Self.key(of: message, bytes: bytes)
            if processed.contains(key) {
                read.append((item, key, nil))
                continue
            }
            processed.insert(key)  // the same message twice in one mailbox: once
            if bytes.count >= config.inbox.maxMessageBytes {
                summary.lines.append("\(item.label): larger than \(config.inbox.maxMessageBytes >> 10) KiB: read the first \(config.inbox.maxMessageBytes >> 10) KiB only")
            }
            if bytes.isEmpty { summary.lines.append("\(item.label): empty message") }
            read.append((item, key, reader.read(message, envelopeRecipient: envelopeRecipient)))
        }
        let notices = read.flatMap { entry -> [InboxNotice] in
            if case .notices(let list)? = entry.verdict { return list } else { return [] }
        }
        ledger.loadHistory(for: notices, now: now)

        var deleted = false
        for (item, key, verdict) in read {
            switch verdict {
            case nil:
                summary.alreadyProcessed += 1
                summary.lines.append("\(item.label): already processed (\(key)): nothing changed")
                try mailbox.markHandled(item, delete: deleteHandled)
                deleted = deleted || deleteHandled
            case .notOurs?:
                summary.notOurs += 1
                summary.lines.append("\(item.label): not a bounce, complaint or unsubscribe request: left alone")
                try mailbox.leave(item)
            case .ignored(let what)?:
                summary.ignored += 1
                summary.lines.append("\(item.label): \(what): ignored")
                try mailbox.markHandled(item, delete: deleteHandled)
                deleted = deleted || deleteHandled
            case .notices(let list)?:
                let (lines, recorded) = try ledger.apply(list, messageKey: key, source: "inbox", now: now)
                for line in lines { summary.lines.append("\(item.label): \(line)") }
                summary.bounced += recorded.filter { $0.action == .bounced }.count
                summary.unsubscribed += recorded.filter { $0.action == .unsubscribed }.count
                summary.softCounted += recorded.filter { $0.action == .counted }.count
                summary.handled += 1
                try mailbox.markHandled(item, delete: deleteHandled)
                deleted = deleted || deleteHandled
            }
            progress(summary.lines.last ?? "")
        }
        try mailbox.close(deleted: deleted)
        return summary
    }

    /// A message's identity for "already processed": its Message-ID, else a hash of its bytes.
    static func key(of message: InboxMessage, bytes: [UInt8]) -> String {
        if let id = message.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")), !id.isEmpty, id.count <= 500 {
            return id
        }
        return "sha:" + StableHash.hex(bytes: bytes)
    }
}
