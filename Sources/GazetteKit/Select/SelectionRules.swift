import Foundation

/// What an edition takes from its sources: windows, caps, lead size, date plausibility.
public struct SelectionRules: Sendable {
    /// How far back the first run looks; nil means everything the feeds hold.
    public var firstRunLookbackHours: Double? = 48
    public var maxItemsPerSection: Int = 10
    /// Items in the whole edition, across sections.
    public var maxItems: Int = 40
    /// Prose paragraphs in a lead, at most.
    public var leadParagraphs: Int = 2
    /// Lead budget in characters, cut at a sentence boundary (the first sentence stays whole).
    public var leadCharacters: Int = 600
    /// Fetch the article page of items whose feed has no usable summary.
    public var fetchArticles: Bool = true
    /// Do not send an edition with nothing new.
    public var skipEmpty: Bool = true
    /// Dates this far in the future are still believed, in hours.
    public var futureSkewHours: Double = 6
    /// Items of different outlets about the same story become one item with "Also in" links.
    public var clusterStories: Bool = true
    /// Days a sent story is remembered: another outlet's item about it is not new meanwhile.
    public var storyWindowDays: Double = 3

    public init() {}
}
