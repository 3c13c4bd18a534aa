import CCurl
import Foundation

/// Delivers through an SMTP server with libcurl: `concurrency` threads, each with its own
/// connection reused from message to message. A 4xx reply, a dropped connection or a timeout
/// is retried with backoff and ends as `deferred`; a 5xx reply ends as `failed` at once.
public struct SMTPDelivery: DeliveryBackend {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?) -> [DeliveryResult] {
        guard !messages.isEmpty else { return [] }
        let queue = WorkQueue(messages: messages)
        let group = DispatchGroup()
        let workers = min(settings.concurrency, messages.count)
        let settings = self.settings
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                guard let connection = SMTPConnection(settings: settings) else {
                    while let (index, message) = queue.next() {
                        queue.store(DeliveryResult(message: message, outcome: .deferred("cannot create a curl handle"), attempts: 0), at: index)
                    }
                    return
                }
                while let (index, message) = queue.next() {
                    observer?.willSend(message)
                    let result = Self.send(message, over: connection, settings: settings)
                    observer?.didSend(result)
                    queue.store(result, at: index)
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return queue.results
    }

    static func send(_ message: Message, over connection: SMTPConnection, settings: SMTPSettings) -> DeliveryResult {
        let started = Date()
        var attempt = 1
        while true {
            let outcome = classify(connection.send(message))
            guard case .deferred = outcome,
                  let wait = settings.retry.delay(afterAttempt: attempt, retryAfter: nil,
                                                  elapsed: Date().timeIntervalSince(started), random: Double.random(in: 0...1))
            else {
                return DeliveryResult(message: message, outcome: outcome, attempts: attempt)
            }
            Thread.sleep(forTimeInterval: wait)
            attempt += 1
        }
    }

    /// 2xx: delivered; 5xx or a refused login: failed; anything else (4xx, no reply, a dropped
    /// or timed-out connection): deferred.
    static func classify(_ attempt: SMTPConnection.Attempt) -> DeliveryOutcome {
        let reply = attempt.reply.isEmpty ? "\(attempt.replyCode)" : attempt.reply
        if attempt.code == CURLE_OK { return .delivered(reply) }
        if attempt.code == CURLE_LOGIN_DENIED { return .failed("login refused: \(reply)") }
        if attempt.code == CURLE_USE_SSL_FAILED || attempt.code == CURLE_PEER_FAILED_VERIFICATION
            || attempt.code == CURLE_SSL_CONNECT_ERROR || attempt.code == CURLE_SSL_CACERT_BADFILE {
            return .failed("TLS: \(attempt.error)")
        }
        if (500..<600).contains(attempt.replyCode) { return .failed(reply) }
        if (400..<500).contains(attempt.replyCode) { return .deferred(reply) }
        return .deferred(attempt.error)
    }
}

/// Hands out messages to delivery threads and collects results in message order.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let messages: [Message]
    private var nextIndex = 0
    private var slots: [DeliveryResult?]

    init(messages: [Message]) {
        self.messages = messages
        slots = Array(repeating: nil, count: messages.count)
    }

    func next() -> (Int, Message)? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < messages.count else { return nil }
        defer { nextIndex += 1 }
        return (nextIndex, messages[nextIndex])
    }

    func store(_ result: DeliveryResult, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var results: [DeliveryResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { index, slot in
            slot ?? DeliveryResult(message: messages[index], outcome: .deferred("not attempted"), attempts: 0)
        }
    }
}
