import Foundation
import Testing
@testable import KremlinologyStore

/// Runs the real `kremlinology` binary in a temporary folder with its own store.
final class CLIHarness {
    let folder: URL
    let database: String

    private let postgres: PostgresLocation?

    /// A temporary folder and a store: a SQLite file in it, or with `postgres`, a fresh schema
    /// in the database that `KREMLINOLOGY_TEST_POSTGRES` names.
    init(postgres usePostgres: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if usePostgres {
            guard let url = TestPostgres.url else { throw StoreError(TestPostgres.missingInCI) }
            let schema = "c_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            postgres = try PostgresLocation(url: url).with(schema: String(schema))
            database = postgres!.url
        } else {
            postgres = nil
            database = folder.appendingPathComponent("test.sqlite").path
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        if let postgres, let schema = postgres.schema, let session = try? PostgresSession(postgres.with(schema: nil)) {
            try? session.dropSchema(schema)
        }
    }

    /// Starts the binary without waiting for it, its output thrown away.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["KREMLINOLOGY_DB"] = database
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The folder of the package's sources.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared seeds, when the checkout has `../shared` beside it.
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    /// The built binary, beside the test bundle.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("kremlinology")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/kremlinology")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments` (and `--db` added where the command takes it) and
    /// awaits its end. Awaited, not blocked on: every suite shares a few threads, and a test
    /// parked in `waitUntilExit` starves the in-process servers of the other suites (a page
    /// test timed out that way in CI). Output goes to files read after the exit.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["KREMLINOLOGY_DB"] = database
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-run-\(UUID().uuidString)")
        let out = stem.appendingPathExtension("stdout"), err = stem.appendingPathExtension("stderr")
        let input = stem.appendingPathExtension("stdin")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        _ = FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
        defer { for file in [out, err, input] { try? FileManager.default.removeItem(at: file) } }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = try FileHandle(forReadingFrom: input)
        let exit = ProcessExit(process)
        try process.run()
        await exit.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Writes a file into the temporary folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}

/// Drains a file handle on a background thread.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// The PostgreSQL server of the tests, if any: `KREMLINOLOGY_TEST_POSTGRES`. Unset, the
/// PostgreSQL cases are skipped, except in CI (CI=true), where they run and fail.
enum TestPostgres {
    static var url: String? {
        ProcessInfo.processInfo.environment["KREMLINOLOGY_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }
    /// Whether the PostgreSQL cases run.
    static var enabled: Bool { url != nil || isCI }
    static let skipped: Comment = "KREMLINOLOGY_TEST_POSTGRES is unset: PostgreSQL CLI tests skipped (run .ci/run, or set it to a postgres:// URL)"
    static let missingInCI = "CI=true but KREMLINOLOGY_TEST_POSTGRES is unset: start a server and export the URL (see .ci/run)"
}
