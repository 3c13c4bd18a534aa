import Foundation

/// Finds the config file: `--config`, else `$GAZETTE_CONFIG`, else `./gazette.yml`, else the
/// bundled `Samples/gazette.yml` (in the current folder or beside the checkout the binary was built in).
public enum ConfigLocator {
    /// - Parameter samples: fall back to the bundled sample config (`run`, `preview`); commands
    ///   that change files (`subscribers`) pass false, so they never edit the samples by accident.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "", samples: Bool = true) -> String? {
        if let explicit { return explicit }
        if let variable = environment["GAZETTE_CONFIG"], !variable.isEmpty { return variable }
        let manager = FileManager.default
        if manager.fileExists(atPath: "gazette.yml") { return "gazette.yml" }
        guard samples else { return nil }
        if manager.fileExists(atPath: "Samples/gazette.yml") { return "Samples/gazette.yml" }
        // .build/<config>/gazette → the checkout's Samples/.
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("Samples/gazette.yml").path
            if manager.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
