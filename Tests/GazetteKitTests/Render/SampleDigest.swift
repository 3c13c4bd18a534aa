import Foundation
@testable import GazetteKit

/// A fixed digest for golden and layout tests: two sections, a page feed, an image, non-ASCII text.
enum SampleDigest {
    static let zone = TimeZone(identifier: "Europe/London")!
    static let edition = Date(timeIntervalSince1970: 1_795_939_200)  // 2026-11-29 08:00 UTC

    static var digest: Digest {
        var digest = plain
        digest.sections[0].items[0].alsoIn = [DigestMention(sourceName: "Coast Courier", headline: "Bridge open again",
                                                             link: "https://courier.example.org/bridge"),
                                              DigestMention(sourceName: "Bay Times", headline: "Swing bridge back", link: nil)]
        return digest
    }

    /// The digest without "Also in" mentions.
    static var plain: Digest {
        Digest(
            title: "The Morning Gazette", editionID: "morning.example.org/2026-11-29", editionDate: edition,
            timeZone: zone, intro: "Five stories from the harbour and the science desk.", language: "en",
            sections: [
                DigestSection(name: "Harbour", items: [
                    DigestItem(headline: "Swing bridge reopens after six weeks of repairs",
                               link: "https://harbour.example.org/news/bridge-reopens?ref=rss",
                               sourceName: "Harbour Gazette", published: edition.addingTimeInterval(-2 * 3600),
                               lead: ["The Old Harbour swing bridge reopened to traffic on Saturday, two days ahead of schedule, after engineers replaced its worn turning gear.",
                                      "Mr. Alvarez, the harbour master, said the crossing would open for boats every hour."],
                               image: DigestImage(url: "https://harbour.example.org/img/bridge.jpg", alt: "The swing bridge open for a yacht", width: 1200, height: 800),
                               feedItems: [
                                   PageFeedItem(time: "07:40", headline: "Ferry timetable changes", text: "The 8:15 sailing now leaves at 8:25.", link: "https://harbour.example.org/feed/ferry"),
                                   PageFeedItem(time: "06:55", headline: "Fog warning lifted", text: nil, link: nil),
                               ]),
                    DigestItem(headline: "Café on the quay wins “best breakfast” award",
                               link: "https://harbour.example.org/news/cafe",
                               sourceName: "Harbour Gazette", published: edition.addingTimeInterval(-30 * 3600),
                               lead: ["Judges praised the smoked fish and the view across the water."]),
                ]),
                DigestSection(name: "Science", items: [
                    DigestItem(headline: "東京の研究者が新しい深海魚を発見",
                               link: "https://science.example.net/deep-sea-fish",
                               sourceName: "Science Desk", published: edition.addingTimeInterval(-5 * 3600),
                               lead: ["東京大学の研究チームは、水深八千メートルで新種の魚を撮影したと発表した。調査は三年間続いた。"]),
                    DigestItem(headline: "A headline-only item with no link", sourceName: "Science Desk"),
                ]),
            ],
            footer: DigestFooter(text: "The Morning Gazette is a daily digest of local news.",
                                 address: "1 Quay Street, Harbourtown", webURL: "https://morning.example.org/2026-11-29"))
    }

    static var recipient: Recipient {
        Recipient(email: "ada@example.org", name: "Ada Lovelace", format: .html,
                  unsubscribeURL: "https://morning.example.org/unsubscribe?token=abc.DEF&list=morning",
                  preferencesURL: "https://morning.example.org/preferences?token=abc.DEF",
                  viewInBrowserURL: "https://morning.example.org/2026-11-29")
    }
}
