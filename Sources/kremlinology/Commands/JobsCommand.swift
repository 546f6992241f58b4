import ArgumentParser
import Foundation
import KremlinologyStore

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Show the PostgreSQL job queue: how many files are queued, running, done, failed.",
        discussion: """
            Example:
              kremlinology jobs --db postgres://team@db.local/corpus
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print as JSON.") var json = false

    struct Summary: Encodable {
        var jobs: JobCounts
        var failed: [Failure]
    }

    struct Failure: Encodable {
        var path: String
        var error: String
    }

    func run() throws {
        let queue = try store.openQueue()
        let counts = try queue.jobCounts()
        let failed = try queue.failedJobs().map { Failure(path: $0.path, error: $0.error) }
        if json {
            try Output.json(Summary(jobs: counts, failed: failed))
            return
        }
        print("\(queue.location): queued \(counts.queued), running \(counts.running), done \(counts.done), failed \(counts.failed) "
              + "(\(counts.retried) taken again after a worker died)")
        for failure in failed { print("✗ \(failure.path): \(failure.error)") }
    }
}
