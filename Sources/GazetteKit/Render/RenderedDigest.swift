/// One recipient's copy of a digest: both parts (HTML is nil for plain-text subscribers).
public struct RenderedDigest: Sendable, Equatable {
    public var html: String?
    public var text: String
    /// Items shown in full, cut to a sentence, reduced to the headline, and left out for size.
    public var itemsShown: Int
    /// Items cut to one sentence or to the headline to fit the HTML size budget.
    public var itemsShortened: Int
    /// Items left out behind the "N more stories" line.
    public var itemsDropped: Int
}
