import ArgumentParser
import Foundation
import KremlinologyIngest
import KremlinologyStore

struct EnqueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Queue files in a PostgreSQL store for `kremlinology worker` processes to ingest.",
        discussion: """
            Each file's bytes are stored with its job, so workers on other machines need no \
            shared folder. Files larger than $KREMLINOLOGY_MAX_FILE_MB (default 64) are refused here.
            Examples:
              kremlinology enqueue notes/ --db postgres://team@db.local/corpus
              kremlinology worker --db postgres://team@db.local/corpus --exit-when-empty
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Files and folders (read recursively).") var paths: [String]
    @Flag(help: "Print the summary as JSON.") var json = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give files or folders to queue, e.g. kremlinology enqueue notes/ --db postgres://…") }
    }

    struct Summary: Encodable {
        var queued: Int
        var refused: Int
        var jobs: JobCounts
    }

    func run() throws {
        let queue = try store.openQueue()
        let (collected, storedPaths) = StoredPaths.collect(paths)
        var problems = collected.problems
        let reader = DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment)
        var batch: [(path: String, fileName: String, bytes: [UInt8])] = []
        var queued = 0
        for (url, path) in zip(collected.files, storedPaths) {
            do {
                let bytes = try reader.bytes(ofFileAt: url, displayPath: path)
                batch.append((path, url.lastPathComponent, bytes))
            } catch {
                problems.append(String(describing: error))
            }
            if batch.count == 500 {
                queued += try queue.enqueue(batch)
                batch = []
            }
        }
        queued += try queue.enqueue(batch)
        for problem in problems { Output.error("✗ \(problem)") }
        let summary = Summary(queued: queued, refused: problems.count, jobs: try queue.jobCounts())
        if json {
            try Output.json(summary)
        } else {
            print("queued \(queued) files in \(queue.location) (refused \(problems.count)); jobs now: "
                  + "queued \(summary.jobs.queued), running \(summary.jobs.running), done \(summary.jobs.done), failed \(summary.jobs.failed)")
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
