import Foundation

/// Writes each message as `<Message-ID>.eml` into a folder, atomically (temp file, fsync,
/// rename). The name comes from the Message-ID, so writing the same edition again replaces a file
/// rather than adding one. Several threads write at once, so the fsync waits overlap.
public struct OutboxDelivery: DeliveryBackend {
    public let directory: String
    public let concurrency: Int

    public init(directory: String, concurrency: Int = 1) {
        self.directory = directory
        self.concurrency = max(1, concurrency)
    }

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return messages.map { DeliveryResult(message: $0, outcome: .failed("\(directory): cannot create outbox: \(error.localizedDescription)"), attempts: 1) }
        }
        let queue = WorkQueue(messages: messages)
        let outbox = self.directory
        let write: @Sendable () -> Void = {
            while let (index, message) = queue.next() {
                observer?.willSend(message)
                let path = (outbox as NSString).appendingPathComponent(Self.fileName(for: message))
                let outcome: DeliveryOutcome
                do {
                    try AtomicFile.write(message.bytes, to: URL(fileURLWithPath: path))
                    outcome = .delivered(path)
                } catch {
                    outcome = .failed("\(error)")
                }
                let result = DeliveryResult(message: message, outcome: outcome, attempts: 1)
                observer?.didSend(result)
                queue.store(result, at: index)
            }
        }
        let workers = min(concurrency, messages.count)
        if workers <= 1 {
            write()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in write() }
        }
        return queue.results
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
