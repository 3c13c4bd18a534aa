import ArgumentParser
import GazetteKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show from the delivery journal who got an edition and who did not; --sources: how each source is doing."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: "The edition id (default: the latest one run).")
    var edition: String?

    @Flag(help: "Each source's last success, failures in a row, what it returned last time and its recent items; sources with no new item for 30 days are flagged.")
    var sources = false

    func run() throws {
        let config = try configOption.load()
        do {
            if sources {
                for line in try SourceStatusReport.load(config: config).lines { print(line) }
                return
            }
            for line in try StatusReport.load(config: config, edition: edition).lines { print(line) }
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
