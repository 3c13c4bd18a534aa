import Foundation

/// The SMTP `MAIL FROM` of a subscriber's message. With `{id}` in `sender.envelope_from`
/// (`bounces+{id}@news.example.org`, VERP) each message's return path names its subscriber, so
/// a bounce sent to it is attributed exactly whatever its body says.
public struct ReturnPath: Sendable, Equatable {
    public static let placeholder = "{id}"
    /// The configured address, perhaps with `{id}` in its local part.
    public let template: String

    public init(_ template: String) {
        self.template = template
    }

    /// Whether each message gets its own return path.
    public var isVariable: Bool { template.contains(Self.placeholder) }

    /// The return path for one subscriber.
    public func address(for subscriberID: String) -> String {
        isVariable ? template.replacingOccurrences(of: Self.placeholder, with: subscriberID) : template
    }

    /// The subscriber id in an address built by `address(for:)`, compared without regard to case
    /// (some relays lower-case addresses); nil for any other address.
    public func subscriberID(in address: String) -> String? {
        guard isVariable, let range = template.range(of: Self.placeholder) else { return nil }
        let prefix = template[..<range.lowerBound].lowercased(), suffix = template[range.upperBound...].lowercased()
        let candidate = address.lowercased()
        guard candidate.count > prefix.count + suffix.count, candidate.hasPrefix(prefix), candidate.hasSuffix(suffix) else { return nil }
        let id = candidate.dropFirst(prefix.count).dropLast(suffix.count)
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return String(id)
    }
}
