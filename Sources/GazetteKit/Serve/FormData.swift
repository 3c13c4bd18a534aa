import Foundation

/// An `application/x-www-form-urlencoded` body (or query): `name=value&...`, `+` as space,
/// percent escapes decoded; a name may repeat (checkboxes).
struct FormData: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init(_ text: Substring) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            fields.append((name, parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""))
        }
    }

    init(bytes: [UInt8]) {
        self.init(Substring(String(decoding: bytes, as: UTF8.self)))
    }

    /// The first value of `name`, if any.
    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
