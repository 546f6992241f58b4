import KremlinologyModel

/// Errors of the store, with cases a caller can act on and messages for the person at the
/// terminal or the browser. No message names a CLI command; clients add their hints by case.
public enum StoreError: UserFacingError, Equatable {
    /// No store exists at this location yet (reading needs one).
    case missingStore(location: String)
    /// The store cannot be opened or reached.
    case unavailable(location: String, reason: String)
    /// The location is not a SQLite path or a PostgreSQL URL, or the URL is malformed.
    case invalidLocation(String)
    /// Nothing stored has this id, path or name.
    case notFound(String)
    /// Several documents match; `candidates` are their ids and file names.
    case ambiguousDocument(key: String, candidates: [String])
    /// A search that cannot be run (e.g. no words to look for).
    case invalidQuery(String)
    /// The disk (or the PostgreSQL server's disk) is full: nothing more can be written until
    /// space is freed, so an ingest stops at the first one.
    case diskFull(location: String)
    /// A statement failed inside the database.
    case failure(String)
    /// The work was given up (its request ran out of time or went away) and stopped.
    case cancelled

    public var kind: ErrorKind {
        switch self {
        case .missingStore, .notFound: .notFound
        case .unavailable, .diskFull, .cancelled: .unavailable
        case .invalidLocation, .invalidQuery: .invalidInput
        case .ambiguousDocument: .ambiguous
        case .failure: .failure
        }
    }

    public var candidates: [String] {
        if case .ambiguousDocument(_, let candidates) = self { return candidates }
        return []
    }

    public var description: String {
        switch self {
        case .missingStore(let location):
            "\(location): no Kremlinology store there yet; ingest documents into it first"
        case .unavailable(let location, let reason):
            "\(location): \(reason)"
        case .cancelled:
            "the query was stopped because its request was given up; narrow it or try again"
        case .diskFull(let location):
            "\(location): the disk is full; free some space (or move the store with --db), then run the same command again"
        case .invalidLocation(let message), .notFound(let message), .invalidQuery(let message), .failure(let message):
            message
        case .ambiguousDocument(let key, let candidates):
            "\"\(key)\" matches \(candidates.count) documents (\(candidates.prefix(10).joined(separator: ", "))"
                + (candidates.count > 10 ? ", …" : "") + "); give the full document id"
        }
    }

    /// Whether this is ``diskFull(location:)``: whoever writes many documents stops at it.
    public var isDiskFull: Bool {
        if case .diskFull = self { return true }
        return false
    }

    /// A failure described by `message` (for callers outside the store, such as tests).
    public init(_ message: String) { self = .failure(message) }

    static func unsupportedLocation(_ location: String) -> StoreError {
        .invalidLocation("\(location): unsupported database location; give a SQLite file path (e.g. corpus.sqlite) or a PostgreSQL URL (postgres://USER@HOST[:PORT]/DATABASE)")
    }
}
