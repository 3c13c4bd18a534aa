import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the list to standard output as CSV or JSON.")

        enum Format: String, ExpressibleByArgument { case csv, json }

        @Option(help: "csv or json.")
        var format: Format = .csv

        @Option(help: "Only this status.")
        var status: Subscriber.Status?

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscribers = try file.store.read().subscribers.filter { status == nil || $0.status == status }
            print(format == .csv ? SubscriberExport.csv(subscribers) : SubscriberExport.json(subscribers), terminator: "")
        }
    }
}
