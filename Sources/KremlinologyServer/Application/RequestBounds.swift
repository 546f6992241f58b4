import Foundation

/// The limits that keep one client from stalling the server (issue 12). Every figure is
/// documented in docs/SERVER.md; search terms are bounded further down, by `FTSQuery`.
public struct RequestBounds: Sendable {
    /// Longest request target (path and query) accepted, in bytes; longer gets 414.
    public var maximumURLBytes = 8 * 1024
    /// Most bytes in all header names and values together; more gets 431. The HTTP decoder
    /// closes the connection with a 400 well beyond it, so huge headers are never buffered.
    public var maximumHeaderBytes = 16 * 1024
    /// Longest time a data request may take before it is answered 503; its store work runs
    /// to its end on the read queue, but nobody waits for it.
    public var timeBudget: TimeInterval = 10
    /// Expensive requests (search, network, dossier, brief, timeline, compare) running at once.
    public var expensiveConcurrency = 2 * ProcessInfo.processInfo.activeProcessorCount
    /// Expensive requests waiting for a slot; beyond them a request gets 503 with `Retry-After`.
    /// A waiter costs a continuation, not a thread; 64 lets `wrk -c 64` queue without a 503.
    public var expensiveQueue = 64
    /// Seconds a client is told to wait after a 503.
    public var retryAfterSeconds = 1

    /// The defaults above.
    public init() {}
}

/// A counting semaphore with a bounded waiting line, for async callers: `acquire` returns
/// false at once when every slot is taken and the line is full.
final class AdmissionGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextID: UInt64 = 0
    }

    private let slots: Int
    private let queue: Int
    private let state = Locked(State())

    init(slots: Int, queue: Int) {
        self.slots = max(1, slots)
        self.queue = max(0, queue)
    }

    /// Slots taken now.
    var running: Int { state.withLock { $0.running } }
    /// Requests waiting in line now.
    var waiting: Int { state.withLock { $0.waiting.count } }

    /// Takes a slot, waiting in line for one; false when the line is full or the waiting
    /// task is cancelled (the client went away).
    func acquire() async -> Bool {
        let id: UInt64? = state.withLock { state in
            if state.running < slots { state.running += 1; return nil }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return true }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let admitted: Bool? = state.withLock { state in
                    if state.running < slots { state.running += 1; return true }
                    guard state.waiting.count < queue, !Task.isCancelled else { return false }
                    state.waiting.append((id, continuation))
                    return nil
                }
                if let admitted { continuation.resume(returning: admitted) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiting.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
    }

    /// Gives a slot back, handing it straight to the first in line.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiting.isEmpty { state.running -= 1; return nil }
            return state.waiting.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
