import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a subscriber's unsubscribe token.")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscriber = try file.store.read().subscriber(withEmail: email)
            print(try file.tokens().token(for: subscriber.id))
        }
    }
}
