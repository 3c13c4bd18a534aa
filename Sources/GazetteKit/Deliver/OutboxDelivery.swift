import Foundation

/// Writes each message as `<Message-ID>.eml` into a folder, atomically (temp file, fsync,
/// rename). The name comes from the Message-ID, so writing the same edition again replaces a file
/// rather than adding one. Several threads write at once, so the fsync waits overlap. A write
/// that fails (a full disk) is local and temporary: the message is `deferred` and the delivery stops.
public struct OutboxDelivery: DeliveryBackend {
    /// Folder for the `.eml` files, created when missing.
    public let directory: String
    /// Threads writing files at once (at least 1).
    public let concurrency: Int

    public init(directory: String, concurrency: Int = 1) {
        self.directory = directory
        self.concurrency = max(1, concurrency)
    }

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?, control: DeliveryControl) -> [DeliveryResult] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            control.stop(.localWrite("\(directory): cannot create the outbox: \(error.localizedDescription)"))
            return []
        }
        let queue = DeliveryQueue(messages: messages, observer: observer, control: control)
        let outbox = self.directory
        let write: @Sendable () -> Void = {
            while let (index, message) = queue.next() {
                let path = (outbox as NSString).appendingPathComponent(Self.fileName(for: message))
                let outcome: DeliveryOutcome
                do throws(PosixError) {
                    try AtomicFile.write(message.bytes, to: URL(fileURLWithPath: path))
                    outcome = .delivered(path)
                } catch {
                    outcome = .deferred(error.description)
                    control.stop(.localWrite(error.description))
                }
                queue.finish(DeliveryResult(message: message, outcome: outcome, attempts: 1), at: index)
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
