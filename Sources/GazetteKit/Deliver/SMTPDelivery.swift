import Foundation

/// Delivers through an SMTP server with libcurl: `concurrency` threads, each with its own
/// connection reused from message to message.
///
/// Only a reply to one recipient's RCPT TO or to its DATA is about that recipient: 5xx ends it as
/// `failed`, 4xx is retried with backoff and ends as `deferred`. Anything else is a relay problem
/// (no connection, no greeting, TLS, login, a refused sender, a dropped connection) and gives the
/// recipient no final outcome: the message is `deferred`, and the delivery control stops the
/// whole delivery at once for a configuration problem or after several in a row.
public struct SMTPDelivery: DeliveryBackend {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    public func deliver(_ messages: [Message], observer: (any DeliveryObserver)?, control: DeliveryControl) -> [DeliveryResult] {
        guard !messages.isEmpty else { return [] }
        let queue = DeliveryQueue(messages: messages, observer: observer, control: control)
        let group = DispatchGroup()
        let workers = min(settings.concurrency, messages.count)
        let settings = self.settings
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                guard let connection = SMTPConnection(settings: settings, shouldAbort: { control.abortsInFlight }) else {
                    control.stop(.localWrite("libcurl could not create a handle (out of memory?)"))
                    return
                }
                while let (index, message) = queue.next() {
                    queue.finish(Self.send(message, over: connection, settings: settings, control: control), at: index)
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return queue.results
    }

    static func send(_ message: Message, over connection: SMTPConnection, settings: SMTPSettings,
                     control: DeliveryControl) -> DeliveryResult {
        let started = Date()
        var attempt = 1
        while true {
            let verdict = classify(connection.send(message))
            let outcome: DeliveryOutcome
            switch verdict {
            case .delivered(let reply):
                control.connectionSucceeded()
                return DeliveryResult(message: message, outcome: .delivered(reply), attempts: attempt)
            case .refused(let reply):
                control.connectionSucceeded()
                return DeliveryResult(message: message, outcome: .failed(reply), attempts: attempt)
            case .recipientDeferred(let reply):
                control.connectionSucceeded()
                outcome = .deferred(reply)
            case .relay(let problem):
                control.connectionFailed(problem)
                outcome = .deferred(problem.reason)
            }
            guard !control.isStopped,
                  let wait = settings.retry.delay(afterAttempt: attempt, retryAfter: nil,
                                                  elapsed: Date().timeIntervalSince(started), random: Double.random(in: 0...1))
            else {
                return DeliveryResult(message: message, outcome: outcome, attempts: attempt)
            }
            // Sleep in short steps so a stop (signal, breaker) is noticed during the backoff.
            let until = Date().addingTimeInterval(wait)
            while Date() < until, !control.isStopped { Thread.sleep(forTimeInterval: min(0.1, until.timeIntervalSinceNow)) }
            if control.isStopped { return DeliveryResult(message: message, outcome: outcome, attempts: attempt) }
            attempt += 1
        }
    }

    /// What one attempt says, by the step the server's reply answered.
    enum Verdict: Equatable {
        case delivered(String)
        /// 5xx to this recipient's RCPT TO or DATA: final for them.
        case refused(String)
        /// 4xx to this recipient's RCPT TO or DATA: try again later.
        case recipientDeferred(String)
        /// Not about the recipient.
        case relay(RelayProblem)
    }

    static func classify(_ attempt: SMTPConnection.Attempt) -> Verdict {
        let reply = attempt.reply.isEmpty ? "\(attempt.replyCode)" : attempt.reply
        let code = attempt.replyCode
        if attempt.ending == .sent { return .delivered(reply) }
        if attempt.ending == .aborted {
            return .relay(RelayProblem(isConfiguration: false, reason: "cut off after the stop signal's grace period"))
        }
        // 421: the server is closing the session, whatever the step.
        if (attempt.step == .recipient || attempt.step == .data), (400..<600).contains(code), code != 421 {
            // Where it was refused matters to the bounce policy: only RCPT TO speaks of the address.
            let stage = attempt.step == .recipient ? " (in reply to RCPT TO)" : " (in reply to end of DATA)"
            return code >= 500 ? .refused(reply + stage) : .recipientDeferred(reply)
        }
        if attempt.ending == .loginRefused {
            return (400..<500).contains(code)
                ? .relay(RelayProblem(isConfiguration: false, reason: "temporary login failure: \(reply)"))
                : .relay(RelayProblem(isConfiguration: true, reason: "login refused: \(reply); check delivery.smtp.username and the password variable"))
        }
        if attempt.ending == .startTLSUnavailable {
            return .relay(RelayProblem(isConfiguration: true, reason: "the relay offers no STARTTLS (\(attempt.error)); "
                                       + "delivery.smtp.starttls is required: enable TLS on the relay, or use smtps://"))
        }
        if attempt.ending == .tls {
            return .relay(RelayProblem(isConfiguration: true, reason: "TLS: \(attempt.error); check delivery.smtp.ca_file and the relay's certificate"))
        }
        if attempt.step == .sender, (500..<600).contains(code) {
            return .relay(RelayProblem(isConfiguration: true, reason: "the relay refused the sender: \(reply); check sender.envelope_from and the relay's rules"))
        }
        if (500..<600).contains(code) {
            return .relay(RelayProblem(isConfiguration: true, reason: "the relay refused the session: \(reply)"))
        }
        if (400..<500).contains(code) {
            return .relay(RelayProblem(isConfiguration: false, reason: reply))
        }
        return .relay(RelayProblem(isConfiguration: false, reason: attempt.step == .connect ? "cannot reach the relay: \(attempt.error)" : attempt.error))
    }
}
