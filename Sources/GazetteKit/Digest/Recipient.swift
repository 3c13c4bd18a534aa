import Foundation

/// The per-subscriber fields of a message: everything that differs between two copies of an edition.
public struct Recipient: Sendable, Equatable {
    public var email: String
    public var name: String?
    public var format: MailFormat
    /// Sections wanted; empty means all.
    public var sections: [String]
    /// From `links.unsubscribe`; nil when not configured, or when it needs a token and there is no secret.
    public var unsubscribeURL: String?
    /// From `links.preferences`, like `unsubscribeURL`.
    public var preferencesURL: String?
    /// The edition's web copy from `links.web`; nil when not configured.
    public var viewInBrowserURL: String?
    /// The unsubscribe token, put in the subject of the `mailto:` unsubscribe so that
    /// `gazette inbox` can act on the request; nil without a secret.
    public var unsubscribeToken: String?

    public init(email: String, name: String? = nil, format: MailFormat = .html, sections: [String] = [],
                unsubscribeURL: String? = nil, preferencesURL: String? = nil, viewInBrowserURL: String? = nil,
                unsubscribeToken: String? = nil) {
        self.email = email
        self.name = name
        self.format = format
        self.sections = sections
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
        self.viewInBrowserURL = viewInBrowserURL
        self.unsubscribeToken = unsubscribeToken
    }

    /// Whether this recipient wants items from `section`.
    public func wants(section: String) -> Bool {
        sections.isEmpty || sections.contains { $0.caseInsensitiveCompare(section) == .orderedSame }
    }
}
