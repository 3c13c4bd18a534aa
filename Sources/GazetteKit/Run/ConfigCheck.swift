import Foundation

/// `gazette check`: the config, the templates and the subscribers file, every problem listed.
public enum ConfigCheck {
    public static func problems(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let config: Config
        do {
            config = try ConfigReader.load(path: configPath)
        } catch {
            return error.problems.map(\.description)
        }
        var problems: [String] = []
        do {
            _ = try TemplateSet(overrides: config.templateDirectory)
        } catch {
            problems.append("\(error)")
        }
        if FileManager.default.fileExists(atPath: config.subscribersFile) {
            do {
                _ = try SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile)).read()
            } catch {
                problems.append(error.description)
            }
        } else {
            problems.append("\(config.subscribersFile): subscribers file does not exist (gazette subscribers add creates it)")
        }
        if RecipientFactory.needsSecret(config.links), (environment[config.unsubscribeSecretEnv] ?? "").isEmpty {
            problems.append("\(configPath): links use {token} but $\(config.unsubscribeSecretEnv) is not set")
        }
        if config.delivery.backend == .smtp, let variable = config.delivery.passwordEnv, environment[variable] == nil {
            problems.append("\(configPath): delivery.smtp.password_env names $\(variable), which is not set")
        }
        for source in config.sources where source.url.hasPrefix("file://") {
            let path = String(source.url.dropFirst(7))
            if !FileManager.default.fileExists(atPath: path) { problems.append("\(configPath): source \(source.url) does not exist") }
        }
        return problems
    }
}
