import Foundation
import Yams

/// Reads and validates a config file; every problem is reported with its line and column.
public enum ConfigReader {
    /// Reads and parses the file at `path`; relative paths in it resolve against its folder.
    public static func load(path: String) throws(ConfigError) -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError([ConfigProblem(file: path, message: "cannot be read (does it exist?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError([ConfigProblem(file: path, message: "is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    /// Parses YAML text; `path` names the file in problems and is the base for relative paths.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> Config {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError([problem(from: error, file: path)])
        } catch {
            throw ConfigError([ConfigProblem(file: path, message: "\(error)")])
        }
        var problems: [ConfigProblem] = []
        guard var top = YAMLFields(root, file: path, problems: &problems, what: "the config") else {
            throw ConfigError(problems.isEmpty ? [ConfigProblem(file: path, message: "is empty")] : problems)
        }
        var config = Config(path: path)
        read(&top, into: &config)
        config.delivery.outbox = config.resolve(config.delivery.outbox)
        top.rejectUnknownKeys(in: "the config")
        problems += top.problems
        if config.sources.isEmpty, top.node("sources") == nil {
            problems.append(ConfigProblem(file: path, message: "no sources: add a \"sources:\" list with at least one url and section"))
        }
        guard problems.isEmpty else { throw ConfigError(problems) }
        return config
    }

    private static func read(_ top: inout YAMLFields, into config: inout Config) {
        if let title = top.string("title") { config.title = title }
        if let listID = top.string("list_id") {
            if listID.contains(" ") || !listID.contains(".") {
                top.problem(top.node("list_id"), "list_id must look like a domain name, such as morning.example.org")
            }
            config.listID = listID
        }
        if let zone = top.string("time_zone") {
            if let timeZone = TimeZone(identifier: zone) { config.timeZone = timeZone } else {
                top.problem(top.node("time_zone"), "time_zone \"\(zone)\" is not an IANA zone name such as Europe/London")
            }
        }
        if let language = top.string("language") { config.language = language }
        config.intro = top.string("intro")
        if var sender = top.section("sender") {
            config.sender.name = sender.string("name")
            if let address = sender.string("address") {
                if (try? EmailAddress.normalize(address)) == nil {
                    sender.problem(sender.node("address"), "sender address \"\(address)\" is not a valid email address")
                }
                config.sender.address = address
            } else {
                sender.problem(nil, "sender needs an address")
            }
            config.sender.replyTo = sender.string("reply_to")
            if let value = sender.string("envelope_from") {
                let sample = ReturnPath(value).address(for: "0123456789abcdef")
                if (try? EmailAddress.normalize(sample)) == nil || value.components(separatedBy: ReturnPath.placeholder).count > 2
                    || value.range(of: ReturnPath.placeholder).map({ value[$0.upperBound...].contains("@") }) == false {
                    sender.problem(sender.node("envelope_from"), "sender.envelope_from \"\(value)\" is not a valid address (at most one {id}, in the local part: bounces+{id}@example.org)")
                }
                config.sender.envelopeFrom = value
            }
            sender.rejectUnknownKeys(in: "sender")
            top.absorb(sender)
        }
        if let nodes = top.sequence("sources") {
            if nodes.isEmpty { top.problem(top.node("sources"), "sources is empty: list at least one feed or article") }
            for node in nodes {
                var problems: [ConfigProblem] = []
                guard var fields = YAMLFields(node, file: top.file, problems: &problems, what: "a source") else {
                    top.problems += problems
                    continue
                }
                let url = fields.string("url")
                let section = fields.string("section")
                if url == nil { fields.problem(nil, "a source needs a url") }
                if section == nil { fields.problem(nil, "a source needs a section name") }
                if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("file:")) {
                    fields.problem(fields.node("url"), "source url \"\(url)\" must start with http://, https:// or file:")
                }
                var source = SourceConfig(url: url.map { resolveFileURL($0, config: config) } ?? "", section: section ?? "")
                source.kind = fields.choice("kind", SourceConfig.Kind.self) ?? .feed
                source.name = fields.string("name")
                source.maxItems = fields.int("max_items", range: 1...1000)
                source.include = fields.strings("include") ?? []
                source.exclude = fields.strings("exclude") ?? []
                fields.rejectUnknownKeys(in: "a source")
                top.absorb(fields)
                config.sources.append(source)
            }
        }
        if var selection = top.section("selection") {
            if let node = selection.node("first_run_lookback_hours"), node.string?.lowercased() == "all" {
                _ = selection.string("first_run_lookback_hours")
                config.selection.firstRunLookbackHours = nil
            } else if let hours = selection.double("first_run_lookback_hours", range: 1...87_600) {
                config.selection.firstRunLookbackHours = hours
            }
            if let value = selection.int("max_items_per_section", range: 1...500) { config.selection.maxItemsPerSection = value }
            if let value = selection.int("max_items", range: 1...1000) { config.selection.maxItems = value }
            if let value = selection.int("lead_paragraphs", range: 0...10) { config.selection.leadParagraphs = value }
            if let value = selection.int("lead_characters", range: 0...10_000) { config.selection.leadCharacters = value }
            if let value = selection.bool("fetch_articles") { config.selection.fetchArticles = value }
            if let value = selection.bool("skip_empty") { config.selection.skipEmpty = value }
            if let value = selection.double("future_skew_hours", range: 0...168) { config.selection.futureSkewHours = value }
            if let value = selection.bool("cluster_stories") { config.selection.clusterStories = value }
            if let value = selection.double("story_window_days", range: 0...30) { config.selection.storyWindowDays = value }
            selection.rejectUnknownKeys(in: "selection")
            top.absorb(selection)
        }
        if var fetch = top.section("fetch") {
            if let value = fetch.double("timeout", range: 1...600) { config.fetch.timeout = value }
            if let value = fetch.double("connect_timeout", range: 1...120) { config.fetch.connectTimeout = value }
            if let value = fetch.int("concurrency", range: 1...256) { config.fetch.concurrency = value }
            if let value = fetch.int("per_host", range: 1...64) { config.fetch.perHost = value }
            if let value = fetch.int("max_bytes", range: 1024...1_073_741_824) { config.fetch.maxBytes = value }
            if let value = fetch.int("attempts", range: 1...10) { config.fetch.attempts = value }
            config.fetch.contact = fetch.string("contact")
            fetch.rejectUnknownKeys(in: "fetch")
            top.absorb(fetch)
        }
        if let value = top.choice("images", ImagePlacement.self) { config.images = value }
        if let value = top.string("templates") { config.templateDirectory = config.resolve(value) }
        if let value = top.string("subscribers") { config.subscribersFile = value }
        config.subscribersFile = config.resolve(config.subscribersFile)
        if let value = top.string("state_dir") { config.stateDirectory = value }
        config.stateDirectory = config.resolve(config.stateDirectory)
        readDelivery(&top, into: &config)
        readInbox(&top, into: &config)
        if var links = top.section("links") {
            config.links.unsubscribe = links.string("unsubscribe")
            config.links.preferences = links.string("preferences")
            config.links.web = links.string("web")
            config.links.unsubscribeMailto = links.string("unsubscribe_mailto")
            for key in ["unsubscribe", "preferences", "web"] {
                if let value = links.string(key), !(value.hasPrefix("https://") || value.hasPrefix("http://")) {
                    links.problem(links.node(key), "links.\(key) must be an http(s) URL template")
                }
            }
            links.rejectUnknownKeys(in: "links")
            top.absorb(links)
        }
        if var footer = top.section("footer") {
            config.footer.text = footer.string("text")
            config.footer.address = footer.string("address")
            if let value = footer.bool("report_failing_sources") { config.footer.reportFailingSources = value }
            if let value = footer.int("failing_after_runs", range: 1...100) { config.footer.failingAfterRuns = value }
            footer.rejectUnknownKeys(in: "footer")
            top.absorb(footer)
        }
        if var serve = top.section("serve") {
            if let value = serve.string("base_url") {
                if !(value.hasPrefix("https://") || value.hasPrefix("http://")) || value.contains("{") {
                    serve.problem(serve.node("base_url"), "serve.base_url must be the server's public http(s) URL, such as https://news.example.org")
                }
                config.serve.baseURL = value.hasSuffix("/") ? String(value.dropLast()) : value
            }
            if let value = serve.string("listen") {
                if ListenAddress(value) == nil {
                    serve.problem(serve.node("listen"), "serve.listen must be HOST:PORT, such as 127.0.0.1:8080")
                }
                config.serve.listen = value
            }
            if let value = serve.double("confirm_days", range: 0.01...365) { config.serve.confirmDays = value }
            if let value = serve.strings("trusted_proxies") { config.serve.trustedProxies = value }
            if let value = serve.int("subscribes_per_hour", range: 1...100_000) { config.serve.subscribesPerHour = value }
            if let value = serve.string("archive") { config.serve.archive = config.resolve(value) }
            serve.rejectUnknownKeys(in: "serve")
            top.absorb(serve)
        }
        // With the server's URL known, links nobody wrote point at its routes.
        if let base = config.serve.baseURL {
            config.links.unsubscribe = config.links.unsubscribe ?? base + "/unsubscribe?token={token}"
            config.links.preferences = config.links.preferences ?? base + "/preferences?token={preferences_token}"
            config.links.web = config.links.web ?? base + "/editions/{date}.html"
        }
        if var secrets = top.section("secrets") {
            if let value = secrets.string("unsubscribe_secret_env") { config.unsubscribeSecretEnv = value }
            secrets.rejectUnknownKeys(in: "secrets")
            top.absorb(secrets)
        }
    }

    private static func readDelivery(_ top: inout YAMLFields, into config: inout Config) {
        guard var delivery = top.section("delivery") else { return }
        if let backend = delivery.choice("backend", Config.Backend.self) { config.delivery.backend = backend }
        if let outbox = delivery.string("outbox") { config.delivery.outbox = outbox }
        if let value = delivery.double("max_minutes", range: 1...10_080) { config.delivery.maxMinutes = value }
        if let value = delivery.int("stop_after_failures", range: 1...1000) { config.delivery.stopAfterFailures = value }
        config.delivery.outbox = config.resolve(config.delivery.outbox)
        if var smtp = delivery.section("smtp") {
            if smtp.node("password") != nil {
                smtp.problem(smtp.node("password"), "passwords are never read from the config: name an environment variable with password_env")
                _ = smtp.string("password")
            }
            let url = smtp.string("url") ?? ""
            if !(url.hasPrefix("smtp://") || url.hasPrefix("smtps://")) {
                smtp.problem(smtp.node("url"), "delivery.smtp.url must start with smtp:// or smtps://")
            }
            var settings = SMTPSettings(url: url)
            if let value = smtp.choice("starttls", SMTPSettings.StartTLS.self) { settings.startTLS = value }
            settings.username = smtp.string("username")
            config.delivery.passwordEnv = smtp.string("password_env")
            settings.caFile = smtp.string("ca_file").map(config.resolve)
            if let value = smtp.bool("verify_certificate") { settings.verifyCertificate = value }
            if let value = smtp.int("concurrency", range: 1...64) { settings.concurrency = value }
            if let value = smtp.double("timeout", range: 1...3600) { settings.timeout = value }
            settings.heloName = smtp.string("helo")
            smtp.rejectUnknownKeys(in: "delivery.smtp")
            delivery.absorb(smtp)
            config.delivery.smtp = settings
        }
        if config.delivery.backend == .smtp, config.delivery.smtp == nil {
            delivery.problem(delivery.node("backend"), "backend smtp needs a delivery.smtp section with a url")
        }
        delivery.rejectUnknownKeys(in: "delivery")
        top.absorb(delivery)
    }

    private static func readInbox(_ top: inout YAMLFields, into config: inout Config) {
        guard var inbox = top.section("inbox") else { return }
        if var imap = inbox.section("imap") {
            if imap.node("password") != nil {
                imap.problem(imap.node("password"), "passwords are never read from the config: name an environment variable with password_env")
                _ = imap.string("password")
            }
            if let url = imap.string("url") {
                if !(url.hasPrefix("imap://") || url.hasPrefix("imaps://")) {
                    imap.problem(imap.node("url"), "inbox.imap.url must start with imap:// or imaps:// (imaps://user@host/INBOX)")
                }
                config.inbox.imapURL = url
            }
            if let value = imap.string("password_env") { config.inbox.imapPasswordEnv = value }
            config.inbox.caFile = imap.string("ca_file").map(config.resolve)
            if let value = imap.bool("verify_certificate") { config.inbox.verifyCertificate = value }
            imap.rejectUnknownKeys(in: "inbox.imap")
            inbox.absorb(imap)
        }
        if let value = inbox.int("soft_bounce_limit", range: 1...1000) { config.inbox.softBounceLimit = value }
        if let value = inbox.double("soft_bounce_days", range: 1...3650) { config.inbox.softBounceDays = value }
        if let value = inbox.int("max_message_kib", range: 64...1_048_576) { config.inbox.maxMessageBytes = value << 10 }
        inbox.rejectUnknownKeys(in: "inbox")
        top.absorb(inbox)
    }

    /// `file:relative/path` is taken relative to the config's folder.
    static func resolveFileURL(_ url: String, config: Config) -> String {
        guard url.hasPrefix("file:"), !url.hasPrefix("file://") else { return url }
        let path = String(url.dropFirst(5))
        return "file://" + URL(fileURLWithPath: config.resolve(path)).standardizedFileURL.path
    }

    static func problem(from error: YamlError, file: String) -> ConfigProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ConfigProblem(file: file, line: mark.line, column: mark.column, message: "YAML: \(text)")
        default:
            return ConfigProblem(file: file, message: "YAML: \(error)")
        }
    }
}
