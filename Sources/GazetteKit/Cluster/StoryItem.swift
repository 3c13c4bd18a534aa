/// One news item to cluster: only the title and the lead are read.
public struct StoryItem: Sendable {
    public var id: String
    public var title: String
    public var lead: String

    public init(id: String, title: String, lead: String) {
        self.id = id
        self.title = title
        self.lead = lead
    }
}
