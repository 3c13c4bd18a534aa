import Foundation

/// Prints each message to standard output, for debugging templates and headers.
public struct StandardOutputDelivery: DeliveryBackend {
    public init() {}

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?, control: DeliveryControl) -> [DeliveryResult] {
        let queue = DeliveryQueue(messages: messages, observer: observer, control: control)
        while let (index, message) = queue.next() {
            var bytes = Array("----- message \(message.id) to \(message.recipient) -----\n".utf8)
            bytes += message.bytes.lazy.filter { $0 != 0x0D }
            FileHandle.standardOutput.write(Data(bytes))
            queue.finish(DeliveryResult(message: message, outcome: .delivered("printed"), attempts: 1), at: index)
        }
        return queue.results
    }
}
