import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a subscriber's unsubscribe token.")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let address = try EmailAddress.normalize(email)
            let list = try file.store.read()
            guard let index = list.index(of: address) else { throw SubscriberError.notFound(address) }
            print(try file.tokens().token(for: list.subscribers[index].id))
        }
    }
}
