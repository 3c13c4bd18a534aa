import ArgumentParser
import Foundation
import GazetteKit
import Logging

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build today's edition and deliver it to every active subscriber (the cron job).",
        discussion: """
        Exit codes: 0 everyone got the edition (or nothing was new), 1 some sources or deliveries \
        failed or the relay is unavailable for now (see the summary and gazette status), 2 the config, \
        templates, subscribers file, relay settings or state needs fixing (also a full disk), 3 another \
        run holds the lock or the subscriber file's lock, 130/143 stopped by SIGINT/SIGTERM (the \
        messages in flight were finished and recorded; a second signal stops at once).
        """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: .hidden)
    var now: ClockOverride?

    @Flag(help: "Do everything except delivering and changing state.")
    var dryRun = false

    @Option(help: "Run this edition id instead of today's (<list id>/<yyyy-mm-dd>).")
    var edition: String?

    @Flag(help: "Send the edition again even if it was delivered.")
    var force = false

    @Option(help: "Send only to this address (repeatable).")
    var only: [String] = []

    @Flag(help: "Go on although seen.json is missing while earlier editions were sent (their stories may be sent again).")
    var resetSeen = false

    func run() throws {
        let config = try configOption.load()
        let terminal = Diagnostics.isTerminal
        var logger = Logger(label: "gazette.run") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = terminal ? .warning : .info
        let interruption = Interruption()
        let handlers = SignalTrap.install(interruption)
        defer { withExtendedLifetime(handlers) {} }
        let options = RunOptions(dryRun: dryRun, edition: edition, force: force, only: only, now: now?.date ?? Date(),
                                 resetSeen: resetSeen, interruption: interruption)
        let summary: RunSummary
        do {
            summary = try DailyRun(config: config, options: options).run(logger: logger) { line in
                if terminal { Diagnostics.note("· \(line)") } else { logger.info("\(line)") }
            }
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(error.exitCode)
        }
        for line in summary.lines { print(line) }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}
