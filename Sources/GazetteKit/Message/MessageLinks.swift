/// The links in every digest: URL templates (with `{token}`, `{id}`, `{email}`, `{edition}`, `{date}`)
/// and the address for mailto unsubscribes.
public struct MessageLinks: Sendable {
    /// With `{token}`, `{id}`, `{email}`, `{edition}`.
    public var unsubscribe: String?
    /// The subscriber's preferences page, a URL template like `unsubscribe`.
    public var preferences: String?
    /// The web copy of an edition: "view in browser" and "N more stories".
    public var web: String?
    /// Address for `List-Unsubscribe: <mailto:...>`; nil for no mailto.
    public var unsubscribeMailto: String?

    public init(unsubscribe: String? = nil, preferences: String? = nil, web: String? = nil, unsubscribeMailto: String? = nil) {
        self.unsubscribe = unsubscribe
        self.preferences = preferences
        self.web = web
        self.unsubscribeMailto = unsubscribeMailto
    }
}
