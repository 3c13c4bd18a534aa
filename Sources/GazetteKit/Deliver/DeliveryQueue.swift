import Foundation

/// Hands out messages to delivery threads, tells the observer before and after each, and collects
/// the results in message order. It hands out nothing more once the control has stopped, and stops
/// it itself when the observer cannot record a message.
final class DeliveryQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let messages: [Message]
    private let observer: (any DeliveryObserver)?
    let control: DeliveryControl
    private var nextIndex = 0
    private var slots: [DeliveryResult?]

    init(messages: [Message], observer: (any DeliveryObserver)?, control: DeliveryControl) {
        self.messages = messages
        self.observer = observer
        self.control = control
        slots = Array(repeating: nil, count: messages.count)
    }

    /// The next message to send, already announced to the observer; nil at the end or after a stop.
    func next() -> (Int, Message)? {
        lock.lock()
        guard nextIndex < messages.count, !control.isStopped else {
            lock.unlock()
            return nil
        }
        let index = nextIndex
        nextIndex += 1
        lock.unlock()
        let message = messages[index]
        do {
            try observer?.willSend(message)
        } catch {
            control.stop(.journal(error.description))
            return nil
        }
        return (index, message)
    }

    /// Records a message's outcome with the observer and keeps it.
    func finish(_ result: DeliveryResult, at index: Int) {
        do {
            try observer?.didSend(result)
        } catch {
            control.stop(.journal(error.description))
        }
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Results of the messages handed over, in message order.
    var results: [DeliveryResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
