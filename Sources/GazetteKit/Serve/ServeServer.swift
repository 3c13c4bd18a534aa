import Foundation
import Hummingbird
import Logging
import NIOCore

/// `gazette serve`: the readers' side of the list on Hummingbird, meant to run behind a
/// TLS-terminating reverse proxy. Changes are acknowledged once they are in the change log;
/// a background task writes them into the subscriber file in batches. SIGTERM and SIGINT stop it
/// gracefully (requests in progress finish, pending changes are applied).
public struct ServeServer: Sendable {
    public let config: Config
    public let environment: [String: String]
    /// How often pending changes are written into the subscriber file, in seconds.
    public var applyEvery: Double = 2

    public init(config: Config, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.environment = environment
    }

    /// Why the server cannot start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs until a signal; `listening` is told the address once the socket is bound.
    public func run(logger: Logger, listening: @escaping @Sendable (String) -> Void) async throws {
        guard let address = ListenAddress(config.serve.listen) else {
            throw StartError(description: "serve.listen \"\(config.serve.listen)\" is not HOST:PORT")
        }
        let secrets = Secrets(config: config, environment: environment)
        guard let tokens = secrets.tokens else {
            throw StartError(description: "$\(config.unsubscribeSecretEnv) is not set: links and confirmations need the token secret")
        }
        let templates: TemplateSet
        do { templates = try TemplateSet(overrides: config.templateDirectory) } catch {
            throw StartError(description: "\(error)")
        }
        let backend = Config.backend(config, password: secrets.smtpPassword)
        let service = ServeService(config: config, tokens: tokens, templates: templates, backend: backend, logger: logger)
        let router = Router(context: ServeContext.self)
        ServeRoutes.register(on: router, service: service)
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "Gazette"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                listening("\(address.host.contains(":") ? "[\(address.host)]" : address.host):\(port)")
            },
            logger: logger
        )
        let applier = Task.detached { [applyEvery] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(applyEvery * 1_000_000_000))
                Self.apply(service.store, logger: logger)
            }
        }
        defer { applier.cancel() }
        try await app.runService()
        Self.apply(service.store, logger: logger)
    }

    private static func apply(_ store: SubscriberStore, logger: Logger) {
        do {
            let count = try store.applyPendingChanges()
            if count > 0 { logger.info("applied \(count) changes to the subscriber file") }
        } catch {
            logger.error("pending changes not applied yet: \(error.description)")
        }
    }
}
