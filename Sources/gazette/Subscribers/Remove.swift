import ArgumentParser
import Foundation
import GazetteKit

extension SubscribersCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unsubscribe an address (it stays as a suppression entry); --purge deletes it for an erasure request."
        )

        @Argument var email: String

        @Flag(help: "Delete the entry entirely (it can then be added again).")
        var purge = false

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let address = try EmailAddress.normalize(email)
            try file.store.modify { (list) throws(SubscriberError) in
                guard let index = list.index(of: address) else { throw .notFound(address) }
                if purge {
                    list.subscribers.remove(at: index)
                } else if list.subscribers[index].status != .unsubscribed {
                    list.subscribers[index].status = .unsubscribed
                    list.subscribers[index].updated = Date()
                }
            }
            print(purge ? "purged \(address)" : "unsubscribed \(address)")
        }
    }
}
