import Foundation

/// Prints each message to standard output, for debugging templates and headers.
public struct StandardOutputDelivery: DeliveryBackend {
    public init() {}

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult] {
        messages.map { message in
            observer?.willSend(message)
            let separator = "----- message \(message.id) to \(message.recipient) -----\n"
            FileHandle.standardOutput.write(Data(separator.utf8))
            FileHandle.standardOutput.write(Data(message.bytes.filter { $0 != 0x0D }))
            let result = DeliveryResult(message: message, outcome: .delivered("printed"), attempts: 1)
            observer?.didSend(result)
            return result
        }
    }
}
