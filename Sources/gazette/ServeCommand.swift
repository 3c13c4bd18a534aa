import ArgumentParser
import Foundation
import GazetteKit
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer readers' links: subscribe (double opt-in), confirm, one-click unsubscribe, preferences, the archive.",
        discussion: """
        Meant to run behind a TLS-terminating reverse proxy (nginx, Caddy). Reads the same config, \
        subscriber file and state folder as run. Prints "listening on HOST:PORT" once ready; SIGTERM \
        or SIGINT stop it after the requests in progress, with every acknowledged change on disk.
        """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: "HOST:PORT to listen on (default: serve.listen, else 127.0.0.1:8080; port 0 picks a free one).")
    var listen: String?

    func run() async throws {
        var config = try configOption.load()
        if let listen {
            guard ListenAddress(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, such as 127.0.0.1:8080") }
            config.serve.listen = listen
        }
        var logger = Logger(label: "gazette.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        do {
            try await ServeServer(config: config).run(logger: logger) { address in
                FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
            }
        } catch let error as ServeServer.StartError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
