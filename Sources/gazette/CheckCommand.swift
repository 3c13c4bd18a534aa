import ArgumentParser
import GazetteKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config, the templates and the subscribers file; list every problem with its location."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        guard let path = configOption.path else {
            throw ValidationError("no config found: pass --config FILE, set GAZETTE_CONFIG, or create one with gazette init DIR")
        }
        let (problems, warnings) = ConfigCheck.run(configPath: path)
        for warning in warnings { Diagnostics.note("warning: \(warning)") }
        guard problems.isEmpty else {
            for problem in problems { Diagnostics.error(problem) }
            throw ExitCode(2)
        }
        print("\(path): config, templates and subscribers file are fine")
    }
}
