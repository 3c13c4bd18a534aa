import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one subscriber's entry as JSON.")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscriber = try file.store.read().subscriber(withEmail: email)
            print(SubscriberExport.json([subscriber]), terminator: "")
        }
    }
}
