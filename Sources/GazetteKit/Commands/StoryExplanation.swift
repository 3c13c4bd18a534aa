import Foundation

/// `gazette explain URL|ID`: what happened to one story, from the state folder only (the
/// selection logs of built editions and the delivery journals): when and from which source it
/// was first seen, in which edition it was sent and to how many, or why not.
public struct StoryExplanation: Sendable {
    /// Whether any edition's selection had the story.
    public var found: Bool
    public var lines: [String]

    public static func explain(_ query: String, config: Config) -> StoryExplanation {
        let wanted = Set([query.trimmed].flatMap { raw -> [String] in
            var keys = ["guid:" + raw]
            if let link = ItemIdentity.canonicalLink(raw) { keys.append("link:" + link) }
            return keys
        })
        let editions = SelectionLog(stateDirectory: config.stateDirectory).all()
        var matches = editions.map { edition in (edition.edition, edition.decisions.filter { !wanted.isDisjoint(with: $0.keys) }) }
        if matches.allSatisfy({ $0.1.isEmpty }), ItemIdentity.canonicalLink(query) == nil, query.count >= 4 {
            // Not an id or a link we know: a headline's words, then.
            let needle = query.lowercased()
            matches = editions.map { edition in (edition.edition, edition.decisions.filter { $0.headline?.lowercased().contains(needle) == true }) }
        }
        matches = matches.filter { !$0.1.isEmpty }
        guard let first = matches.first, let seen = first.1.first else {
            var lines = ["\(query): not in any edition's selection in \(config.stateDirectory): no source had it when an edition was built"]
            if let last = editions.last {
                let failed = last.decisions.filter { $0.outcome == .sourceFailed }
                if !failed.isEmpty {
                    lines.append("sources that failed in the latest edition (\(last.edition)):")
                    lines += failed.map { "  \($0.source): \($0.detail ?? "failed")" }
                }
            }
            return StoryExplanation(found: false, lines: lines)
        }
        var lines = ["\"\(seen.headline ?? query)\"", "first seen in edition \(first.0) from \(seen.sourceName.map { "\($0) " } ?? "")<\(seen.source)>"
                     + (seen.published.map { ", dated \(Timestamp.rfc3339($0))" } ?? "")]
        for (edition, decisions) in matches {
            // The story's own item first (a chosen item also carries the keys of the items merged into it).
            let own = decisions.filter { decision in
                [decision.guid.map { "guid:" + $0 }, decision.link.flatMap(ItemIdentity.canonicalLink).map { "link:" + $0 }]
                    .contains { $0.map(wanted.contains) ?? false }
            }
            let candidates = own.isEmpty ? decisions : own
            let decisive = candidates.first { $0.outcome == .chosen } ?? candidates[0]
            var line = describe(decisive, edition: edition, stateDirectory: config.stateDirectory)
            if decisive.outcome == .sameStory, let carrier = decisions.first(where: { $0.outcome == .chosen }) {
                line += "; listed under it as \"Also in\": " + describe(carrier, edition: edition, stateDirectory: config.stateDirectory)
            }
            lines.append("\(edition): " + line)
        }
        return StoryExplanation(found: true, lines: lines)
    }

    private static func describe(_ decision: SelectionDecision, edition: String, stateDirectory: String) -> String {
        let detail = decision.detail.map { ": \($0)" } ?? ""
        switch decision.outcome {
        case .chosen:
            let journal = DeliveryJournal(stateDirectory: stateDirectory, edition: edition)
            guard journal.exists else { return "chosen for section \(decision.section), but the edition was not sent (a dry run or a preview?)" }
            var delivered = 0, failed = 0, waiting = 0
            for state in journal.states().values {
                switch state {
                case .delivered: delivered += 1
                case .failed: failed += 1
                case .deferred, .inFlight: waiting += 1
                }
            }
            return "sent in section \(decision.section) to \(delivered) subscribers" + (failed > 0 ? ", refused for \(failed)" : "")
                + (waiting > 0 ? ", \(waiting) not delivered yet" : "")
        case .sentBefore: return "not sent again: it was in an earlier edition"
        case .duplicate: return "left out as a duplicate\(detail)"
        case .sameStory: return "merged into another outlet's item about the same story\(detail)"
        case .keyword: return "left out by the source's keywords (\(decision.detail ?? ""))"
        case .tooOld: return "left out as older than the lookback window\(detail)"
        case .sourceCap: return "left out: over the source's cap\(detail)"
        case .editionCap: return "left out: over the edition's caps\(detail)"
        case .sourceFailed: return "its source failed\(detail)"
        }
    }
}
