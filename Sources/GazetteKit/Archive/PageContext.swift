import Foundation

/// The template context every web page shares: the list's title, language, direction, address.
enum PageContext {
    static func base(_ config: Config) -> [String: Any] {
        var context: [String: Any] = ["title": config.title, "language": config.language,
                                      "direction": DigestContext.direction(of: config.language)]
        if let address = config.footer.address { context["address"] = address }
        return context
    }
}
