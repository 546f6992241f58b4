import Foundation
import Testing
import KremlinologyStore

/// `enqueue` and `worker` processes of the real binary against a real PostgreSQL server.
@Suite(.serialized, .enabled(if: TestPostgres.enabled, TestPostgres.skipped)) struct WorkerCommandTests {
    /// `count` small, distinct documents that name actors, in a folder of the harness.
    static func writeCorpus(_ cli: CLIHarness, count: Int) throws -> String {
        let actors = [("Russia", "Belarus"), ("Moscow", "Kyiv"), ("Putin", "Erdogan"), ("Lukashenko", "Poland")]
        for i in 0..<count {
            let (a, b) = actors[i % actors.count]
            try cli.write("corpus/\(i / 50)/note-\(i).txt", """
                Note \(i)

                \(a) threatened \(b) over the transit ban in \(2000 + i % 25).

                Officials said \(a) will lend money to \(b). Document number \(i) of the test corpus.
                """)
        }
        return cli.folder.appendingPathComponent("corpus").path
    }

    static func json(_ result: CLIHarness.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    /// Documents stored and passages stored, checked for half-written documents.
    static func checkEveryDocumentIsWhole(_ cli: CLIHarness, expected: Int) async throws {
        let stats = try json(try await cli.run(["stats", "--json"]))
        #expect(stats["documents"] as? Int == expected)
        let listed = try await cli.run(["documents", "--json", "--limit", "10000"])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        #expect(documents.count == expected)
        let paths = documents.compactMap { ($0["document"] as? [String: Any])?["path"] as? String }
        #expect(Set(paths).count == expected, "every file stored exactly once")
        let passages = documents.compactMap { $0["passageCount"] as? Int }.reduce(0, +)
        #expect(stats["passages"] as? Int == passages, "every stored document has all its passages")
    }

    @Test func threeWorkersIngestTwoHundredFilesEachExactlyOnce() async throws {
        let cli = try CLIHarness(postgres: true)
        let corpus = try Self.writeCorpus(cli, count: 200)
        let queued = try await cli.run(["enqueue", corpus])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout.contains("queued 200 files"))
        let workers = try (0..<3).map { _ in try cli.start(["worker", "--exit-when-empty", "--poll", "0.1"]) }
        for worker in workers { while worker.isRunning { try await Task.sleep(for: .milliseconds(50)) } }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 })
        try await Self.checkEveryDocumentIsWhole(cli, expected: 200)
        let jobs = try Self.json(try await cli.run(["jobs", "--json"]))["jobs"] as? [String: Int]
        #expect(jobs == ["queued": 0, "running": 0, "done": 200, "failed": 0, "retried": 0])
        #expect(try await cli.run(["relations", "--source", "Russia", "--json"]).stdout.contains("Belarus"))
    }

    @Test func aWorkerKilledMidDocumentLeavesNothingHalfWrittenAndItsJobIsRedone() async throws {
        let cli = try CLIHarness(postgres: true)
        let corpus = try Self.writeCorpus(cli, count: 12)
        #expect(try await cli.run(["enqueue", corpus]).status == 0)
        let queue = try PostgresCorpusStore(url: cli.database)
        // Workers that pause inside each document's transaction, killed at a random moment
        // once they hold a job (a debug binary takes a second or two to load the pack).
        for _ in 0..<3 {
            let victim = try cli.start(["worker", "--lease", "2", "--poll", "0.1", "--pause-before-commit", "0.3"])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let counts = try queue.jobCounts()
                if counts.running > 0 || counts.queued == 0 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .seconds(Double.random(in: 0...0.6)))
            kill(victim.processIdentifier, SIGKILL)
            while victim.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(victim.terminationReason == .uncaughtSignal)
            let stats = try Self.json(try await cli.run(["stats", "--json"]))
            try await Self.checkEveryDocumentIsWhole(cli, expected: stats["documents"] as? Int ?? -1)
        }
        let survivor = try await cli.run(["worker", "--lease", "2", "--poll", "0.2", "--exit-when-empty"])
        #expect(survivor.status == 0, "\(survivor.stderr)")
        try await Self.checkEveryDocumentIsWhole(cli, expected: 12)
        let jobs = try Self.json(try await cli.run(["jobs", "--json"]))["jobs"] as? [String: Int]
        #expect(jobs?["done"] == 12)
        #expect(jobs?["queued"] == 0)
        #expect(jobs?["failed"] == 0)
        #expect((jobs?["retried"] ?? 0) >= 1, "a killed worker's job was taken again")
    }

    @Test func theQueueCommandsRefuseASQLiteStoreAndSayWhatToDo() async throws {
        let cli = try CLIHarness()
        let result = try await cli.run(["worker", "--db", "x.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("postgres://"))
    }
}
