import ArgumentParser

/// `gazette inbox`: the bounce mailbox (`process`, the default) and the classifier on its own (`classify`).
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Handle bounces, complaints and mailto unsubscribes.",
        subcommands: [InboxProcessCommand.self, InboxClassifyCommand.self],
        defaultSubcommand: InboxProcessCommand.self
    )
}
