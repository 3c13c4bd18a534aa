/// Told before each message goes out and after it has an outcome; called from delivery threads.
/// The daily run's journal is one (it writes both before the send and after).
public protocol DeliveryObserver: Sendable {
    func willSend(_ message: Message)
    func didSend(_ result: DeliveryResult)
}

/// Where messages go: an SMTP server, an outbox folder, standard output.
public protocol DeliveryBackend: Sendable {
    /// Delivers every message, reporting each outcome; never throws for one bad message.
    func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult]
}
