import Foundation

/// The secrets a config names, read from the environment once: the key that signs unsubscribe
/// tokens and the SMTP password. `run` stops at the first problem, `check` lists them all, and
/// `preview` signs with a placeholder instead.
struct Secrets: Sendable {
    /// Signs and verifies tokens; nil when the variable is unset (an error only if links need it).
    var tokens: UnsubscribeToken?
    var smtpPassword: String?
    /// What is missing, one sentence each.
    var problems: [String] = []

    init(config: Config, environment: [String: String]) {
        if let secret = environment[config.unsubscribeSecretEnv], !secret.isEmpty {
            tokens = UnsubscribeToken(secret: secret)
        } else {
            tokens = nil
            if Self.linksNeedTokens(config.links) {
                problems.append("the links use a {token} but $\(config.unsubscribeSecretEnv) is not set (secrets.unsubscribe_secret_env)")
            }
        }
        if config.delivery.backend == .smtp, let variable = config.delivery.passwordEnv {
            smtpPassword = environment[variable]
            if smtpPassword == nil { problems.append("delivery.smtp.password_env names $\(variable), which is not set") }
        }
    }

    /// Whether the link templates carry a `{token}`, so sending needs the token secret.
    static func linksNeedTokens(_ links: MessageLinks) -> Bool {
        [links.unsubscribe, links.preferences, links.web].contains { link in
            LinkTemplate.tokenPlaceholders.contains { link?.has($0) == true }
        }
    }
}
