import Foundation

/// Builds the template context (see the README's "Template context") of one digest at given item
/// details, with markers in place of the recipient's fields.
struct DigestContext {
    let digest: Digest
    let wrapper: TextWrapper
    /// Which recipient fields are present (absent ones are left out, so sections on them are false).
    let presentFields: Set<PersonalField>
    /// The recipient's format (part of the shape, so a plain value rather than a marker).
    let format: MailFormat
    private let dayFormatter: DateFormatter
    private let timeFormatter: DateFormatter
    private let dateTimeFormatter: DateFormatter
    private let calendar: Calendar

    init(digest: Digest, wrapper: TextWrapper, presentFields: Set<PersonalField>, format: MailFormat = .html) {
        self.format = format
        self.digest = digest
        self.wrapper = wrapper
        self.presentFields = presentFields
        func formatter(_ template: String) -> DateFormatter {
            Timestamp.localized(template, language: digest.language, zone: digest.timeZone)
        }
        dayFormatter = formatter("EEEEdMMMMy")
        timeFormatter = formatter("HHmm")
        dateTimeFormatter = formatter("dMMMHHmm")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = digest.timeZone
        self.calendar = calendar
    }

    func build(details: [ItemDetail]) -> [String: Any] {
        var context: [String: Any] = [
            "title": digest.title,
            "titleRule": String(repeating: "=", count: min(wrapper.width, max(3, DisplayWidth.of(digest.title)))),
            "editionID": digest.editionID,
            "editionDate": formattedEditionDate,
            "language": digest.language,
            "direction": Self.direction(of: digest.language),
            "preheader": preheader,
        ]
        if let intro = digest.intro?.trimmed, !intro.isEmpty {
            context["intro"] = intro
            context["introText"] = wrapper.wrap(intro)
        }
        var subscriber: [String: Any] = [:]
        for field in presentFields { subscriber[field.key] = field.marker }
        subscriber["format"] = format.rawValue
        if format == .html { subscriber["html"] = true }
        context["subscriber"] = subscriber

        var sections: [[String: Any]] = []
        var index = 0
        var reference = 0
        var dropped = 0
        var shown = 0
        for section in digest.sections {
            var items: [[String: Any]] = []
            var links: [[String: Any]] = []
            for item in section.items {
                let detail = index < details.count ? details[index] : .full
                index += 1
                if detail == .dropped {
                    dropped += 1
                    continue
                }
                shown += 1
                var entry = itemContext(item, detail: detail, reference: &reference, links: &links)
                if detail == .full, let picture = Self.picture(item.image, first: items.isEmpty, placement: digest.images ?? .lead) {
                    entry[items.isEmpty ? "image" : "thumbnail"] = picture
                }
                items.append(entry)
            }
            guard !items.isEmpty else { continue }
            var entry: [String: Any] = [
                "name": section.name,
                "rule": String(repeating: "-", count: min(wrapper.width, max(3, DisplayWidth.of(section.name)))),
                "items": items,
            ]
            if !links.isEmpty {
                entry["links"] = links
                entry["hasLinks"] = true
            }
            sections.append(entry)
        }
        context["sections"] = sections
        context["itemCount"] = shown
        if dropped > 0 {
            var more: [String: Any] = ["count": dropped, "label": dropped == 1 ? "1 more story" : "\(dropped) more stories"]
            if let url = digest.footer.webURL.flatMap(WebLink.http) { more["url"] = url }
            context["more"] = more
        }
        if let text = digest.footer.text?.trimmed, !text.isEmpty { context["footerText"] = text }
        if let url = digest.footer.subscribeURL.flatMap(WebLink.http) { context["subscribeURL"] = url }
        if let address = digest.footer.address?.trimmed, !address.isEmpty { context["address"] = address }
        if !digest.footer.failingSources.isEmpty {
            context["hasFailingSources"] = true
            context["failingSources"] = digest.footer.failingSources.joined(separator: ", ")
        }
        return context
    }

    /// The column's inner width, the most a picture is shown at.
    static let columnWidth = 536
    /// A thumbnail's width.
    static let thumbnailWidth = 120

    /// An item's picture for the template (`url`, `alt`, `width`, `height`): full width for a
    /// section's first story, a thumbnail for the others with `images: all`. Only `https`
    /// pictures: a plain-http one would be mixed content in webmail, so it is left out.
    static func picture(_ image: DigestImage?, first: Bool, placement: ImagePlacement) -> [String: Any]? {
        guard let image, placement != .none, first || placement == .all, let url = WebLink.https(image.url) else { return nil }
        let width = min(image.width, first ? columnWidth : thumbnailWidth)
        var picture: [String: Any] = ["url": url, "alt": image.alt, "width": width]
        if let height = image.height, image.width > 0 { picture["height"] = max(1, (height * width + image.width / 2) / image.width) }
        return picture
    }

    private func itemContext(_ item: DigestItem, detail: ItemDetail, reference: inout Int,
                             links: inout [[String: Any]]) -> [String: Any] {
        var entry: [String: Any] = ["headline": item.headline]
        var headlineText = item.headline
        // Only http(s) links become hrefs (and [n] references); anything else stays plain text.
        if let link = item.link.flatMap(WebLink.http) {
            entry["link"] = link
            entry["ref"] = Self.reference(to: link, counter: &reference, links: &links)
            headlineText += " [\(reference)]"
        }
        entry["headlineText"] = wrapper.wrap(headlineText)
        let meta = [item.sourceName, item.published.map(formattedItemTime)].compactMap { $0 }.joined(separator: " · ")
        if !meta.isEmpty { entry["meta"] = meta }
        var lead: [String] = []
        switch detail {
        case .full: lead = item.lead
        case .sentence: lead = item.lead.first.flatMap { SentenceSplitter.split($0).first }.map { [$0] } ?? []
        case .headline, .dropped: lead = []
        }
        if !lead.isEmpty {
            entry["lead"] = lead
            entry["leadText"] = lead.map { wrapper.wrap($0) }.joined(separator: "\n\n")
        }
        if detail == .full, !item.feedItems.isEmpty {
            entry["hasFeedItems"] = true
            var feedItems: [[String: Any]] = []
            var texts: [String] = []
            for feedItem in item.feedItems {
                var value: [String: Any] = ["feedHeadline": feedItem.headline]
                var line = [feedItem.time, feedItem.headline].compactMap { $0 }.joined(separator: " ")
                if let text = feedItem.text, !text.isEmpty {
                    value["feedText"] = text
                    line += (line.hasSuffix(".") || line.hasSuffix("?") || line.hasSuffix("!") ? " " : ". ") + text
                }
                if let time = feedItem.time { value["feedTime"] = time }
                if let link = feedItem.link.flatMap(WebLink.http) {
                    value["feedLink"] = link
                    value["feedRef"] = Self.reference(to: link, counter: &reference, links: &links)
                    line += " [\(reference)]"
                }
                feedItems.append(value)
                texts.append(Self.hanging(wrapper.lines(line, indent: "    ")))
            }
            entry["feedItems"] = feedItems
            entry["feedItemsText"] = texts
        }
        if let mentions = item.alsoIn, !mentions.isEmpty {
            // "Also in: Outlet B, Outlet C": each outlet's name links to its item.
            var values: [[String: Any]] = []
            var parts: [String] = []
            for (index, mention) in mentions.enumerated() {
                let name = mention.sourceName ?? mention.headline
                // `link` is always set (false when absent) so the section cannot find the item's own link.
                var value: [String: Any] = ["name": name, "separator": index == 0 ? "" : ", ", "link": false]
                var part = name
                if let link = mention.link.flatMap(WebLink.http) {
                    value["link"] = link
                    value["ref"] = Self.reference(to: link, counter: &reference, links: &links)
                    part += " [\(reference)]"
                }
                values.append(value)
                parts.append(part)
            }
            entry["alsoIn"] = values
            entry["alsoInText"] = wrapper.wrap("Also in: " + parts.joined(separator: ", "))
        }
        return entry
    }

    /// The next `[n]` number for a link, listed under the section.
    private static func reference(to url: String, counter: inout Int, links: inout [[String: Any]]) -> Int {
        counter += 1
        links.append(["ref": counter, "url": url])
        return counter
    }

    /// "  * first line" then the rest indented under it.
    private static func hanging(_ lines: [String]) -> String {
        guard let first = lines.first else { return "" }
        return (["  * " + first.dropFirst(4)] + lines.dropFirst()).joined(separator: "\n")
    }

    private var preheader: String {
        if let preheader = digest.preheader?.trimmed, !preheader.isEmpty { return preheader }
        if let intro = digest.intro?.trimmed, !intro.isEmpty { return intro }
        let headlines = digest.sections.flatMap { $0.items.map(\.headline) }.prefix(3)
        return headlines.joined(separator: " · ")
    }

    private var formattedEditionDate: String { dayFormatter.string(from: digest.editionDate) }

    private func formattedItemTime(_ date: Date) -> String {
        let sameDay = calendar.isDate(date, inSameDayAs: digest.editionDate)
        return (sameDay ? timeFormatter : dateTimeFormatter).string(from: date)
    }

    /// `rtl` for scripts written right to left.
    static func direction(of language: String) -> String {
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "iw"].contains(primary) ? "rtl" : "ltr"
    }
}
