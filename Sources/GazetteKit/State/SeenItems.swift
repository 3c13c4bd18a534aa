import Foundation

/// Item keys already sent, with when each was first seen (`seen.json` in the state folder), and
/// the stories of recent editions (headline and lead) so that another outlet's item about one of
/// them is not taken for news. Entries older than `retention` (stories: the story window) are
/// dropped when the file is written.
struct SeenItems: Sendable {
    private(set) var firstSeen: [String: Date]
    private(set) var stories: [SentStory] = []
    let path: String
    /// Whether the file existed: a missing one means this is the list's first run.
    let existed: Bool

    static let retention: TimeInterval = 180 * 86_400

    init(stateDirectory: String) throws(StateError) {
        path = (stateDirectory as NSString).appendingPathComponent("seen.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            firstSeen = [:]
            existed = false
            return
        }
        existed = true
        do {
            let file = try JSON.decode(File.self, from: data)
            firstSeen = file.items
            stories = file.stories ?? []
        } catch {
            throw StateError(path: path, message: "is damaged (\(error)); move it aside to start afresh")
        }
    }

    struct File: Codable {
        var version: Int
        var items: [String: Date]
        var stories: [SentStory]?
    }

    func contains(any keys: [String]) -> Bool {
        keys.contains { firstSeen[$0] != nil }
    }

    mutating func record(_ keys: [String], at date: Date) {
        for key in keys where firstSeen[key] == nil { firstSeen[key] = date }
    }

    /// Remembers every item of a sent (or given-up) edition: its keys, and the item as a story.
    mutating func record(edition digest: Digest, at date: Date) {
        for item in digest.sections.flatMap(\.items) {
            record(item.keys, at: date)
            stories.append(SentStory(headline: item.headline, lead: String(item.lead.joined(separator: " ").prefix(600)),
                                     edition: digest.editionID, sent: date))
        }
    }

    /// Stories sent within `days` before `now`.
    func recentStories(days: Double, now: Date) -> [SentStory] {
        stories.filter { now.timeIntervalSince($0.sent) < days * 86_400 && $0.sent <= now.addingTimeInterval(86_400) }
    }

    /// Writes atomically, dropping items past the retention period and stories past the story
    /// window (`storyDays`, selection.story_window_days).
    func save(now: Date = Date(), storyDays: Double) throws(StateError) {
        let kept = firstSeen.filter { now.timeIntervalSince($0.value) < Self.retention }
        let recent = stories.filter { now.timeIntervalSince($0.sent) < storyDays * 86_400 }
        do {
            let data = Data(try JSON.encode(File(version: 1, items: kept, stories: recent.isEmpty ? nil : recent)))
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error)")
        }
    }
}
