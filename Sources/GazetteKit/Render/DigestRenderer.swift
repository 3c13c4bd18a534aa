import Foundation

/// Renders one edition for many recipients.
///
/// The templates run once per recipient *shape* (format, chosen sections, which optional fields
/// are set), with markers in place of the recipient's fields; each copy is then the shared bytes
/// with the fields filled in. The HTML size budget is applied per shape: items lose their lead
/// after the first sentence, then their lead, then their place (behind an "N more stories" line),
/// from the last item up, until the HTML fits.
public final class DigestRenderer: @unchecked Sendable {
    public let digest: Digest
    public let templates: TemplateSet
    public let options: RenderOptions
    private let lock = NSLock()
    private var shapes: [Shape: Prepared] = [:]

    public init(digest: Digest, templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.digest = digest
        self.templates = templates
        self.options = options
    }

    /// Both parts for one recipient (the HTML part only when they take HTML).
    public func render(for recipient: Recipient) -> RenderedDigest {
        let prepared = self.prepared(Shape(recipient))
        return RenderedDigest(html: prepared.html?.fill(recipient), text: prepared.text.fill(recipient),
                              itemsShown: prepared.shown, itemsShortened: prepared.shortened,
                              itemsDropped: prepared.dropped)
    }

    /// The rendered parts of a shape with markers in place of the recipient's fields, for callers
    /// that keep their own per-shape form of them (the quoted-printable encoding of messages).
    func sources(for shape: Shape) -> (html: String?, text: String) {
        let prepared = self.prepared(shape)
        return (prepared.html?.source, prepared.text.source)
    }

    /// What makes two recipients' copies differ beyond their fields: format, sections, which fields are set.
    struct Shape: Hashable {
        var format: MailFormat
        var sections: [String]
        var fields: Set<PersonalField>

        init(_ recipient: Recipient) {
            format = recipient.format
            sections = recipient.sections.map { $0.lowercased() }.sorted()
            fields = Set(PersonalField.allCases.filter { field in
                guard let value = field.value(of: recipient) else { return false }
                return !value.isEmpty
            })
        }
    }

    struct Prepared {
        var html: PersonalisedTemplate?
        var text: PersonalisedTemplate
        var shown: Int
        var shortened: Int
        var dropped: Int
    }

    private func prepared(_ shape: Shape) -> Prepared {
        lock.lock()
        if let cached = shapes[shape] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let prepared = prepare(shape)
        lock.lock()
        shapes[shape] = prepared
        lock.unlock()
        return prepared
    }

    private func prepare(_ shape: Shape) -> Prepared {
        var selected = digest
        if !shape.sections.isEmpty {
            selected.sections = digest.sections.filter { shape.sections.contains($0.name.lowercased()) }
        }
        let context = DigestContext(digest: selected, wrapper: TextWrapper(width: options.textWidth),
                                    presentFields: shape.fields, format: shape.format)
        let count = selected.itemCount
        var details = [ItemDetail](repeating: .full, count: count)
        var html: PersonalisedTemplate?
        if shape.format == .html {
            let steps = Self.degradationSteps(count: count)
            func source(_ step: Int) -> String {
                templates.render(context.build(details: Self.details(count: count, steps: steps, taken: step)), template: "digest.html")
            }
            func render(_ step: Int) -> PersonalisedTemplate { PersonalisedTemplate(source(step)) }
            func fits(_ part: PersonalisedTemplate) -> Bool {
                part.literalSize + part.fieldCount * options.fieldReserve <= options.htmlBudget
            }
            var best = render(0)
            if !fits(best) {
                // Binary search for the fewest degradation steps that fit.
                var low = 1
                var high = steps.count
                var found: (Int, PersonalisedTemplate)?
                while low <= high {
                    let middle = (low + high) / 2
                    let candidate = render(middle)
                    if fits(candidate) {
                        found = (middle, candidate)
                        high = middle - 1
                    } else {
                        low = middle + 1
                    }
                }
                let step = found?.0 ?? steps.count
                best = found?.1 ?? render(step)
                details = Self.details(count: count, steps: steps, taken: step)
            }
            html = best
        }
        let text = PersonalisedTemplate(templates.render(context.build(details: details), template: "digest.txt"))
        return Prepared(html: html, text: text,
                        shown: details.filter { $0 == .full }.count,
                        shortened: details.filter { $0 == .sentence || $0 == .headline }.count,
                        dropped: details.filter { $0 == .dropped }.count)
    }

    /// Degradation steps in order: each item (last first) to one sentence, then each to its
    /// headline, then each left out.
    static func degradationSteps(count: Int) -> [(index: Int, detail: ItemDetail)] {
        let reversed = Array((0..<count).reversed())
        return [ItemDetail.sentence, .headline, .dropped].flatMap { detail in reversed.map { ($0, detail) } }
    }

    static func details(count: Int, steps: [(index: Int, detail: ItemDetail)], taken: Int) -> [ItemDetail] {
        var details = [ItemDetail](repeating: .full, count: count)
        for step in steps.prefix(taken) { details[step.index] = max(details[step.index], step.detail) }
        return details
    }
}
