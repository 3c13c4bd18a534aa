/// The MIME tree flattened (DESIGN.md step 1.7), without entering a returned message: the
/// message's own text and HTML parts (decoded), the delivery-status and feedback-report bodies,
/// and the returned original messages.
struct MessageParts {
    var texts: [String] = []
    var htmls: [String] = []
    var dsn: [String] = []
    var feedback: [String] = []
    var returned: [MIMEEntity] = []

    private static let deliveryStatusTypes: Set<String> = ["message/delivery-status", "message/global-delivery-status", "text/delivery-status"]

    init(_ message: MIMEEntity) {
        walk(message, top: true)
    }

    private mutating func walk(_ entity: MIMEEntity, top: Bool) {
        if !entity.children.isEmpty {
            for child in entity.children { walk(child, top: false) }
            return
        }
        let type = entity.contentType.type
        if Self.deliveryStatusTypes.contains(type) {
            dsn.append(entity.text())
        } else if type == "message/feedback-report" {
            feedback.append(entity.text())
        } else if let inner = entity.inner {
            returned.append(inner)
        } else if type == "text/html" {
            htmls.append(HTMLNoticeText.text(entity.text()))
        } else if type.hasPrefix("text/") || top {
            texts.append(entity.text())
        }
    }

    /// The texts to read the notice from: the text parts, else the HTML ones.
    var noticeSources: [String] { texts.isEmpty ? htmls : texts }
}
