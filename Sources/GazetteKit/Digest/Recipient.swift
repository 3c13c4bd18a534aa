/// The per-subscriber fields of a message: everything that differs between two copies of an edition.
public struct Recipient: Sendable, Equatable {
    public var email: String
    public var name: String?
    public var format: Subscriber.Format
    /// Sections wanted; empty means all.
    public var sections: [String]
    public var unsubscribeURL: String?
    public var preferencesURL: String?
    public var viewInBrowserURL: String?

    public init(email: String, name: String? = nil, format: Subscriber.Format = .html, sections: [String] = [],
                unsubscribeURL: String? = nil, preferencesURL: String? = nil, viewInBrowserURL: String? = nil) {
        self.email = email
        self.name = name
        self.format = format
        self.sections = sections
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
        self.viewInBrowserURL = viewInBrowserURL
    }

    /// The recipient fields of a subscriber; the URLs come from the list's configuration.
    public init(_ subscriber: Subscriber, unsubscribeURL: String? = nil, preferencesURL: String? = nil,
                viewInBrowserURL: String? = nil) {
        self.init(email: subscriber.email, name: subscriber.name, format: subscriber.format,
                  sections: subscriber.sections, unsubscribeURL: unsubscribeURL,
                  preferencesURL: preferencesURL, viewInBrowserURL: viewInBrowserURL)
    }

    /// Whether this recipient wants items from `section`.
    public func wants(section: String) -> Bool {
        sections.isEmpty || sections.contains { $0.caseInsensitiveCompare(section) == .orderedSame }
    }
}
