import ArgumentParser
import GazetteKit

/// `gazette explain URL|ID`: what happened to one story.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say what happened to one story: first seen when and where, sent in which edition to how many, or why not.",
        discussion: "Reads only the state folder (the selection kept for each edition built, and the delivery journals). "
            + "Give the story's link or its feed id (guid); words of a headline work too. Exit 1 when no edition had it."
    )

    @Argument(help: "The story's link, its feed id, or words of its headline.")
    var story: String

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        let config = try configOption.load()
        let explanation = StoryExplanation.explain(story, config: config)
        for line in explanation.lines { print(line) }
        if !explanation.found { throw ExitCode(1) }
    }
}
