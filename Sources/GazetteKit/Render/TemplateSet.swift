import Foundation
import Mustache

/// The digest templates: the built-in defaults (compiled into the binary from `Templates/`),
/// each replaced by a file of the same name in an override directory when there is one.
public struct TemplateSet: Sendable {
    /// Template names (file names without `.mustache`): the digest's, then the pages of `gazette
    /// serve`, the confirmation message and the archive's index.
    public static let names = ["digest.html", "section.html", "item.html", "footer.html",
                               "digest.txt", "section.txt", "item.txt", "footer.txt",
                               "page-top.html", "page-bottom.html", "subscribe.html", "notice.html", "preferences.html",
                               "confirm-mail.txt", "confirm-mail.html", "archive.html"]

    let library: MustacheLibrary
    /// Where each template came from: "built-in" or a file path.
    public let origins: [String: String]

    /// The built-in templates, optionally overridden file by file from `directory`.
    public init(overrides directory: String? = nil) throws {
        var sources: [String: (text: String, origin: String)] = [:]
        for name in Self.names {
            guard let bytes = Self.builtIn[name] else { throw RenderError.missingTemplate(name) }
            sources[name] = (String(decoding: bytes, as: UTF8.self), "built-in \(name).mustache")
        }
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RenderError.unreadable(path: directory, reason: "template directory does not exist")
            }
            for name in Self.names {
                let path = (directory as NSString).appendingPathComponent(name + ".mustache")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw RenderError.unreadable(path: path, reason: "cannot be read")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw RenderError.unreadable(path: path, reason: "is not UTF-8")
                }
                sources[name] = (text, path)
            }
        }
        try self.init(sources: sources.mapValues { $0 })
    }

    /// Templates from text, keyed by name; `origin` names the file in error messages.
    public init(sources: [String: (text: String, origin: String)]) throws {
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for (name, source) in sources {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                if let unclosed = Self.unclosedTag(in: source.text) {
                    throw RenderError.template(file: source.origin, line: unclosed.line, column: unclosed.column,
                                               message: "tag is not closed")
                }
                throw RenderError.template(file: source.origin, line: error.context.lineNumber,
                                           column: error.context.columnNumber, message: Self.describe(error.error))
            }
            origins[name] = source.origin
        }
        for name in Self.names where library.getTemplate(named: name) == nil {
            throw RenderError.missingTemplate(name)
        }
        self.library = library
        self.origins = origins
    }

    /// Renders a template with a context of strings, numbers, flags, lists and dictionaries.
    func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static let builtIn: [String: [UInt8]] = [
        "digest.html": PackageResources.digest_html_mustache,
        "section.html": PackageResources.section_html_mustache,
        "item.html": PackageResources.item_html_mustache,
        "footer.html": PackageResources.footer_html_mustache,
        "digest.txt": PackageResources.digest_txt_mustache,
        "section.txt": PackageResources.section_txt_mustache,
        "item.txt": PackageResources.item_txt_mustache,
        "footer.txt": PackageResources.footer_txt_mustache,
        "page-top.html": PackageResources.page_top_html_mustache,
        "page-bottom.html": PackageResources.page_bottom_html_mustache,
        "subscribe.html": PackageResources.subscribe_html_mustache,
        "notice.html": PackageResources.notice_html_mustache,
        "preferences.html": PackageResources.preferences_html_mustache,
        "confirm-mail.txt": PackageResources.confirm_mail_txt_mustache,
        "confirm-mail.html": PackageResources.confirm_mail_html_mustache,
        "archive.html": PackageResources.archive_html_mustache,
    ]

    /// The built-in text of a template (for `gazette init`).
    public static func builtInText(_ name: String) -> String? {
        builtIn[name].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the first `{{` without a `}}` before the next `{{` (or the end) is, 1-based.
    /// The engine reports such errors at the end of the text, which does not help.
    static func unclosedTag(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        var open: (line: Int, column: Int)?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                if let open { return open }
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                open = (line, column)
                index += 2
                continue
            } else if byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                open = nil
                index += 2
                while index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1 }
                continue
            }
            index += 1
        }
        return open
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not closed"
        case .expectedSectionEnd: return "section is not closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transform applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inherited section"
        case .textInsideInheritSection: return "text inside an inherited section"
        case .invalidConfigVariableSyntax: return "malformed pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        @unknown default: return "\(error)"
        }
    }
}
