import KremlinologyStore

/// How far an ingest has come, for a live progress line.
public struct IngestProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var seconds: Double

    public init(filesDone: Int, filesTotal: Int, bytesDone: Int, seconds: Double) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.seconds = seconds
    }

    /// Megabytes (10⁶ bytes) read per second so far.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesDone) / 1_000_000 / seconds : 0 }
}

/// The outcome of one file.
public enum IngestEvent: Sendable {
    case stored(path: String, outcome: IngestOutcome)
    case failed(path: String, message: String)
}

/// What an ingest, a queue worker or a copy did, file by file and in sum.
///
/// Every path that stores documents tallies through ``record(_:path:bytes:)`` and
/// ``recordFailure(path:message:)``, so that the counts and problem lines mean the same
/// everywhere.
public struct IngestReport: Sendable, Codable {
    public var added = 0
    public var unchanged = 0
    public var replaced = 0
    public var duplicates = 0
    public var failed = 0
    /// One line per file that was not stored: failures and duplicates.
    public var problems: [String] = []
    public var bytes = 0
    public var seconds = 0.0
    /// Why the ingest stopped before its last file (the disk is full), or nil.
    public var stoppedBecause: String?
    /// Files not attempted because the ingest stopped.
    public var notAttempted = 0
    public var files: Int { added + unchanged + replaced + duplicates + failed }
    /// Documents now in the store from this ingest: added, unchanged or replaced.
    public var stored: Int { added + unchanged + replaced }

    public init() {}

    /// Counts a document the store took, and returns the event that reports it.
    @discardableResult
    public mutating func record(_ outcome: IngestOutcome, path: String, bytes: Int) -> IngestEvent {
        self.bytes += bytes
        switch outcome {
        case .added: added += 1
        case .unchanged: unchanged += 1
        case .replaced: replaced += 1
        case .duplicate(let twin):
            duplicates += 1
            problems.append("\(path): same content as \(twin); not stored again")
        }
        return .stored(path: path, outcome: outcome)
    }

    /// Counts a file that could not be read or stored, and returns the event that reports it.
    @discardableResult
    public mutating func recordFailure(path: String, message: String) -> IngestEvent {
        failed += 1
        problems.append(message)
        return .failed(path: path, message: message)
    }

    /// Adds the counts, bytes and problems of another report (not its seconds).
    public mutating func merge(_ other: IngestReport) {
        added += other.added
        unchanged += other.unchanged
        replaced += other.replaced
        duplicates += other.duplicates
        failed += other.failed
        problems += other.problems
        bytes += other.bytes
        stoppedBecause = stoppedBecause ?? other.stoppedBecause
        notAttempted += other.notAttempted
    }
}
