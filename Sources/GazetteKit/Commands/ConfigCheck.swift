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
        problems += Secrets(config: config, environment: environment).problems.map { "\(configPath): \($0)" }
        for source in config.sources where source.url.hasPrefix("file://") {
            let path = String(source.url.dropFirst(7))
            if !FileManager.default.fileExists(atPath: path) { problems.append("\(configPath): source \(source.url) does not exist") }
        }
        return problems
    }
}
