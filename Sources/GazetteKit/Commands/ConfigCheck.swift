import Foundation

/// `gazette check`: the config, the templates and the subscribers file, every problem listed.
public enum ConfigCheck {
    /// Things that work but that an operator should know: digests without a working unsubscribe
    /// link, a server URL that is not https.
    static func warnings(_ config: Config, configPath: String) -> [String] {
        var warnings: [String] = []
        let unsubscribe = config.links.unsubscribe.flatMap { WebLink.http(LinkTemplate.fill($0, token: "t")) }
        if unsubscribe == nil {
            warnings.append("\(configPath): digests go out with no unsubscribe link (set serve.base_url and run gazette serve, "
                            + "or links.unsubscribe): Gmail and Yahoo expect RFC 8058 one-click unsubscribe from bulk senders")
        } else if unsubscribe?.lowercased().hasPrefix("https://") == false {
            warnings.append("\(configPath): the unsubscribe link is not https, so digests carry no List-Unsubscribe-Post (one-click)")
        }
        if let base = config.serve.baseURL, !base.lowercased().hasPrefix("https://") {
            warnings.append("\(configPath): serve.base_url is not https: put gazette serve behind a TLS proxy")
        }
        return warnings
    }

    /// Every problem of the config, its templates and subscribers file, and the warnings (only
    /// when the config itself reads).
    public static func run(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (problems: [String], warnings: [String]) {
        let config: Config
        do {
            config = try ConfigReader.load(path: configPath)
        } catch {
            return (error.problems.map(\.description), [])
        }
        return (problems(config, configPath: configPath, environment: environment), warnings(config, configPath: configPath))
    }

    static func problems(_ config: Config, configPath: String, environment: [String: String]) -> [String] {
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
        problems += Secrets(config: config, environment: environment).problems.map { "\(configPath): \($0)" }
        for source in config.sources where source.url.hasPrefix("file://") {
            let path = String(source.url.dropFirst(7))
            if !FileManager.default.fileExists(atPath: path) { problems.append("\(configPath): source \(source.url) does not exist") }
        }
        return problems
    }
}
