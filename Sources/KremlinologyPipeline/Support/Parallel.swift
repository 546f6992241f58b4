import Foundation

/// Work spread over the cores with results kept in order: extraction of a batch of documents
/// for `ingest`, `reextract` and `extract`.
public enum Parallel {
    /// `work(items[i])` for every item on up to `threads` threads; the results in the items' order.
    public static func map<Item: Sendable, Value: Sendable>(_ items: [Item], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                                           _ work: @escaping @Sendable (Item) -> Value) -> [Value] {
        guard threads > 1, items.count > 1 else { return items.map(work) }
        let slots = Slots<Value>(count: items.count)
        let lanes = min(threads, items.count)
        // Each lane takes the next item when it is free, so one long document does not hold up
        // the items dealt to the same lane.
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while let index = slots.claim() { slots.set(index, work(items[index])) }
        }
        return slots.values
    }
}

/// Slots filled from several threads, read once all are done.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next index no lane has taken, or nil when all are taken.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}
