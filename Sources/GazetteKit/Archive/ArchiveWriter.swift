import Foundation

/// The web archive of sent editions, plain files any web server can publish: `<date>.html`, the
/// digest as a web page without any reader's data (no token, name or address), `index.html`
/// listing the editions, and `feed.xml`, an Atom feed of them. `gazette run` writes it as each
/// edition starts (and catches up on editions sent before the archive existed); `gazette serve`
/// serves it at `/editions/`.
struct ArchiveWriter {
    let config: Config
    let templates: TemplateSet

    var directory: String { config.archiveDirectory }

    /// The file name of an edition's page.
    static func fileName(of digest: Digest) -> String {
        Timestamp.day(digest.editionDate, in: digest.timeZone) + ".html"
    }

    /// Writes `current` (always) and every earlier edition whose page is missing, then the index
    /// and the feed. Editions are those with a saved digest in the state folder.
    func update(current: Digest?) throws(StateError) {
        var editions: [Digest] = DeliveryJournal.editions(in: config.stateDirectory).compactMap { try? $0.loadDigest() }
        if let current, !editions.contains(where: { $0.editionID == current.editionID }) { editions.append(current) }
        editions.sort { $0.editionDate > $1.editionDate }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StateError(path: directory, message: "cannot create the archive folder: \(error.localizedDescription)")
        }
        for digest in editions {
            let path = (directory as NSString).appendingPathComponent(Self.fileName(of: digest))
            guard digest.editionID == current?.editionID || !FileManager.default.fileExists(atPath: path) else { continue }
            try write(Array(page(digest).utf8), to: path)
        }
        try write(Array(index(editions).utf8), to: (directory as NSString).appendingPathComponent("index.html"))
        try write(feed(editions), to: (directory as NSString).appendingPathComponent("feed.xml"))
    }

    /// The edition as a web page: rendered for no reader, with a link to subscribe.
    func page(_ digest: Digest) -> String {
        var copy = digest
        copy.footer.subscribeURL = config.serve.baseURL.map { $0 + "/subscribe" }
        return DigestRenderer(digest: copy, templates: templates).render(for: Recipient(email: "", format: .html)).html ?? ""
    }

    private func index(_ editions: [Digest]) -> String {
        var context = PageContext.base(config)
        context["pageTitle"] = "Past editions"
        context["editions"] = editions.map { digest -> [String: Any] in
            var entry: [String: Any] = ["file": Self.fileName(of: digest), "date": Timestamp.day(digest.editionDate, in: digest.timeZone)]
            if let first = digest.sections.first?.items.first?.headline { entry["headline"] = first }
            return entry
        }
        if let base = config.serve.baseURL { context["subscribeURL"] = base + "/subscribe" }
        return templates.render(context, template: "archive.html")
    }

    /// Atom 1.0 (RFC 4287): one entry per edition, its headlines as the summary.
    private func feed(_ editions: [Digest]) -> [UInt8] {
        let base = config.serve.baseURL.map { $0 + "/editions/" } ?? ""
        func escaped(_ text: String) -> String {
            var out: [UInt8] = []
            PersonalisedTemplate.appendEscaped(text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let updated = editions.first.map { Timestamp.rfc3339($0.editionDate) } ?? Timestamp.rfc3339(Date(timeIntervalSince1970: 0))
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title>\(escaped(config.title))</title>
        <id>tag:\(escaped(config.listID)),2026:editions</id>
        <updated>\(updated)</updated>
        <link rel="alternate" type="text/html" href="\(escaped(base))index.html"/>

        """
        for digest in editions {
            let day = Timestamp.day(digest.editionDate, in: digest.timeZone)
            let headlines = digest.sections.flatMap { $0.items.map(\.headline) }
            xml += """
            <entry>
            <title>\(escaped(MessageFactory.subject(for: digest)))</title>
            <id>tag:\(escaped(config.listID)),2026:edition:\(day)</id>
            <updated>\(Timestamp.rfc3339(digest.editionDate))</updated>
            <link rel="alternate" type="text/html" href="\(escaped(base + Self.fileName(of: digest)))"/>
            <summary>\(escaped(headlines.joined(separator: " · ")))</summary>
            </entry>

            """
        }
        xml += "</feed>\n"
        return Array(xml.utf8)
    }

    private func write(_ bytes: [UInt8], to path: String) throws(StateError) {
        do {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error.reason)")
        }
    }
}
