import ArgumentParser
import Foundation
import GazetteKit

extension SubscribersCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a subscriber (refuses duplicates and suppressed addresses).")

        @Argument(help: "The address, bare (no display name).")
        var email: String

        @Option(help: "The subscriber's name.")
        var name: String?

        @Option(help: "html (HTML with a text alternative, the default) or text.")
        var format: Subscriber.Format?

        @Option(name: .customLong("section"), help: "A section to receive; repeat for more (none = all).")
        var sections: [String] = []

        @Flag(help: "Bring back an address that unsubscribed or bounced.")
        var resubscribe = false

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let address = try EmailAddress.normalize(email)
            let name = self.name.flatMap(Subscriber.normalizedName)
            let sections = self.sections.compactMap(Subscriber.normalizedName)
            let added = try file.store.modify { (list) throws(SubscriberError) -> Subscriber in
                if let index = list.index(of: address) {
                    var existing = list.subscribers[index]
                    guard existing.status.isSuppressed else {
                        throw .duplicate(email: address, existing: existing.email, id: existing.id, status: existing.status)
                    }
                    guard resubscribe else { throw .suppressed(email: address, status: existing.status) }
                    existing.status = .active
                    existing.name = name ?? existing.name
                    existing.format = format ?? existing.format
                    existing.sections = sections.isEmpty ? existing.sections : sections
                    existing.updated = Date()
                    list.subscribers[index] = existing
                    return existing
                }
                let subscriber = Subscriber(email: address, name: name, format: format ?? .html, sections: sections)
                list.subscribers.append(subscriber)
                return subscriber
            }
            print("added \(added.email) (id \(added.id))")
        }
    }
}
