/// Told before each message goes out and after it has an outcome; called from delivery threads.
/// The daily run's journal is one (it writes both before the send and after). An error stops the
/// delivery: a message whose `willSend` failed is not sent.
public protocol DeliveryObserver: Sendable {
    func willSend(_ message: Message) throws(StateError)
    func didSend(_ result: DeliveryResult) throws(StateError)
}

/// Where messages go: an SMTP server, an outbox folder, standard output.
public protocol DeliveryBackend: Sendable {
    /// Delivers messages until the list ends or `control` stops it, reporting each outcome; never
    /// throws for one bad message. Returns the results of the messages handed over, in order;
    /// messages never handed over (after a stop) have none.
    func deliver(_ messages: [Message], observer: (any DeliveryObserver)?, control: DeliveryControl) -> [DeliveryResult]
}

extension DeliveryBackend {
    /// Delivers every message with no deadline, breaker or signal.
    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult] {
        deliver(messages, observer: observer, control: DeliveryControl())
    }
}
