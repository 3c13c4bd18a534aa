import ArgumentParser
import Foundation
import GazetteKit

/// Where the subscriber file is and which variable holds the unsubscribe secret: `--file`, else
/// `$GAZETTE_SUBSCRIBERS`, else the config's `subscribers:` (the config from `--config`,
/// `$GAZETTE_CONFIG` or `./gazette.yml`), else `./subscribers.json`.
struct SubscriberFileOptions: ParsableArguments {
    @Option(name: .customLong("file"), help: "The subscriber file (default: $GAZETTE_SUBSCRIBERS, else the config's subscribers:, else ./subscribers.json).")
    var path: String?

    @Option(help: "The config whose subscribers: and secrets: to use (default: $GAZETTE_CONFIG, else ./gazette.yml when present).")
    var config: String?

    @Option(help: "Environment variable holding the unsubscribe-token secret (default: the config's, else GAZETTE_UNSUBSCRIBE_SECRET).")
    var secretEnv: String?

    /// The config found, if any; a config that does not load stops the command (exit 2).
    func loadConfig() throws -> Config? {
        guard let located = ConfigLocator.locate(explicit: config, samples: false) else { return nil }
        do {
            return try ConfigReader.load(path: located)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }

    var store: SubscriberStore {
        get throws {
            if let path { return SubscriberStore(url: URL(fileURLWithPath: path)) }
            if let variable = ProcessInfo.processInfo.environment["GAZETTE_SUBSCRIBERS"], !variable.isEmpty {
                return SubscriberStore(url: URL(fileURLWithPath: variable))
            }
            return SubscriberStore(url: URL(fileURLWithPath: try loadConfig()?.subscribersFile ?? "subscribers.json"))
        }
    }

    func tokens() throws -> UnsubscribeToken {
        let variable = try secretEnv ?? loadConfig()?.unsubscribeSecretEnv ?? "GAZETTE_UNSUBSCRIBE_SECRET"
        return try UnsubscribeToken(environmentVariable: variable)
    }
}

extension Subscriber.Status: ExpressibleByArgument {}
extension Subscriber.Format: ExpressibleByArgument {}
