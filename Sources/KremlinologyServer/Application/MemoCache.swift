import Foundation

/// The memoised views of ``Corpus``, bounded by an estimate of their size in bytes: when a
/// new value would pass `capacityBytes`, the least recently used values are dropped until it
/// fits (798 distinct network filters once grew the memo by 31 MB with nothing evicted).
///
/// Eviction scans for the oldest entry; with a few thousand entries at most that costs far
/// less than building the network or dossier that caused it.
struct MemoCache {
    private struct Entry {
        var value: any Sendable
        var bytes: Int
        var lastUse: UInt64
    }

    /// Largest total of the estimated sizes kept.
    let capacityBytes: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    /// The sum of the estimated sizes of the values kept.
    private(set) var totalBytes = 0

    init(capacityBytes: Int) { self.capacityBytes = capacityBytes }

    /// How many values are kept.
    var count: Int { entries.count }

    /// The value under `key`, marked as just used.
    mutating func value(forKey key: String) -> (any Sendable)? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.value
    }

    /// Keeps `value` under `key`, evicting the least recently used values to make room; a
    /// value larger than the whole capacity is not kept.
    mutating func insert(_ value: any Sendable, forKey key: String) {
        let bytes = Self.estimatedBytes(of: value) + key.utf8.count
        remove(key)
        guard bytes <= capacityBytes else { return }
        while totalBytes + bytes > capacityBytes, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            remove(oldest)
        }
        clock += 1
        entries[key] = Entry(value: value, bytes: bytes, lastUse: clock)
        totalBytes += bytes
    }

    /// Drops every value (after a write to the store).
    mutating func removeAll() {
        entries.removeAll()
        totalBytes = 0
    }

    private mutating func remove(_ key: String) {
        if let old = entries.removeValue(forKey: key) { totalBytes -= old.bytes }
    }

    /// The size of `value` as its JSON encoding, which tracks the strings and arrays that make
    /// up every view's memory; a rendered page is its UTF-8 bytes. Encoding costs a fraction
    /// of building the view, and only happens once per view.
    static func estimatedBytes(of value: Any) -> Int {
        if let text = value as? String { return text.utf8.count + 64 }
        if let encodable = value as? any Encodable, let data = try? JSONEncoder().encode(AnyEncodable(encodable)) {
            return data.count + 64
        }
        return 4096
    }

    private struct AnyEncodable: Encodable {
        let wrapped: any Encodable
        init(_ wrapped: any Encodable) { self.wrapped = wrapped }
        func encode(to encoder: any Encoder) throws { try wrapped.encode(to: encoder) }
    }
}
