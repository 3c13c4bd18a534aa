import ArgumentParser
import Foundation
import GazetteKit

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Build today's digest as run would and write digest.html, digest.txt and digest.eml; sends nothing, changes no state."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: .hidden)
    var now: ClockOverride?

    @Option(help: "Render for this subscriber (default: the first active one).")
    var subscriber: String?

    @Option(help: "Folder to write the files into.")
    var out: String = "preview"

    @Flag(help: "Open the HTML with the system's opener (xdg-open) when there is one.")
    var open = false

    func run() throws {
        let config = try configOption.load()
        let output: Preview.Output
        do {
            output = try Preview(config: config, subscriberEmail: subscriber, outputDirectory: out, now: now?.date ?? Date()).run()
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(error.exitCode)
        }
        for note in output.notes { Diagnostics.note("note: \(note)") }
        Diagnostics.note("\(output.digest.editionID): \(output.digest.itemCount) items in \(output.digest.sections.count) sections (config \(config.path))")
        if let html = output.html { print(html) }
        print(output.text)
        print(output.eml)
        if open, let html = output.html { SystemOpener.open(html) }
    }
}
