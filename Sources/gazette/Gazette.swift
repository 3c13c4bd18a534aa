import ArgumentParser
import GazetteKit

@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Builds a newsletter digest from feeds and article pages and mails it to subscribers.",
        version: GazetteVersion.string,
        subcommands: [RunCommand.self, PreviewCommand.self, StatusCommand.self, CheckCommand.self, InitCommand.self,
                      SubscribersCommand.self, ServeCommand.self, InboxCommand.self, ExplainCommand.self, ClusterCommand.self, FetchCommand.self, FeedCommand.self, ExtractCommand.self]
    )
}
