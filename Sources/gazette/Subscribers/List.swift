import ArgumentParser
import GazetteKit

extension SubscribersCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List subscribers.")

        @Option(help: "Only this status (active, pending, unsubscribed, bounced).")
        var status: Subscriber.Status?

        @Flag(help: "Print JSON in the subscriber-file shape.")
        var json = false

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            let subscribers = try file.store.read().subscribers.filter { status == nil || $0.status == status }
            if json {
                print(SubscriberExport.json(subscribers), terminator: "")
                return
            }
            for s in subscribers {
                let sections = s.sections.isEmpty ? "all" : s.sections.joined(separator: ",")
                print([s.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0),
                       s.format.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0),
                       s.email, s.name.flatMap(Subscriber.normalizedName).map { "(\($0))" } ?? "", "sections: \(sections)"].filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
    }
}
