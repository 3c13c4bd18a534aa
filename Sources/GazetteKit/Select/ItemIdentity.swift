import Foundation

/// How an item is recognised from one run to the next and across feeds.
enum ItemIdentity {
    /// Query parameters that only track where a click came from.
    static let trackingParameters: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
                                                   "yclid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ito"]

    /// The link without fragment and tracking parameters (`utm_*` and the usual click ids),
    /// scheme and host lower-cased, default port and empty query removed.
    static func canonicalLink(_ link: String) -> String? {
        guard var components = URLComponents(string: link.trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        components.fragment = nil
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) { components.port = nil }
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        if components.path.isEmpty { components.path = "/" }
        return components.string
    }

    /// Keys for an item, most specific first: `guid:<id>`, `link:<canonical link>`, and when
    /// neither exists `hash:<title and lead>`.
    static func keys(guid: String?, link: String?, title: String, lead: String) -> [String] {
        var keys: [String] = []
        if let guid = guid?.trimmed, !guid.isEmpty { keys.append("guid:" + guid) }
        if let link = link.flatMap(canonicalLink) { keys.append("link:" + link) }
        if keys.isEmpty {
            keys.append("hash:" + StableHash.hex(title.collapsingWhitespace.lowercased() + "\n" + lead.collapsingWhitespace.lowercased()))
        }
        return keys
    }
}
