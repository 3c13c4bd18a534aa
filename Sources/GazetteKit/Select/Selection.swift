import Foundation

/// Chooses the items of an edition: new ones only (by identity), each story once across feeds,
/// implausible dates replaced by the first-seen time, new sources limited to the lookback window,
/// keyword filters, then the per-source, per-section and total caps, newest first.
struct Selection: Sendable {
    var rules: SelectionRules
    var now: Date

    init(rules: SelectionRules, now: Date) {
        self.rules = rules
        self.now = now
    }

    /// Sections in the order sources name them first; items newest first within a section.
    func run(_ outcomes: [SourceOutcome], history: SelectionHistory) -> [DigestSection] {
        var decisions: [SelectionDecision] = []
        return run(outcomes, history: history, decisions: &decisions)
    }

    /// The same, with what was done to every item (and every failed source) in `decisions`.
    func run(_ outcomes: [SourceOutcome], history: SelectionHistory, decisions: inout [SelectionDecision]) -> [DigestSection] {
        func decide(_ outcome: SelectionDecision.Outcome, _ candidate: Candidate, _ keys: [String], detail: String? = nil) {
            decisions.append(SelectionDecision(outcome: outcome, source: candidate.source.url, sourceName: candidate.sourceName,
                                               section: candidate.source.section, headline: candidate.headline, link: candidate.link,
                                               guid: candidate.guid, keys: keys, published: candidate.published, detail: detail))
        }
        for outcome in outcomes {
            if let error = outcome.error {
                decisions.append(SelectionDecision(outcome: .sourceFailed, source: outcome.source.url, sourceName: outcome.source.name,
                                                   section: outcome.source.section, detail: error.description))
            }
        }
        var taken: [String: String] = [:]  // key → the headline that took it
        var bySection: [String: [Accepted]] = [:]
        var sectionOrder: [String] = []
        let earliest = Date(timeIntervalSince1970: 788_918_400)  // 1995-01-01
        for (sourceIndex, outcome) in outcomes.enumerated() where outcome.error == nil {
            let source = outcome.source
            // Never the back catalogue: a new source gives only items of the lookback window, a known
            // one only items newer than the window before its last successful read.
            var cutoff: Date?
            if let hours = rules.firstRunLookbackHours {
                let reference = history.hasSentBefore ? (history.lastSuccess(source.url) ?? now) : now
                cutoff = reference.addingTimeInterval(-hours * 3600)
            }
            var accepted: [Accepted] = []
            for candidate in outcome.candidates {
                let keys = candidate.keys
                if history.isSent(keys) {
                    decide(.sentBefore, candidate, keys)
                    continue
                }
                if let first = keys.lazy.compactMap({ taken[$0] }).first {
                    decide(.duplicate, candidate, keys, detail: "the same item as \"\(first)\" from an earlier source")
                    continue
                }
                guard matchesKeywords(candidate, source: source) else {
                    decide(.keyword, candidate, keys, detail: "include \(source.include), exclude \(source.exclude)")
                    continue
                }
                var date = now
                if let published = candidate.published, published >= earliest,
                   published <= now.addingTimeInterval(rules.futureSkewHours * 3600) {
                    date = published
                }
                if let cutoff, date < cutoff {
                    decide(.tooOld, candidate, keys, detail: "dated \(Timestamp.rfc3339(date)), before the window's start \(Timestamp.rfc3339(cutoff))")
                    continue
                }
                accepted.append(Accepted(candidate: candidate, keys: keys, date: date, sourceIndex: sourceIndex))
            }
            accepted.sort { $0.date != $1.date ? $0.date > $1.date : $0.candidate.order < $1.candidate.order }
            if let cap = source.maxItems, accepted.count > cap {
                for item in accepted[cap...] { decide(.sourceCap, item.candidate, item.keys, detail: "max_items \(cap) of this source") }
                accepted = Array(accepted.prefix(cap))
            }
            for item in accepted {
                for key in item.keys { taken[key] = taken[key] ?? item.candidate.headline }
                if bySection[source.section] == nil { sectionOrder.append(source.section) }
                bySection[source.section, default: []].append(item)
            }
        }
        if rules.clusterStories {
            bySection = mergeStories(bySection, sectionOrder: sectionOrder, recent: history.recentStories) { outcome, item, detail in
                decide(outcome, item.candidate, item.keys, detail: detail)
            }
        }
        var sections: [DigestSection] = []
        var remaining = rules.maxItems
        for name in sectionOrder {
            let sorted = bySection[name, default: []].sorted { $0.date > $1.date }
            let chosen = sorted.prefix(max(0, min(rules.maxItemsPerSection, remaining)))
            remaining -= chosen.count
            for item in chosen { decide(.chosen, item.candidate, item.keys) }
            for item in sorted.dropFirst(chosen.count) {
                decide(.editionCap, item.candidate, item.keys,
                       detail: "over max_items_per_section \(rules.maxItemsPerSection) or max_items \(rules.maxItems)")
            }
            if !chosen.isEmpty { sections.append(DigestSection(name: name, items: chosen.map(item))) }
        }
        return sections
    }

    /// A candidate that passed, with its identity keys (computed once: link canonicalisation is not free).
    private struct Accepted {
        var candidate: Candidate
        var keys: [String]
        var date: Date
        /// The source's place in the config.
        var sourceIndex = 0
        var mentions: [DigestMention] = []
    }

    /// One item per story: items the clusterer puts together become the best-placed one (the
    /// first source in the config, else the earliest), the others its "Also in" mentions; an item
    /// about a story sent within the story window is not new. Items keep their sections.
    private func mergeStories(_ bySection: [String: [Accepted]], sectionOrder: [String], recent: [SentStory],
                              decide: (SelectionDecision.Outcome, Accepted, String) -> Void) -> [String: [Accepted]] {
        var pool: [(section: String, item: Accepted)] = []
        for name in sectionOrder { for item in bySection[name, default: []] { pool.append((name, item)) } }
        guard pool.count + recent.count >= 2 else { return bySection }
        let stories = recent.map { StoryItem(id: $0.edition, title: $0.headline, lead: $0.lead) }
            + pool.map { StoryItem(id: $0.item.candidate.link ?? "", title: $0.item.candidate.headline,
                                   lead: $0.item.candidate.lead.joined(separator: " ")) }
        let labels = StoryClusterer().labels(for: stories)
        var members: [Int: [Int]] = [:]  // cluster label → pool indexes
        var sentStory: [Int: SentStory] = [:]
        for (index, label) in labels.enumerated() {
            if index < recent.count { sentStory[label] = sentStory[label] ?? recent[index] } else { members[label, default: []].append(index - recent.count) }
        }
        var kept = Set<Int>()
        var merged: [Int: Accepted] = [:]
        for (label, indexes) in members {
            if let story = sentStory[label] {
                for index in indexes { decide(.sameStory, pool[index].item, "the story sent in edition \(story.edition) as \"\(story.headline)\"") }
                continue
            }
            let best = indexes.min { a, b in
                let x = pool[a].item, y = pool[b].item
                if x.sourceIndex != y.sourceIndex { return x.sourceIndex < y.sourceIndex }
                if x.date != y.date { return x.date < y.date }
                return x.candidate.order < y.candidate.order
            }!
            var chosen = pool[best].item
            for index in indexes where index != best {
                let other = pool[index].item
                chosen.keys += other.keys.filter { !chosen.keys.contains($0) }
                if other.candidate.sourceName != chosen.candidate.sourceName || other.sourceIndex != chosen.sourceIndex {
                    chosen.mentions.append(DigestMention(sourceName: other.candidate.sourceName, headline: other.candidate.headline,
                                                         link: other.candidate.link))
                }
                let from = chosen.candidate.sourceName.map { " from \($0)" } ?? ""
                decide(.sameStory, other, "merged into \"\(chosen.candidate.headline)\"\(from)")
            }
            kept.insert(best)
            merged[best] = chosen
        }
        var result: [String: [Accepted]] = [:]
        for (index, entry) in pool.enumerated() where kept.contains(index) {
            result[entry.section, default: []].append(merged[index] ?? entry.item)
        }
        return result
    }

    private func item(_ accepted: Accepted) -> DigestItem {
        let candidate = accepted.candidate
        var item = DigestItem(headline: candidate.headline, link: candidate.link, sourceName: candidate.sourceName,
                              published: candidate.published == nil ? nil : accepted.date, lead: candidate.lead,
                              image: candidate.image.map { DigestImage($0, alt: candidate.headline) },
                              feedItems: candidate.feedItems)
        item.keys = accepted.keys
        if !accepted.mentions.isEmpty { item.alsoIn = accepted.mentions }
        return item
    }

    private func matchesKeywords(_ candidate: Candidate, source: SourceConfig) -> Bool {
        guard !source.include.isEmpty || !source.exclude.isEmpty else { return true }
        let text = (candidate.headline + " " + candidate.summary + " " + candidate.lead.joined(separator: " ")).lowercased()
        if source.exclude.contains(where: { text.has($0.lowercased()) }) { return false }
        return source.include.isEmpty || source.include.contains { text.has($0.lowercased()) }
    }
}

/// What earlier editions left for selection to go by.
struct SelectionHistory {
    /// Whether an edition was sent from this state before (else this is the list's first run).
    var hasSentBefore: Bool
    /// Whether any of an item's keys was in an edition already sent.
    var isSent: ([String]) -> Bool
    /// When a source (by URL) was last read successfully.
    var lastSuccess: (String) -> Date?
    /// Stories of the editions sent within the story window.
    var recentStories: [SentStory] = []
}
