import Foundation

/// Per-key request counts over a sliding hour, in memory (a restart forgets them): how many
/// subscribe requests one client address may make, and the one confirmation per address per hour
/// that keeps the form from being used to bomb someone's mailbox.
actor RateLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var seen: [String: [Date]] = [:]
    private var lastPrune = Date()

    init(perHour limit: Int, window: TimeInterval = 3600) {
        self.limit = limit
        self.window = window
    }

    /// Counts one request for `key`; false when the key is over its limit (then nothing is counted).
    func allow(_ key: String, now: Date = Date()) -> Bool {
        prune(now)
        let recent = (seen[key] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            seen[key] = recent
            return false
        }
        seen[key] = recent + [now]
        return true
    }

    private func prune(_ now: Date) {
        guard now.timeIntervalSince(lastPrune) > 60 else { return }
        lastPrune = now
        seen = seen.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
    }
}
