/// The recipient fields templates may use, and the markers that stand for them in a shared render.
///
/// A marker is `U+E000 <index> & U+E001`: HTML escaping turns its `&` into `&amp;`, which tells
/// the personaliser whether the template escaped the value at that spot.
enum PersonalField: Int, CaseIterable, Sendable {
    case email, name, unsubscribeURL, preferencesURL, viewInBrowserURL

    var key: String {
        switch self {
        case .email: return "email"
        case .name: return "name"
        case .unsubscribeURL: return "unsubscribeURL"
        case .preferencesURL: return "preferencesURL"
        case .viewInBrowserURL: return "viewInBrowserURL"
        }
    }

    var marker: String { "\u{E000}\(rawValue)&\u{E001}" }

    func value(of recipient: Recipient) -> String? {
        switch self {
        case .email: return recipient.email
        case .name: return recipient.name
        case .unsubscribeURL: return recipient.unsubscribeURL
        case .preferencesURL: return recipient.preferencesURL
        case .viewInBrowserURL: return recipient.viewInBrowserURL
        }
    }
}
