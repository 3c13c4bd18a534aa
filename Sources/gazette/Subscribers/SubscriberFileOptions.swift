import ArgumentParser
import Foundation
import GazetteKit

/// Where the subscriber file is and which variable holds the unsubscribe secret.
struct SubscriberFileOptions: ParsableArguments {
    @Option(name: .customLong("file"), help: "The subscriber file (default: $GAZETTE_SUBSCRIBERS, else ./subscribers.json).")
    var path: String?

    @Option(help: "Environment variable holding the unsubscribe-token secret.")
    var secretEnv: String = "GAZETTE_UNSUBSCRIBE_SECRET"

    var store: SubscriberStore {
        let chosen = path ?? ProcessInfo.processInfo.environment["GAZETTE_SUBSCRIBERS"] ?? "subscribers.json"
        return SubscriberStore(url: URL(fileURLWithPath: chosen))
    }

    func tokens() throws -> UnsubscribeToken {
        try UnsubscribeToken(environmentVariable: secretEnv)
    }
}

extension Subscriber.Status: ExpressibleByArgument {}
extension Subscriber.Format: ExpressibleByArgument {}
