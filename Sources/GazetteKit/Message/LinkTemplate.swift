import Foundation

/// Fills `{token}` (unsubscribe), `{preferences_token}`, `{id}`, `{email}`, `{edition}` and
/// `{date}` in link templates (values percent-encoded).
enum LinkTemplate {
    /// The placeholders that need the token secret.
    static let tokenPlaceholders = ["{token}", "{preferences_token}"]

    static func fill(_ template: String, token: String? = nil, preferencesToken: String? = nil, id: String? = nil,
                     email: String? = nil, edition: String? = nil, date: String? = nil) -> String {
        var result = template
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        for (name, value) in [("token", token), ("preferences_token", preferencesToken), ("id", id), ("email", email),
                              ("edition", edition), ("date", date)] {
            guard let value, result.has("{\(name)}") else { continue }
            result = result.replacingOccurrences(of: "{\(name)}", with: value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return result
    }
}
