/// `limit` and `offset` of a listing, with the hard limit every listing obeys.
public struct Paging: Sendable, Codable, Hashable {
    /// No listing returns more than this many items, whatever is asked.
    public static let maximumLimit = 200

    public var limit: Int
    public var offset: Int

    public init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    /// Reads `limit` (1…200, default `defaultLimit`) and `offset` (0…10⁶, default 0).
    public init(_ query: QueryParameters, defaultLimit: Int = 20) throws {
        limit = try query.integer("limit", default: defaultLimit, in: 1...Self.maximumLimit)
        offset = try query.integer("offset", default: 0, in: 0...1_000_000)
    }

    /// The page of `items`.
    public func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
    }
}

/// A page of a listing, as every `/api/v1` listing returns it.
public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    public var limit: Int
    public var offset: Int
    /// Number of items in this page.
    public var count: Int
    /// Number of items in the whole listing, when known without extra work.
    public var total: Int?
    public var items: [Item]

    public init(_ paging: Paging, items: [Item], total: Int? = nil) {
        limit = paging.limit
        offset = paging.offset
        count = items.count
        self.total = total
        self.items = items
    }
}
