import Foundation

/// Writes each message as `<Message-ID>.eml` into a folder, atomically. The name comes from the
/// Message-ID, so writing the same edition again replaces a file rather than adding one.
public struct OutboxDelivery: DeliveryBackend {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return messages.map { DeliveryResult(message: $0, outcome: .failed("\(directory): cannot create outbox: \(error.localizedDescription)"), attempts: 1) }
        }
        var results: [DeliveryResult] = []
        results.reserveCapacity(messages.count)
        for message in messages {
            observer?.willSend(message)
            let path = (directory as NSString).appendingPathComponent(Self.fileName(for: message))
            let outcome: DeliveryOutcome
            do {
                try AtomicFile.write(message.bytes, to: URL(fileURLWithPath: path))
                outcome = .delivered(path)
            } catch {
                outcome = .failed(error.description)
            }
            let result = DeliveryResult(message: message, outcome: outcome, attempts: 1)
            observer?.didSend(result)
            results.append(result)
        }
        return results
    }

    /// The Message-ID with anything but letters, digits, `.`, `-` and `_` replaced by `_`.
    public static func fileName(for message: Message) -> String {
        let safe = message.id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }
        return String(safe) + ".eml"
    }
}
