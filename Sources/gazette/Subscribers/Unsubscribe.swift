import ArgumentParser
import Foundation
import GazetteKit

extension SubscribersCommand {
    struct Unsubscribe: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unsubscribe whoever an unsubscribe token belongs to.")

        @Option(help: "The token from an unsubscribe link.")
        var token: String

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            guard let id = try file.tokens().verify(token) else { throw SubscriberError.invalidToken }
            let email = try file.store.modify { (list) throws(SubscriberError) -> String in
                guard let index = list.subscribers.firstIndex(where: { $0.id == id }) else { throw .invalidToken }
                if list.subscribers[index].status != .unsubscribed {
                    list.subscribers[index].status = .unsubscribed
                    list.subscribers[index].updated = Date()
                }
                return list.subscribers[index].email
            }
            print("unsubscribed \(email)")
        }
    }
}
