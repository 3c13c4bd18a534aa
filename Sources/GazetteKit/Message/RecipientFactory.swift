import Foundation

/// Makes each subscriber's recipient fields: their links filled from the config's templates,
/// with an unsubscribe token signed by the secret.
public struct RecipientFactory: Sendable {
    public var links: MessageLinks
    public var tokens: UnsubscribeToken?
    public var edition: String
    public var date: String

    public init(links: MessageLinks, tokens: UnsubscribeToken?, edition: String, date: String) {
        self.links = links
        self.tokens = tokens
        self.edition = edition
        self.date = date
    }

    public func recipient(for subscriber: Subscriber) -> Recipient {
        let token = tokens?.token(for: subscriber.id)
        func fill(_ template: String?) -> String? {
            guard let template else { return nil }
            if template.has("{token}"), token == nil { return nil }
            return WebLink.http(LinkTemplate.fill(template, token: token, id: subscriber.id, email: subscriber.email, edition: edition, date: date))
        }
        return Recipient(email: subscriber.email, name: subscriber.name, format: subscriber.format, sections: subscriber.sections,
                         unsubscribeURL: fill(links.unsubscribe), preferencesURL: fill(links.preferences),
                         viewInBrowserURL: fill(links.web))
    }
}
