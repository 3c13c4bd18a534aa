import ArgumentParser
import Foundation
import GazetteKit

/// `gazette inbox (--maildir DIR | --mbox FILE | --imap URL | -)`: bounces, complaints and
/// unsubscribe requests applied to the list.
struct InboxProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Read bounces, complaints and mailto unsubscribes and apply them to the list (the default).",
        discussion: """
        Reads one message on standard input (-), as an MTA alias or mailbox_command delivers it, or every \
        message of a Maildir, an mbox file or an IMAP mailbox. Hard bounces make a subscriber bounced at \
        once, soft ones after inbox.soft_bounce_limit within inbox.soft_bounce_days; complaints and mailto \
        unsubscribes unsubscribe. Every action goes into bounces.jsonl in the state folder; a message \
        processed before changes nothing. Handled messages are marked seen (deleted with \
        --delete-processed); others are left alone. Exit 75 (EX_TEMPFAIL) when the state cannot be \
        written, so an MTA keeps the message and retries.
        """
    )

    @Option(help: "The config file (default: $GAZETTE_CONFIG, else ./gazette.yml).")
    var config: String?

    @Option(help: "A Maildir to read (new/ and unseen messages in cur/).")
    var maildir: String?

    @Option(help: "An mbox file to read (read only).")
    var mbox: String?

    @Option(help: "An IMAP mailbox URL, imaps://user@host/INBOX (default: the config's inbox.imap.url when no other source is given).")
    var imap: String?

    @Argument(help: "- to read one message from standard input.")
    var standardInput: String?

    @Flag(help: "Delete handled messages (Maildir, IMAP) instead of marking them seen.")
    var deleteProcessed = false

    @Option(help: "The address the message was delivered to (default: $ORIGINAL_RECIPIENT, set by Postfix).")
    var recipient: String?

    @Option(help: .hidden)
    var now: ClockOverride?

    func run() throws {
        guard let path = ConfigLocator.locate(explicit: config, samples: false) else {
            throw ValidationError("no config found: pass --config FILE, set GAZETTE_CONFIG, or run in the folder of gazette.yml")
        }
        let loaded: Config
        do { loaded = try ConfigReader.load(path: path) } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        var inbox = InboxRun(config: loaded, environment: environment, now: now?.date ?? Date())
        inbox.deleteHandled = deleteProcessed
        inbox.envelopeRecipient = recipient ?? environment["ORIGINAL_RECIPIENT"].flatMap { $0.isEmpty ? nil : $0 }
        let piped = standardInput != nil
        do {
            let mailbox = try mailbox(loaded, environment: environment)
            let summary = try inbox.run(mailbox)
            for line in summary.lines { print(line) }
            print("\(summary.messages) messages: \(summary.bounced) bounced, \(summary.unsubscribed) unsubscribed, "
                  + "\(summary.softCounted) soft bounces counted, \(summary.ignored) ignored, \(summary.notOurs) left alone, "
                  + "\(summary.alreadyProcessed) already processed" + (summary.unreadable > 0 ? ", \(summary.unreadable) unreadable" : ""))
            if summary.unreadable > 0 { throw ExitCode(1) }
        } catch let error as InboxError {
            Diagnostics.error(error.description)
            throw ExitCode(error.isTemporary ? 75 : (piped ? 75 : 2))
        }
    }

    private func mailbox(_ config: Config, environment: [String: String]) throws(InboxError) -> any Mailbox {
        let chosen = [maildir != nil, mbox != nil, imap != nil, standardInput != nil].filter { $0 }.count
        guard chosen <= 1 else { throw .usage("give one of --maildir, --mbox, --imap or -") }
        if let standardInput {
            guard standardInput == "-" else { throw .usage("\(standardInput): give - to read standard input, or --maildir, --mbox or --imap") }
            let bytes = FileHandle.standardInput.readData(ofLength: config.inbox.maxMessageBytes)
            // Take the rest too: an MTA whose pipe closes early counts the delivery as failed and retries.
            while !FileHandle.standardInput.readData(ofLength: 1 << 16).isEmpty {}
            return PipedMessage(bytes: [UInt8](bytes))
        }
        if let maildir { return MaildirMailbox(path: maildir) }
        if let mbox {
            if deleteProcessed { throw .usage("\(mbox): --delete-processed works with a Maildir or IMAP, not an mbox file") }
            return try MboxMailbox(path: mbox)
        }
        guard let url = imap ?? config.inbox.imapURL else {
            throw .usage("nothing to read: give --maildir DIR, --mbox FILE, --imap URL or - (or set inbox.imap.url)")
        }
        let password = environment[config.inbox.imapPasswordEnv]
        return try IMAPMailbox(url: url, password: password, caFile: config.inbox.caFile, verifyCertificate: config.inbox.verifyCertificate)
    }
}
