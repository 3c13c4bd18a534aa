import ArgumentParser
import GazetteKit

@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Builds a newsletter digest from feeds and article pages and mails it to subscribers.",
        version: GazetteVersion.string,
        subcommands: [FetchCommand.self, FeedCommand.self, ExtractCommand.self, SubscribersCommand.self]
    )
}
