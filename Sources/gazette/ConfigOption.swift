import ArgumentParser
import Foundation
import GazetteKit

/// `--config FILE`, found and loaded; a bad config prints every problem and exits with 2.
struct ConfigOption: ParsableArguments {
    @Option(help: "The config file (default: $GAZETTE_CONFIG, else ./gazette.yml, else the bundled Samples/gazette.yml).")
    var config: String?

    var path: String? { ConfigLocator.locate(explicit: config) }

    func load() throws -> Config {
        guard let path else {
            throw ValidationError("no config found: pass --config FILE, set GAZETTE_CONFIG, or create one with gazette init DIR")
        }
        do {
            return try ConfigReader.load(path: path)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
