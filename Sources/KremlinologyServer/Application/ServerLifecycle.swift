import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs the server until SIGTERM or SIGINT: requests in flight get half a second to end,
/// then they are cancelled (a store read still running is abandoned on its queue, see
/// ``Corpus/read(budget:_:)``), and the process exits within a second of the signal even if
/// something still holds on. `Application.runService()` waits for every request to end, so
/// one stalled request once kept a SIGTERMed server alive for minutes.
public func runUntilSignalled(_ app: some ApplicationProtocol) async throws {
    var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                  logger: Logger(label: "kremlinology.serve"))
    configuration.maximumGracefulShutdownDuration = .milliseconds(500)
    configuration.maximumCancellationDuration = .milliseconds(300)
    let backstop = ShutdownBackstop(after: 0.9)
    defer { withExtendedLifetime(backstop) {} }
    try await ServiceGroup(configuration: configuration).run()
}

/// Exits the process a fixed time after SIGTERM or SIGINT, so that a stop never hangs on work
/// that ignores cancellation. The signals' dispositions stay swift-service-lifecycle's.
final class ShutdownBackstop: @unchecked Sendable {  // the sources are only read after init
    private let sources: [any DispatchSourceSignal]

    init(after seconds: Double) {
        sources = [SIGTERM, SIGINT].map { signalNumber in
            // A queue of its own: the global queue's threads may all be blocked in store reads.
            let queue = DispatchQueue(label: "kremlinology.serve.shutdown")
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                // _exit, not exit: atexit handlers could wait on locks that the stuck work holds.
                queue.asyncAfter(deadline: .now() + seconds) { _exit(0) }
            }
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
