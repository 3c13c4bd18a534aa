import Foundation

/// Fills `{token}`, `{id}`, `{email}`, `{edition}` and `{date}` in link templates (values percent-encoded).
enum LinkTemplate {
    static func fill(_ template: String, token: String? = nil, id: String? = nil, email: String? = nil,
                            edition: String? = nil, date: String? = nil) -> String {
        var result = template
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        for (name, value) in [("token", token), ("id", id), ("email", email), ("edition", edition), ("date", date)] {
            guard let value, result.has("{\(name)}") else { continue }
            result = result.replacingOccurrences(of: "{\(name)}", with: value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return result
    }
}
