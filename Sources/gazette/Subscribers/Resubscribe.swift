import ArgumentParser
import Foundation
import GazetteKit

extension SubscribersCommand {
    struct Resubscribe: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an unsubscribed, bounced or pending address active again.")

        @Argument var email: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let address = try EmailAddress.normalize(email)
            try file.store.modify { (list) throws(SubscriberError) in
                guard let index = list.index(of: address) else { throw .notFound(address) }
                if list.subscribers[index].status != .active {
                    list.subscribers[index].status = .active
                    list.subscribers[index].updated = Date()
                }
            }
            print("resubscribed \(address)")
        }
    }
}
