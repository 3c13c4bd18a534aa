import COpenSSL
import Foundation

/// Unsubscribe tokens: `<subscriber id>.<HMAC-SHA256(secret, "unsubscribe:" + id), base64url>`.
/// Verifying needs only the secret, no table of issued tokens; without the secret a token can be
/// neither forged nor guessed from another (ids are random).
public struct UnsubscribeToken: Sendable {
    private let secret: [UInt8]

    /// - Throws: `SubscriberError.missingSecret` when the variable is unset or empty.
    public init(environmentVariable name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SubscriberError) {
        guard let value = environment[name], !value.isEmpty else { throw .missingSecret(variable: name) }
        secret = Array(value.utf8)
    }

    public init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    /// The token for a subscriber id.
    public func token(for id: String) -> String {
        id + "." + Self.base64url(mac(id))
    }

    /// The subscriber id a token was made for, or `nil` when it is not genuine.
    public func verify(_ token: String) -> String? {
        guard let dot = token.lastIndex(of: ".") else { return nil }
        let id = String(token[..<dot])
        let expected = Array(Self.base64url(mac(id)).utf8), given = Array(token[token.index(after: dot)...].utf8)
        guard !id.isEmpty, expected.count == given.count else { return nil }
        return copenssl_memcmp(expected, given, expected.count) == 0 ? id : nil
    }

    private func mac(_ id: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let message = Array("unsubscribe:\(id)".utf8)
        _ = copenssl_hmac_sha256(secret, Int32(secret.count), message, message.count, &out)
        return out
    }

    private static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
