import COpenSSL
import Foundation

/// Signed tokens in readers' links, each bound to one purpose: `<id>.<mac>` where the MAC is
/// HMAC-SHA256(secret, purpose + ":" + id) in base64url (`unsubscribe:` as before, so links in
/// digests already sent keep working; `preferences:`), and `<id>.<expiry>.<mac>` over
/// `confirm:<id>:<expiry>` for confirmations, which expire. A token of one purpose never verifies
/// as another. Verifying needs only the secret, no table of issued tokens; comparison is constant-time.
public struct UnsubscribeToken: Sendable {
    /// What a token lets its holder do.
    public enum Purpose: String, Sendable {
        case unsubscribe, preferences, confirm
    }

    private let secret: [UInt8]

    /// - Throws: `SubscriberError.missingSecret` when the variable is unset or empty.
    public init(environmentVariable name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SubscriberError) {
        guard let value = environment[name], !value.isEmpty else { throw .missingSecret(variable: name) }
        secret = Array(value.utf8)
    }

    public init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    /// The unsubscribe token for a subscriber id (what digests link to).
    public func token(for id: String) -> String {
        token(for: id, purpose: .unsubscribe)
    }

    /// A token for `purpose`; a confirmation token expires at `expires`.
    public func token(for id: String, purpose: Purpose, expires: Date? = nil) -> String {
        if purpose == .confirm {
            let stamp = String(Int((expires ?? Date()).timeIntervalSince1970))
            return id + "." + stamp + "." + Self.base64url(mac("confirm:\(id):\(stamp)"))
        }
        return id + "." + Self.base64url(mac("\(purpose.rawValue):\(id)"))
    }

    /// The subscriber id an unsubscribe token was made for, or `nil` when it is not genuine.
    public func verify(_ token: String) -> String? {
        verify(token, purpose: .unsubscribe)
    }

    /// The subscriber id a token of `purpose` was made for; nil when it is forged, of another
    /// purpose, or (for confirmations) expired at `now`.
    public func verify(_ token: String, purpose: Purpose, now: Date = Date()) -> String? {
        guard token.utf8.count <= 256, let dot = token.lastIndex(of: ".") else { return nil }
        let signed = token[..<dot]
        var id = String(signed)
        let message: String
        if purpose == .confirm {
            guard let stampDot = signed.lastIndex(of: "."), let stamp = Int(signed[signed.index(after: stampDot)...]) else { return nil }
            id = String(signed[..<stampDot])
            guard Date(timeIntervalSince1970: TimeInterval(stamp)) > now else { return nil }
            message = "confirm:\(id):\(stamp)"
        } else {
            message = "\(purpose.rawValue):\(id)"
        }
        let expected = Array(Self.base64url(mac(message)).utf8), given = Array(token[token.index(after: dot)...].utf8)
        guard !id.isEmpty, expected.count == given.count else { return nil }
        return copenssl_memcmp(expected, given, expected.count) == 0 ? id : nil
    }

    private func mac(_ text: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let message = Array(text.utf8)
        _ = copenssl_hmac_sha256(secret, Int32(secret.count), message, message.count, &out)
        return out
    }

    private static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
