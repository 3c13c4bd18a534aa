import Foundation

/// The list written out for other tools.
public enum SubscriberExport {
    public static func csv(_ subscribers: [Subscriber]) -> String {
        var lines = ["email,name,status,format,sections,created,updated,id"]
        for s in subscribers {
            lines.append([s.email, s.name ?? "", s.status.rawValue, s.format.rawValue, s.sections.joined(separator: ";"),
                          FeedDate.rfc3339(s.created), FeedDate.rfc3339(s.updated), s.id].map(CSV.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ subscribers: [Subscriber]) -> String {
        String(decoding: SubscriberList(subscribers: subscribers).encode(), as: UTF8.self)
    }
}
