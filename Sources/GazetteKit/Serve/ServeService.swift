import Foundation
import Logging

/// What every route of `gazette serve` shares: the config, the subscriber store and its change
/// writer, the token signer, the templates, the rate limits and the mailer. Routes are small
/// functions over it (see `ServeRoutes`); a GET never changes anything.
final class ServeService: Sendable {
    let config: Config
    let store: SubscriberStore
    let tokens: UnsubscribeToken
    let templates: TemplateSet
    let writer: ChangeWriter
    let mailer: ConfirmationMailer
    /// Where confirmations are sent: a delivery blocks its thread until the relay answers, which
    /// must never hold the threads that serve requests.
    let mailQueue = DispatchQueue(label: "gazette.serve.confirmations")
    let perClient: RateLimiter
    let perAddress: RateLimiter
    let logger: Logger
    let trustedProxies: Set<String>
    /// Section names from the config's sources, in order.
    let sections: [String]
    /// Largest request body read, in bytes.
    static let maxBody = 16 * 1024

    init(config: Config, tokens: UnsubscribeToken, templates: TemplateSet, backend: any DeliveryBackend, logger: Logger) {
        self.config = config
        store = SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile))
        self.tokens = tokens
        self.templates = templates
        writer = ChangeWriter(store: store)
        mailer = ConfirmationMailer(config: config, templates: templates, tokens: tokens, backend: backend)
        perClient = RateLimiter(perHour: config.serve.subscribesPerHour)
        perAddress = RateLimiter(perHour: 1)
        self.logger = logger
        trustedProxies = Set(config.serve.trustedProxies)
        var seen = Set<String>()
        sections = config.sources.map(\.section).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The subscriber a token of `purpose` names, as the list is now (pending changes included).
    func subscriber(for token: String?, purpose: UnsubscribeToken.Purpose) -> Subscriber? {
        guard let token, let id = tokens.verify(token, purpose: purpose) else { return nil }
        return (try? store.read())?.subscribers.first { $0.id == id }
    }

    /// A page from the templates with the shared context.
    func page(_ template: String, title: String, _ context: [String: Any] = [:]) -> String {
        var full = PageContext.base(config)
        full["pageTitle"] = title
        if let intro = config.intro { full["intro"] = intro }
        full.merge(context) { $1 }
        return templates.render(full, template: template)
    }

    /// A notice page: a heading, paragraphs and perhaps one button posting a token.
    func notice(_ heading: String, _ paragraphs: [String], action: (path: String, token: String, label: String, secondary: Bool)? = nil) -> String {
        var context: [String: Any] = ["heading": heading, "paragraphs": paragraphs]
        if let action {
            context["action"] = ["path": action.path, "token": action.token, "label": action.label, "secondary": action.secondary]
        }
        return page("notice.html", title: heading, context)
    }

    /// The section list for a form, `chosen` ticked.
    func sectionChoices(chosen: [String]) -> [[String: Any]] {
        sections.enumerated().map { index, name in
            ["index": index, "name": name, "chosen": chosen.contains { $0.caseInsensitiveCompare(name) == .orderedSame }]
        }
    }

    /// Only sections the config has, by their configured names.
    func knownSections(_ wanted: [String]) -> [String] {
        sections.filter { name in wanted.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
    }
}
