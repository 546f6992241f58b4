import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

/// Takes jobs from a PostgreSQL store's queue and ingests them, one document per
/// transaction, until the queue is empty (or forever, polling).
///
/// Any number of workers, on any number of machines, may run against one store: a job is
/// claimed with a lease, and a worker that dies leaves its job to be taken again when the
/// lease expires. Documents are idempotent by content hash, so a job done twice stores once.
public struct QueueWorker: Sendable {
    /// The store whose queue this worker empties.
    public var store: PostgresCorpusStore
    /// Reads each job's bytes into a document.
    public var reader: DocumentReader
    /// Extracts each document's facts; nil stores documents without facts.
    public var extraction: CorpusIngestor.Extraction?
    /// Names this worker in the jobs table, e.g. `host:pid`.
    public var name: String
    /// Seconds a claimed job stays this worker's before others may take it.
    public var lease: Double
    /// Seconds to wait before asking again when no job can be taken now.
    public var pollInterval: Double
    /// Seconds to wait inside each job's transaction before committing: for tests that kill
    /// a worker in the middle of a document.
    public var pauseBeforeCommit: Double = 0

    public init(store: PostgresCorpusStore, reader: DocumentReader = DocumentReader(), extraction: CorpusIngestor.Extraction?,
                name: String, lease: Double = 60, pollInterval: Double = 0.5) {
        self.store = store
        self.reader = reader
        self.extraction = extraction
        self.name = name
        self.lease = lease
        self.pollInterval = pollInterval
    }

    /// The default worker name: this machine and process.
    public static var defaultName: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Works until the queue has no open job (when `exitWhenEmpty`) or forever. Jobs running
    /// under other workers' leases count as open: if such a worker dies, this one takes over.
    /// Throws only when the database fails; a file that fails is recorded in its job.
    public func run(exitWhenEmpty: Bool, event: (IngestEvent) -> Void = { _ in }) throws -> IngestReport {
        var report = IngestReport()
        let start = Date()
        while true {
            guard let job = try store.claimJob(worker: name, lease: lease) else {
                if exitWhenEmpty, try store.jobCounts().open == 0 { break }
                Thread.sleep(forTimeInterval: pollInterval)
                continue
            }
            process(job, into: &report, event: event)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func process(_ job: IngestJob, into report: inout IngestReport, event: (IngestEvent) -> Void) {
        let document: IngestedDocument
        do {
            document = try reader.read(bytes: job.bytes, path: job.path, fileName: job.fileName)
        } catch {
            let message = String(describing: error)
            try? store.fail(job, worker: name, message: message)
            event(report.recordFailure(path: job.path, message: message))
            return
        }
        let payload = extraction?(document)
        do {
            let outcome = try store.complete(job, worker: name, document: document, extraction: payload) {
                if pauseBeforeCommit > 0 { Thread.sleep(forTimeInterval: pauseBeforeCommit) }
            }
            event(report.record(outcome, path: job.path, bytes: job.bytes.count))
        } catch let lost as LeaseLost {
            event(.failed(path: job.path, message: lost.description))
        } catch {
            let message = "\(job.path): could not be stored: \(error)"
            try? store.fail(job, worker: name, message: message)
            event(report.recordFailure(path: job.path, message: message))
        }
    }
}
