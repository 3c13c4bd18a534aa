import Foundation

extension JSONEncoder {
    /// Sorted keys, ISO 8601 dates, readable: the form of every JSON file Gazette writes.
    public static var gazette: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    /// The decoder matching `JSONEncoder.gazette`.
    public static var gazette: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
