import Foundation

/// Renders and builds each subscriber's message for one edition.
public struct MessageFactory: Sendable {
    public let renderer: DigestRenderer
    private let bodies: EncodedDigest
    let builder: MessageBuilder
    public let recipients: RecipientFactory
    /// The subject of a recipient who gets every section.
    public let subject: String

    init(settings: MessageSettings, links: MessageLinks, digest: Digest, templates: TemplateSet, tokens: UnsubscribeToken?) {
        renderer = DigestRenderer(digest: digest, templates: templates)
        bodies = EncodedDigest(renderer)
        builder = MessageBuilder(settings: settings)
        let date = Timestamp.day(digest.editionDate, in: digest.timeZone)
        recipients = RecipientFactory(links: links, tokens: tokens, edition: digest.editionID, date: date)
        subject = Self.subject(for: digest)
    }

    /// "Title: first headline (+N more)", from the stories of `digest` (restrict it to a
    /// recipient's sections first: the subject names only stories they get).
    public static func subject(for digest: Digest) -> String {
        let headlines = digest.sections.flatMap { $0.items.map(\.headline) }
        guard let first = headlines.first else { return digest.title }
        return "\(digest.title): \(first)" + (headlines.count > 1 ? " (+\(headlines.count - 1) more)" : "")
    }

    /// Both parts as this subscriber gets them, without the message around them.
    public func rendered(for subscriber: Subscriber) -> RenderedDigest {
        renderer.render(for: recipients.recipient(for: subscriber))
    }

    /// The complete message, its subject counted over the sections the subscriber gets.
    public func message(for subscriber: Subscriber) -> Message {
        let recipient = recipients.recipient(for: subscriber)
        let subject = recipient.sections.isEmpty ? self.subject : Self.subject(for: renderer.digest.restricted(to: recipient))
        return builder.build(edition: renderer.digest.editionID, subject: subject, date: renderer.digest.editionDate,
                             body: bodies.body(for: recipient), recipient: recipient, subscriberID: subscriber.id)
    }
}
