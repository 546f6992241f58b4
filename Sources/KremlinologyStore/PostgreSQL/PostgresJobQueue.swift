import Foundation
import KremlinologyModel
import PostgresNIO

/// A file to ingest, as claimed by a worker from the `ingest_job` table.
public struct IngestJob: Sendable {
    /// The job's row id.
    public var id: Int
    /// The path as it was enqueued: the stored document's path.
    public var path: String
    /// The file's name, for readers that look at extensions.
    public var fileName: String
    /// The file's bytes, stored with the job so that workers need no shared folder.
    public var bytes: [UInt8]
    /// How many times a worker has claimed it, this time included.
    public var attempts: Int
}

/// How many jobs are in each state.
public struct JobCounts: Sendable, Codable, Equatable {
    /// Waiting for a worker.
    public var queued = 0
    /// Claimed by a worker whose lease has not been released (it may have died: the job is
    /// taken again when the lease expires).
    public var running = 0
    /// Stored (added, unchanged, replaced or reported as a duplicate).
    public var done = 0
    /// Could not be read or stored; `jobs` shows why.
    public var failed = 0
    /// Jobs claimed more than once: their first worker died or overran its lease.
    public var retried = 0
    /// Jobs that a worker may still take: queued, or running under a lease.
    public var open: Int { queued + running }

    public init() {}
}

/// The worker lost its job: its lease expired and another worker took it over.
public struct LeaseLost: Error, CustomStringConvertible {
    /// The job's row id.
    public var job: Int
    public var description: String { "job \(job): its lease expired and another worker took it; nothing was stored by this one" }
}

extension PostgresCorpusStore {
    /// A job abandoned this many times (its workers died or stalled) is marked failed.
    public static let maxAttempts = 5

    /// Queues files for `kremlinology worker`; returns the number queued. All are queued in one transaction.
    @discardableResult
    public func enqueue(_ files: [(path: String, fileName: String, bytes: [UInt8])]) throws -> Int {
        try session.transaction {
            for file in files {
                try session.execute("""
                    INSERT INTO ingest_job (path, file_name, bytes) VALUES (\(file.path), \(file.fileName), \(ByteBuffer(bytes: file.bytes)))
                    """)
            }
            return files.count
        }
    }

    /// Claims the oldest job that is queued or whose lease has expired, for `lease` seconds.
    /// `FOR UPDATE SKIP LOCKED` lets any number of workers claim at once without waiting on
    /// each other or taking the same job. Nil when there is nothing to take now.
    public func claimJob(worker: String, lease: Double) throws -> IngestJob? {
        let maxAttempts = Self.maxAttempts
        try session.execute("""
            UPDATE ingest_job SET state = 'failed', finished_at = now(),
                error = 'abandoned after ' || attempts || ' attempts: the workers that took it died or overran their lease'
            WHERE state = 'running' AND lease_until < now() AND attempts >= \(maxAttempts)
            """)
        let rows = try session.query("""
            UPDATE ingest_job SET state = 'running', worker = \(worker), attempts = attempts + 1,
                lease_until = now() + make_interval(secs => \(lease))
            WHERE id = (SELECT id FROM ingest_job
                        WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
                        ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, path, file_name, bytes, attempts
            """)
        guard let row = rows.first else { return nil }
        let (id, path, fileName, bytes, attempts) = try row.decode((Int, String, String, ByteBuffer, Int).self)
        return IngestJob(id: id, path: path, fileName: fileName, bytes: Array(bytes.readableBytesView), attempts: attempts)
    }

    /// Stores a job's document and marks the job done, in one transaction: a worker killed
    /// before the commit leaves neither, and the job is taken up again when its lease expires.
    /// `beforeCommit` runs last inside the transaction (tests pause there to kill the worker).
    public func complete(_ job: IngestJob, worker: String, document: IngestedDocument, extraction: ExtractionPayload?,
                         beforeCommit: () -> Void = {}) throws -> IngestOutcome {
        var newActors: [Actor] = []
        let outcome = try write { x in
            let outcome = try storeInTransaction(document, extraction: extraction, in: x, newActors: &newActors)
            let changed = try session.execute("""
                UPDATE ingest_job SET state = 'done', outcome = \(Self.describe(outcome)), error = NULL, finished_at = now(), lease_until = NULL
                WHERE id = \(job.id) AND worker = \(worker) AND state = 'running'
                """)
            if changed == 0 { throw LeaseLost(job: job.id) }
            beforeCommit()
            return outcome
        }
        writtenActors.insert(newActors)
        return outcome
    }

    /// Marks a job failed with the reason (a file that cannot be read fails the same way on every worker).
    public func fail(_ job: IngestJob, worker: String, message: String) throws {
        try session.execute("""
            UPDATE ingest_job SET state = 'failed', error = \(message), finished_at = now(), lease_until = NULL
            WHERE id = \(job.id) AND worker = \(worker) AND state = 'running'
            """)
    }

    /// Jobs by state.
    public func jobCounts() throws -> JobCounts {
        var counts = JobCounts()
        for row in try session.query("SELECT state, COUNT(*), COUNT(*) FILTER (WHERE attempts > 1) FROM ingest_job GROUP BY state") {
            let (state, count, retried) = try row.decode((String, Int, Int).self)
            counts.retried += retried
            switch state {
            case "queued": counts.queued = count
            case "running": counts.running = count
            case "done": counts.done = count
            default: counts.failed = count
            }
        }
        return counts
    }

    /// The failed jobs' paths and errors, oldest first.
    public func failedJobs(limit: Int = 100) throws -> [(path: String, error: String)] {
        try session.query("SELECT path, COALESCE(error, '') FROM ingest_job WHERE state = 'failed' ORDER BY id LIMIT \(limit)")
            .map { try $0.decode((String, String).self) }
    }

    static func describe(_ outcome: IngestOutcome) -> String {
        switch outcome {
        case .added(let id): "added \(id)"
        case .unchanged(let id): "unchanged \(id)"
        case .replaced(let id, let previous): "replaced \(previous) by \(id)"
        case .duplicate(let twin): "duplicate of \(twin)"
        }
    }
}
