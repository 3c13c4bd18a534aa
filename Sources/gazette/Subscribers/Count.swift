import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count subscribers, in all or by status.")

        @Option(help: "Only this status.")
        var status: Subscriber.Status?

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscribers = try file.store.read().subscribers
            if let status {
                print(subscribers.filter { $0.status == status }.count)
                return
            }
            print("total \(subscribers.count)")
            for status in Subscriber.Status.allCases {
                print("\(status.rawValue) \(subscribers.filter { $0.status == status }.count)")
            }
        }
    }
}
