/// Limits and layout settings of rendering.
public struct RenderOptions: Sendable, Equatable {
    /// Largest HTML part in bytes; Gmail clips messages at about 102 KB and may hide the footer.
    public var htmlBudget: Int
    /// Bytes set aside per recipient field in the budget check (URLs and names are filled in later).
    public var fieldReserve: Int
    /// Column width of the plain-text part.
    public var textWidth: Int

    public init(htmlBudget: Int = 90_000, fieldReserve: Int = 512, textWidth: Int = 72) {
        self.htmlBudget = htmlBudget
        self.fieldReserve = fieldReserve
        self.textWidth = textWidth
    }
}
