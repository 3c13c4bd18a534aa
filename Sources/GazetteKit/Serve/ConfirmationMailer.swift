import Foundation

/// Sends the message that asks a new reader to confirm, through the configured delivery backend:
/// its own small template, its own Message-ID, a link to `/confirm` with a confirmation token.
struct ConfirmationMailer: Sendable {
    let config: Config
    let templates: TemplateSet
    let tokens: UnsubscribeToken
    let backend: any DeliveryBackend

    /// Builds and hands over the message; returns the delivery's outcome.
    func send(to subscriberID: String, email: String, name: String?, now: Date = Date()) -> DeliveryOutcome {
        let expires = now.addingTimeInterval(config.serve.confirmDays * 86_400)
        let token = tokens.token(for: subscriberID, purpose: .confirm, expires: expires)
        let base = config.serve.baseURL ?? "http://\(config.serve.listen)"
        var context = PageContext.base(config)
        context["confirmURL"] = LinkTemplate.fill(base + "/confirm?token={token}", token: token)
        context["days"] = config.serve.confirmDays.rounded() == config.serve.confirmDays ? String(Int(config.serve.confirmDays)) : String(config.serve.confirmDays)
        let rendered = RenderedDigest(html: templates.render(context, template: "confirm-mail.html"),
                                      text: templates.render(context, template: "confirm-mail.txt"),
                                      itemsShown: 0, itemsShortened: 0, itemsDropped: 0)
        let builder = MessageBuilder(settings: MessageSettings(config: config, unsubscribeMailto: nil))
        // A Message-ID of its own: the "edition" is this confirmation request.
        let message = builder.build(edition: "confirm/\(subscriberID)/\(Int(now.timeIntervalSince1970))",
                                    subject: "Confirm your subscription to \(config.title)", date: now, rendered: rendered,
                                    recipient: Recipient(email: email, name: name), subscriberID: subscriberID)
        return backend.deliver([message], observer: nil).first?.outcome ?? .deferred("not sent")
    }
}
