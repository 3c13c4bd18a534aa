import Foundation

/// A story of a sent edition, as the story clustering compares it with new items.
struct SentStory: Sendable, Equatable, Codable {
    var headline: String
    var lead: String
    var edition: String
    var sent: Date
}
