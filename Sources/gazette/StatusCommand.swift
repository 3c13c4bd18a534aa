import ArgumentParser
import GazetteKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show from the delivery journal who got an edition and who did not."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: "The edition id (default: the latest one run).")
    var edition: String?

    func run() throws {
        let config = try configOption.load()
        do {
            for line in try StatusReport.load(config: config, edition: edition).lines { print(line) }
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
