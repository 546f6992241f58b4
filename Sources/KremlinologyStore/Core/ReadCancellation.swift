import Foundation

/// Stops the store work of one request once the request is given up (its time budget ran
/// out, its client went away): the caller runs the work under a cancellation, and every
/// store read on that thread checks it. SQLite checks it every few thousand virtual-machine
/// steps inside a statement (a progress handler), so even one long query stops; PostgreSQL
/// checks it before each statement.
///
/// ```swift
/// let cancellation = ReadCancellation()
/// queue.async { _ = try? cancellation.run { try store.search(query) } }
/// cancellation.cancel()   // the search ends with StoreError.cancelled
/// ```
public final class ReadCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private static let key = "kremlinology.store.read-cancellation"

    public init() {}

    /// Asks the work running under this cancellation to stop.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Runs `body` on this thread with `self` as the cancellation its store reads check.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[Self.key]
        dictionary[Self.key] = self
        defer { dictionary[Self.key] = previous }
        return try body()
    }

    /// The cancellation of the work running on this thread, if any.
    static var current: ReadCancellation? { Thread.current.threadDictionary[key] as? ReadCancellation }

    /// Throws ``StoreError/cancelled`` when the current work was given up.
    static func check() throws {
        if current?.isCancelled == true { throw StoreError.cancelled }
    }
}
