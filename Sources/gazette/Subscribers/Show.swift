import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one subscriber's entry as JSON, with their bounce history (from the state folder) under \"bounces\".")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscriber = try file.store.read().subscriber(withEmail: email)
            let events = try file.loadConfig().map { BounceHistory.events(for: subscriber.id, stateDirectory: $0.stateDirectory) } ?? []
            print(BounceHistory.json(subscriber, events: events), terminator: "")
        }
    }
}
