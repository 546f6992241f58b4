import Foundation
import Testing
import KremlinologyStore

/// The CLI side of issue 12: bounded searches, relative stored paths, terminal-safe output,
/// a clean stop on SIGTERM and on a full disk — each through the real binary.
@Suite(.serialized) struct HardeningCommandTests {
    @Test func aThreeThousandWordSearchIsRefusedAtOnceWithStatus64() async throws {
        let cli = try CLIHarness()
        try cli.write("a.md", "# Note\n\nPutin met Lukashenko in Minsk.\n")
        try await cli.run(["ingest", "a.md"])
        let started = Date()
        let result = try await cli.run(["search", Array(repeating: "Putin", count: 3_000).joined(separator: " ")])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("the limit is 1000"), "\(result.stderr)")
        // Refused before any backend runs (SearchBoundTests times that in-process); the wall clock
        // here is mostly the debug binary starting on a busy machine, so the bound is loose.
        #expect(seconds < 30, "the refusal took \(seconds) s")
        let many = try await cli.run(["search", (0..<33).map { "w\($0)" }.joined(separator: " ")])
        #expect(many.status == 64 && many.stderr.contains("the limit is 32"), "\(many.stderr)")
    }

    /// `ingest /abs/notes` stores `notes/sub/file.md`: no absolute path reaches the store,
    /// and through it the API and the pages.
    @Test func storedPathsAreRelativeToTheIngestRoot() async throws {
        let cli = try CLIHarness()
        try cli.write("notes/sub/file.md", "# Sub note\n\nRussia threatened Belarus.\n")
        try cli.write("notes/top.md", "# Top note\n\nRussia lent Belarus money.\n")
        let single = try cli.write("elsewhere/single.md", "# Single\n\nPutin praised Lukashenko.\n")
        let typed = try cli.write("typed/rel.md", "# Typed\n\nMoscow courted Minsk.\n")
        _ = typed
        let notes = cli.folder.appendingPathComponent("notes").path
        #expect(try await cli.run(["ingest", notes, single]).status == 0)
        #expect(try await cli.run(["ingest", "typed/rel.md"]).status == 0)
        let listing = try await cli.run(["documents", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
        let paths = Set(items.compactMap { ($0["document"] as? [String: Any])?["path"] as? String })
        #expect(paths == ["notes/sub/file.md", "notes/top.md", "single.md", "typed/rel.md"], "\(paths)")
        #expect(!listing.stdout.contains(cli.folder.path), "an absolute path reached the store")
    }

    /// A title and a file name holding ESC]0;…BEL and ESC[2J are printed without them.
    @Test func terminalEscapesInTitlesAndFileNamesAreNeverPrinted() async throws {
        let cli = try CLIHarness()
        let name = "evil\u{1B}[2J.md"
        try cli.write(name, "# Pwned \u{1B}]0;owned\u{07}title\n\nRussia threatened Belarus with sanctions in 2021.\n")
        let ingest = try await cli.run(["ingest", name])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let documents = try await cli.run(["documents"])
        #expect(documents.stdout.contains("title"), "\(documents.stdout)")
        for arguments in [["documents"], ["show", "evil"], ["relations"], ["show", "evil", "--text"]] {
            let output = try await cli.run(arguments).stdout
            #expect(!output.contains("\u{1B}") && !output.contains("\u{07}"), "\(arguments) printed an escape: \(output.debugDescription)")
        }
    }

    /// SIGTERM stops `serve` within a second, even with long queries in flight. The exit is
    /// timed by the process's termination handler, so a busy test process cannot lengthen it.
    @Test func serveStopsWithinASecondOfSIGTERM() async throws {
        let cli = try CLIHarness()
        try cli.write("a.md", "# Note\n\nPutin met Lukashenko in Minsk.\n")
        try await cli.run(["ingest", "a.md"])
        let (server, port, exited) = try await Self.serve(cli)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        // Long queries in flight (a 6 KB URL once took 8 s and held the shutdown).
        let query = Array(repeating: "Putin", count: 1_300).joined(separator: "+")
        let clients = try (0..<4).map { _ in try Self.curl("http://127.0.0.1:\(port)/api/v1/search?q=\(query)") }
        try await Task.sleep(for: .milliseconds(200))
        let started = Date()
        kill(server.processIdentifier, SIGTERM)
        let seconds = try await Self.secondsUntilExit(exited, since: started)
        for client in clients { _ = await client.answer() }
        print("serve stopped \(String(format: "%.3f", seconds)) s after SIGTERM")
        #expect(!server.isRunning)
        #expect(seconds < 1.2, "serve took \(seconds) s to stop after SIGTERM")
    }

    /// SIGTERM during a long upload (5 MB to read and extract: many seconds) still stops
    /// `serve` within a second; the old shutdown waited for the upload to end.
    @Test func serveStopsWithinASecondOfSIGTERMDuringALongUpload() async throws {
        let cli = try CLIHarness()
        try cli.write("a.md", "# Note\n\nPutin met Lukashenko in Minsk.\n")
        try await cli.run(["ingest", "a.md"])
        // 5 MB of distinct sentences (a repeated one would be cheap to extract); built cheaply.
        let sentences = (0..<60_000).map { "Russia threatened Belarus with sanctions \($0) times, and Putin met Lukashenko." }
        let big = try cli.write("big.txt", sentences.joined(separator: "\n\n"))
        let (server, port, exited) = try await Self.serve(cli, token: "t")
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let upload = Process()
        upload.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        upload.arguments = ["curl", "-s", "-o", "/dev/null", "--max-time", "60", "-X", "POST", "--data-binary", "@\(big)",
                            "-H", "Authorization: Bearer t", "http://127.0.0.1:\(port)/api/v1/documents?name=big.txt"]
        let uploadExit = ProcessExit(upload)
        try upload.run()
        try await Task.sleep(for: .milliseconds(1500))
        let started = Date()
        kill(server.processIdentifier, SIGTERM)
        let seconds = try await Self.secondsUntilExit(exited, since: started)
        await uploadExit.wait()
        print("serve stopped \(String(format: "%.3f", seconds)) s after SIGTERM, during an upload")
        #expect(seconds < 1.2, "serve took \(seconds) s to stop after SIGTERM during an upload")
    }

    /// The request-bound test of issue 12: 24 long queries (3,000 words, 1,300 words, 900
    /// distinct words), each on its own connection, are refused within seconds, and a plain
    /// search sent during the burst is answered within a second. Against the real binary, so
    /// that the figures are the server's own.
    @Test func aBurstOfLongQueriesLeavesAPlainSearchPrompt() async throws {
        let cli = try CLIHarness()
        try cli.write("a.md", "# Note\n\nPutin met Lukashenko in Minsk. Lukashenko thanked Putin.\n")
        try await cli.run(["ingest", "a.md"])
        let (server, port, _) = try await Self.serve(cli)
        defer { kill(server.processIdentifier, SIGKILL) }
        let base = "http://127.0.0.1:\(port)/api/v1/search?q="
        let long = [Array(repeating: "Putin", count: 3_000).joined(separator: "+"), Array(repeating: "Putin", count: 1_300).joined(separator: "+"),
                    (0..<900).map { "w\($0)" }.joined(separator: "+")]
        let burst = try (0..<24).map { try Self.curl(base + long[$0 % long.count]) }
        let plain = try Self.curl(base + "Lukashenko")
        var answers: [(status: Int, seconds: Double)] = []
        for run in burst { answers.append(await run.answer()) }
        let answer = await plain.answer()
        print("burst of 24 long queries: slowest \(String(format: "%.3f", answers.map(\.seconds).max() ?? 0)) s; "
              + "plain search during it \(String(format: "%.3f", answer.seconds)) s")
        #expect(answer.status == 200)
        #expect(answer.seconds < 1, "a plain search took \(answer.seconds) s during the burst")
        #expect(answers.allSatisfy { (400..<500).contains($0.status) }, "\(answers.map(\.status))")
        #expect(answers.allSatisfy { $0.seconds < 5 }, "\(answers.map(\.seconds))")
    }

    /// The moment a process ended, taken by its termination handler (Foundation's own thread),
    /// so that a busy test process does not lengthen the measure.
    final class ExitClock: @unchecked Sendable {
        private let lock = NSLock()
        private var time: Date?
        func stop() { lock.lock(); time = Date(); lock.unlock() }
        var stopped: Date? { lock.lock(); defer { lock.unlock() }; return time }
    }

    /// Seconds from `start` to the exit `clock` saw, waiting up to 20 s for it (without
    /// holding a thread that the other tests need).
    static func secondsUntilExit(_ clock: ExitClock, since start: Date) async throws -> Double {
        while clock.stopped == nil, Date().timeIntervalSince(start) < 20 { try await Task.sleep(for: .milliseconds(10)) }
        let end = try #require(clock.stopped, "serve did not stop within 20 s")
        return end.timeIntervalSince(start)
    }

    /// Starts `serve --port 0` on the harness's store and returns it with its port and exit clock.
    static func serve(_ cli: CLIHarness, token: String? = nil) async throws -> (Process, String, ExitClock) {
        let clock = ExitClock()
        let process = Process()
        process.terminationHandler = { _ in clock.stop() }
        process.executableURL = CLIHarness.binary
        process.arguments = ["serve", "--db", cli.database, "--port", "0"] + (token.map { ["--token", $0] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The banner comes once the pack is loaded; read it on a thread of its own.
        let handle = out.fileHandleForReading
        let data: Data = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.availableData) }
        }
        let banner = String(decoding: data, as: UTF8.self)
        let port = try #require(banner.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) }, "\(banner)")
        return (process, port, clock)
    }

    /// A curl started in the background; `answer()` awaits it and reads its figures.
    struct CurlRun {
        let process: Process
        let exit: ProcessExit
        let output: Pipe

        func answer() async -> (status: Int, seconds: Double) {
            await exit.wait()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
            return (fields.count == 2 ? Int(fields[0]) ?? 0 : 0, fields.count == 2 ? Double(fields[1]) ?? 0 : 0)
        }
    }

    static func curl(_ url: String) throws -> CurlRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-s", "-o", "/dev/null", "--max-time", "20", "-w", "%{http_code} %{time_total}", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exit = ProcessExit(process)
        try process.run()
        return CurlRun(process: process, exit: exit, output: output)
    }

    /// A store on a 1 MiB tmpfs fills up; the ingest stops at the first full-disk error with
    /// the count stored and what to do, instead of failing every later file.
    @Test func aFullDiskStopsTheIngestAtTheFirstError() async throws {
        let cli = try CLIHarness()
        let disk = cli.folder.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try? Shell.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path])
        guard mount?.status == 0 else {
            print("cannot mount a 1 MiB tmpfs here (needs root): full-disk ingest test skipped")
            return
        }
        defer { _ = try? Shell.run("/usr/bin/env", ["umount", disk.path]) }
        for index in 0..<400 {
            let words = (0..<600).map { "word\(index)x\($0)" }.joined(separator: " ")
            try cli.write("many/note\(index).md", "# Note \(index)\n\nRussia threatened Belarus. \(words)\n")
        }
        let db = disk.appendingPathComponent("full.sqlite").path
        let result = try await cli.run(["ingest", "many", "--db", db, "--workers", "1", "--no-extract"])
        #expect(result.status == 69, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("disk is full"), "\(result.stderr)")
        #expect(result.stderr.contains("files are stored"), "\(result.stderr)")
        let failures = result.stderr.split(separator: "\n").filter { $0.hasPrefix("✗") }
        #expect(failures.count <= 2, "\(failures.count) failure lines: \(failures.prefix(3))")
    }
}

/// Awaits a process's end without holding a thread: the in-process servers of the other
/// suites answer on the same few threads, and a test blocked in waitUntilExit starves them.
final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private var ended = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Installs the termination handler; call before `process.run()`.
    init(_ process: Process) {
        process.terminationHandler = { [self] _ in
            lock.lock()
            ended = true
            let pending = waiters
            waiters = []
            lock.unlock()
            pending.forEach { $0.resume() }
        }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if ended { lock.unlock(); continuation.resume(); return }
            waiters.append(continuation)
            lock.unlock()
        }
    }
}

/// Runs a program and waits for it.
private enum Shell {
    struct Result { var status: Int32; var output: String }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
