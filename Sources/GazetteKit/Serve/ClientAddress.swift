/// The address a request came from: the peer, or, when the peer is a trusted reverse proxy,
/// the last address in `X-Forwarded-For` that is not itself a trusted proxy (an address a client
/// writes into the header is never believed unless a trusted proxy added it).
enum ClientAddress {
    static func of(peer: String?, forwardedFor: String?, trusted: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) { return hop }
        return hops.first ?? peer
    }
}
