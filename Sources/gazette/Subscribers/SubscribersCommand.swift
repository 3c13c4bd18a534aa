import ArgumentParser

struct SubscribersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribers",
        abstract: "Manage the subscriber file.",
        discussion: "Unsubscribed and bounced entries stay in the file as a suppression list.",
        subcommands: [Add.self, Remove.self, Unsubscribe.self, Resubscribe.self, List.self, Count.self, Show.self,
                      Import.self, Export.self, Token.self]
    )
}
