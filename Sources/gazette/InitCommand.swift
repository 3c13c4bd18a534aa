import ArgumentParser
import GazetteKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter config, an empty subscribers file and a copy of the templates into DIR."
    )

    @Argument(help: "The folder to set up (created when missing; existing files are never overwritten).")
    var directory: String

    func run() throws {
        do {
            for path in try StarterFiles.write(to: directory) { print(path) }
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
