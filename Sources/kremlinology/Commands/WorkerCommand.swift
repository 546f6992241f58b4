import ArgumentParser
import Foundation
import KremlinologyIngest
import KremlinologyPipeline
import KremlinologyStore

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Ingest queued files from a PostgreSQL store; run as many as you like, on any machine.",
        discussion: """
            Claims one job at a time (SELECT … FOR UPDATE SKIP LOCKED) under a lease, reads and \
            extracts the file, and stores it and marks the job done in one transaction. A worker \
            killed mid-document leaves nothing behind; its job is taken again when the lease expires.
            Examples:
              kremlinology enqueue notes/ --db postgres://team@db.local/corpus
              kremlinology worker --db postgres://team@db.local/corpus --exit-when-empty
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Flag(help: "Stop when no job is queued or running, instead of waiting for more.") var exitWhenEmpty = false
    @Option(help: "Seconds a claimed job stays this worker's before another may take it.") var lease: Double = 60
    @Option(help: "Seconds between polls of an empty queue.") var poll: Double = 0.5
    @Option(help: "This worker's name in the jobs table (default: host:pid).") var name: String?
    @Flag(help: "Store documents without extracting facts.") var noExtract = false
    @Option(help: .hidden) var pauseBeforeCommit: Double = 0
    @Flag(help: "Print the summary as JSON.") var json = false

    func validate() throws {
        guard lease > 0, poll > 0 else { throw ValidationError("--lease and --poll must be positive numbers of seconds") }
    }

    func run() throws {
        let queue = try store.openQueue()
        let extraction = noExtract ? nil : try pack.load(curatedBy: queue)
        var worker = QueueWorker(store: queue, extraction: extraction?.closure, name: name ?? QueueWorker.defaultName,
                                 lease: lease, pollInterval: poll)
        worker.pauseBeforeCommit = pauseBeforeCommit
        let report = try worker.run(exitWhenEmpty: exitWhenEmpty) { event in
            if case .failed(_, let message) = event { Output.error("✗ \(message)") }
        }
        if json {
            try Output.json(report)
        } else {
            print("worker \(worker.name) ingested \(report.files) files (\(Output.bytes(report.bytes)) in "
                  + "\(String(format: "%.2f", report.seconds)) s) into \(queue.location): added \(report.added), "
                  + "unchanged \(report.unchanged), replaced \(report.replaced), duplicates \(report.duplicates), failed \(report.failed)")
        }
    }
}
