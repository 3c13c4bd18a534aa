import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// The request context of `gazette serve`: Hummingbird's, plus the peer's address.
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}

/// The routes, each a small function over the shared `ServeService`. A GET shows a page and
/// changes nothing (link scanners only GET); every change is a POST, answered after it is durable.
enum ServeRoutes {
    static func register(on router: Router<ServeContext>, service: ServeService) {
        router.get("/") { _, _ in html(service.page("subscribe.html", title: "Subscribe", form(service))) }
        router.get("/subscribe") { _, _ in html(service.page("subscribe.html", title: "Subscribe", form(service))) }
        router.post("/subscribe") { request, context in try await subscribe(request, context, service) }
        router.get("/confirm") { request, _ in confirmPage(request, service) }
        router.post("/confirm") { request, context in try await confirm(request, context, service) }
        router.get("/unsubscribe") { request, _ in unsubscribePage(request, service) }
        router.post("/unsubscribe") { request, context in try await unsubscribe(request, context, service) }
        router.post("/resubscribe") { request, context in try await resubscribe(request, context, service) }
        router.get("/preferences") { request, _ in preferencesPage(request, service) }
        router.post("/preferences") { request, context in try await savePreferences(request, context, service) }
        // The archive's pages link relatively, so its index is served at `/editions/` only.
        router.get("/editions") { request, _ in
            request.uri.path.hasSuffix("/") ? archiveFile("index.html", service)
                : Response(status: .movedPermanently, headers: [.location: "editions/"])
        }
        router.get("/editions/{file}") { _, context in archiveFile(context.parameters.get("file") ?? "", service) }
    }

    // MARK: Subscribe

    static func form(_ service: ServeService) -> [String: Any] {
        ["sections": service.sectionChoices(chosen: []), "hasSections": service.sections.count > 1]
    }

    static let checkInbox = ["If the address can receive mail, a message with a link to confirm is on its way.",
                             "Nothing is sent to you until you confirm."]

    static func subscribe(_ request: Request, _ context: ServeContext, _ service: ServeService) async throws -> Response {
        guard let form = await body(request, context) else { return tooLarge(service) }
        let client = ClientAddress.of(peer: context.peer, forwardedFor: request.headers[forwardedFor], trusted: service.trustedProxies)
        // A filled hidden field is a robot: the same answer, nothing done.
        if let trap = form["website"], !trap.isEmpty { return html(service.notice("Check your inbox", checkInbox)) }
        guard await service.perClient.allow(client) else {
            return html(service.notice("Too many requests", ["Please try again in an hour."]), status: .tooManyRequests)
        }
        let email: String
        do {
            email = try EmailAddress.normalize((form["email"] ?? "").trimmed)
        } catch {
            var again = Self.form(service)
            again["error"] = "That address cannot be used: \(error.description)."
            return html(service.page("subscribe.html", title: "Subscribe", again), status: .badRequest)
        }
        let name = form["name"].flatMap(Subscriber.normalizedName).map { String($0.prefix(100)) }
        let sections = service.knownSections(form.all("section"))
        let format = MailFormat(rawValue: form["format"] ?? "html") ?? .html
        let existing = (try? service.store.read())?.subscribers.first { $0.email.lowercased() == email.lowercased() }
        // An active reader needs nothing; anyone else gets a confirmation (at most one an hour).
        if existing?.status != .active {
            let id = existing?.id ?? Subscriber.newID()
            do {
                try await service.writer.record(SubscriberChange(kind: .subscribe, id: id, email: email, name: name, format: format,
                                                                 sections: sections))
            } catch {
                return unavailable(service, error)
            }
            if await service.perAddress.allow(email) {
                let mailer = service.mailer, logger = service.logger
                service.mailQueue.async {
                    let outcome = mailer.send(to: id, email: email, name: name)
                    logger.info("confirmation \(outcome.name)", metadata: ["subscriber": "\(id)"])
                }
            }
        }
        service.logger.info("subscribe", metadata: ["client": "\(client)"])
        return html(service.notice("Check your inbox", checkInbox))
    }

    // MARK: Confirm

    static func confirmPage(_ request: Request, _ service: ServeService) -> Response {
        let token = request.uri.queryParameters["token"].map(String.init)
        guard let token, service.tokens.verify(token, purpose: .confirm) != nil else { return html(expired(service)) }
        return html(service.notice("Confirm your subscription", ["Press the button to start receiving \(service.config.title)."],
                                   action: ("confirm", token, "Confirm", false)))
    }

    static func confirm(_ request: Request, _ context: ServeContext, _ service: ServeService) async throws -> Response {
        guard let form = await body(request, context) else { return tooLarge(service) }
        guard let token = form["token"], let id = service.tokens.verify(token, purpose: .confirm) else { return html(expired(service)) }
        do {
            try await service.writer.record(SubscriberChange(kind: .confirm, id: id))
        } catch {
            return unavailable(service, error)
        }
        service.logger.info("confirm", metadata: ["subscriber": "\(id)"])
        return html(service.notice("You are subscribed", ["The next edition of \(service.config.title) will reach you."]))
    }

    static func expired(_ service: ServeService) -> String {
        service.notice("This link does not work", ["It may have expired. You can subscribe again from the subscribe page."])
    }

    // MARK: Unsubscribe

    static func unsubscribePage(_ request: Request, _ service: ServeService) -> Response {
        // The same page for any token, genuine or not: it tells nothing about the list.
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        return html(service.notice("Unsubscribe", ["Press the button to stop receiving \(service.config.title)."],
                                   action: ("unsubscribe", token, "Unsubscribe", false)))
    }

    /// RFC 8058 one-click (`List-Unsubscribe=One-Click`, or an empty body, with the token in the
    /// URL) and the page's form (the token in the body) alike; a bad token changes nothing and gets
    /// the same answer.
    static func unsubscribe(_ request: Request, _ context: ServeContext, _ service: ServeService) async throws -> Response {
        guard let form = await body(request, context) else { return tooLarge(service) }
        let token = form["token"] ?? request.uri.queryParameters["token"].map(String.init) ?? ""
        if let id = service.tokens.verify(token, purpose: .unsubscribe) {
            do {
                try await service.writer.record(SubscriberChange(kind: .unsubscribe, id: id))
            } catch {
                return unavailable(service, error)
            }
            service.logger.info("unsubscribe", metadata: ["subscriber": "\(id)"])
        }
        return html(service.notice("You are unsubscribed", ["You will not receive \(service.config.title) any more.",
                                                            "Unsubscribed by mistake?"],
                                   action: ("resubscribe", token, "Subscribe again", true)))
    }

    static func resubscribe(_ request: Request, _ context: ServeContext, _ service: ServeService) async throws -> Response {
        guard let form = await body(request, context) else { return tooLarge(service) }
        if let token = form["token"], let id = service.tokens.verify(token, purpose: .unsubscribe) {
            do {
                try await service.writer.record(SubscriberChange(kind: .resubscribe, id: id))
            } catch {
                return unavailable(service, error)
            }
            service.logger.info("resubscribe", metadata: ["subscriber": "\(id)"])
        }
        return html(service.notice("Welcome back", ["You will receive \(service.config.title) again."]))
    }

    // MARK: Preferences

    static func preferencesPage(_ request: Request, _ service: ServeService) -> Response {
        let token = request.uri.queryParameters["token"].map(String.init)
        guard let token, let subscriber = service.subscriber(for: token, purpose: .preferences) else { return html(expired(service)) }
        var context: [String: Any] = ["token": token, "email": subscriber.email, "html": subscriber.format == .html,
                                      "sections": service.sectionChoices(chosen: subscriber.sections),
                                      "hasSections": service.sections.count > 1,
                                      "unsubscribeToken": service.tokens.token(for: subscriber.id)]
        if let paused = subscriber.pausedUntil, paused > Date() { context["pausedUntil"] = Timestamp.day(paused, in: service.config.timeZone) }
        return html(service.page("preferences.html", title: "Preferences", context))
    }

    static func savePreferences(_ request: Request, _ context: ServeContext, _ service: ServeService) async throws -> Response {
        guard let form = await body(request, context) else { return tooLarge(service) }
        guard let token = form["token"], let id = service.tokens.verify(token, purpose: .preferences) else { return html(expired(service)) }
        var pause = Date.distantPast
        if let text = form["pause"]?.trimmed, !text.isEmpty {
            guard let date = Timestamp.parse(text) else {
                return html(service.notice("That date is not right", ["Please give the date as on the form."]), status: .badRequest)
            }
            pause = date
        }
        let change = SubscriberChange(kind: .preferences, id: id, format: MailFormat(rawValue: form["format"] ?? ""),
                                      sections: service.knownSections(form.all("section")), pausedUntil: pause)
        do {
            try await service.writer.record(change)
        } catch {
            return unavailable(service, error)
        }
        service.logger.info("preferences", metadata: ["subscriber": "\(id)"])
        return html(service.notice("Saved", ["Your preferences apply from the next edition."]))
    }

    // MARK: Archive

    /// A file of the web archive: names of letters, digits, `.`, `-` and `_` only.
    static func archiveFile(_ name: String, _ service: ServeService) -> Response {
        guard !name.isEmpty, !name.hasPrefix("."), name.utf8.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }),
              let bytes = AtomicFile.readBytes((service.config.archiveDirectory as NSString).appendingPathComponent(name)) else {
            return html(service.notice("Not found", ["There is no such edition."]), status: .notFound)
        }
        let type = name.hasSuffix(".xml") ? "application/atom+xml; charset=utf-8" : "text/html; charset=utf-8"
        var headers = securityHeaders
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: Plumbing

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static let securityHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ]

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: securityHeaders, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The request's form body, read up to the limit; nil when it is larger.
    static func body(_ request: Request, _ context: ServeContext) async -> FormData? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: ServeService.maxBody) else { return nil }
        return FormData(bytes: Array(buffer.readableBytesView))
    }

    static func tooLarge(_ service: ServeService) -> Response {
        html(service.notice("Too large", ["The request was larger than this server reads."]), status: .contentTooLarge)
    }

    /// The change could not be recorded (a full disk, say): nothing was acknowledged.
    static func unavailable(_ service: ServeService, _ error: any Error) -> Response {
        service.logger.error("change not recorded: \(error)")
        return html(service.notice("Please try again later", ["The request could not be saved just now. Nothing was changed."]),
                    status: .serviceUnavailable)
    }
}
