import Foundation

/// What selection did with one item of one source (or with a source that failed), kept per
/// edition in `selections/<edition>.jsonl` so that `gazette explain` can say why a story was
/// or was not sent.
struct SelectionDecision: Sendable, Equatable, Codable {
    enum Outcome: String, Sendable, Codable {
        /// In the edition.
        case chosen
        /// In an edition already sent.
        case sentBefore = "sent-before"
        /// The same item (by guid or link) came from an earlier source this run.
        case duplicate
        /// Another outlet's item about the same story was chosen instead.
        case sameStory = "same-story"
        /// Left out by the source's `include`/`exclude` keywords.
        case keyword
        /// Older than the lookback window.
        case tooOld = "too-old"
        /// Over the source's `max_items`.
        case sourceCap = "source-cap"
        /// Over `max_items_per_section` or `max_items`.
        case editionCap = "edition-cap"
        /// The source failed: nothing of it was read.
        case sourceFailed = "source-failed"
    }

    var outcome: Outcome
    var source: String
    var sourceName: String?
    var section: String
    var headline: String?
    var link: String?
    var guid: String?
    var keys: [String] = []
    var published: Date?
    /// A sentence: the cutoff, the keyword rule, the item it duplicates, the source's error.
    var detail: String?
}
