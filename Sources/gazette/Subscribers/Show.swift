import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one subscriber's entry as JSON.")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let address = try EmailAddress.normalize(email)
            let list = try file.store.read()
            guard let index = list.index(of: address) else { throw SubscriberError.notFound(address) }
            print(SubscriberExport.json([list.subscribers[index]]), terminator: "")
        }
    }
}
