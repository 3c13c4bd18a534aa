import Foundation

/// Templates, secrets and the subscriber file, read before anything is fetched or recorded:
/// a broken one stops the run with nothing changed.
struct ReadInputs: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        context.templates = try EditionBuilder.templates(context.config)
        let secrets = Secrets(config: context.config, environment: context.environment)
        if let problem = secrets.problems.first { throw .secret(problem) }
        context.secrets = secrets
        do {
            context.subscribers = try SubscriberStore(url: URL(fileURLWithPath: context.config.subscribersFile)).read().subscribers
        } catch {
            throw .subscribers(error)
        }
    }
}
