import Foundation

/// Makes each subscriber's recipient fields: their links filled from the config's templates,
/// with an unsubscribe token signed by the secret.
public struct RecipientFactory: Sendable {
    public var links: MessageLinks
    /// Signs unsubscribe tokens; nil without a secret, which leaves out links that need `{token}`.
    public var tokens: UnsubscribeToken?
    /// The edition id, filled in for `{edition}`.
    public var edition: String
    /// The edition's day, `yyyy-mm-dd`, filled in for `{date}`.
    public var date: String

    public init(links: MessageLinks, tokens: UnsubscribeToken?, edition: String, date: String) {
        self.links = links
        self.tokens = tokens
        self.edition = edition
        self.date = date
    }

    /// The subscriber's fields with links filled in; nil for a link needing a missing token or not http(s).
    public func recipient(for subscriber: Subscriber) -> Recipient {
        let token = tokens?.token(for: subscriber.id)
        func fill(_ template: String?) -> String? {
            guard let template else { return nil }
            if tokens == nil, LinkTemplate.tokenPlaceholders.contains(where: template.has) { return nil }
            let preferencesToken = template.has("{preferences_token}") ? tokens?.token(for: subscriber.id, purpose: .preferences) : nil
            return WebLink.http(LinkTemplate.fill(template, token: token, preferencesToken: preferencesToken, id: subscriber.id,
                                                  email: subscriber.email, edition: edition, date: date))
        }
        return Recipient(email: subscriber.email, name: subscriber.name, format: subscriber.format, sections: subscriber.sections,
                         unsubscribeURL: fill(links.unsubscribe), preferencesURL: fill(links.preferences),
                         viewInBrowserURL: fill(links.web), unsubscribeToken: token)
    }
}
