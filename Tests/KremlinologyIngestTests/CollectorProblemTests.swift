import Foundation
import KremlinologyIngest
import Testing

/// What the collector does with folders it cannot list, links that lead nowhere, FIFOs,
/// devices and folders too deep: one problem each, and every other file still collected.
@Suite("File collection problems")
struct CollectorProblemTests {
    @Test func anUnlistableSubfolderIsOneProblemAndEveryOtherFileIsCollected() throws {
        let root = try TempFolder(["good/1.txt", "good/2.txt", "locked/secret.txt", "a.txt", "z/3.md"])
        defer { root.remove() }
        let locked = root.path("locked")
        let collector = FileCollector(listFolder: { folder in
            if folder == locked { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        })
        let collection = collector.collectReporting([root.url])
        #expect(root.relative(collection.files) == ["a.txt", "good/1.txt", "good/2.txt", "z/3.md"])
        #expect(collection.problems.count == 1)
        guard case let .unlistableFolder(path, _)? = collection.problems.first else {
            Issue.record("expected one unlistable folder, got \(collection.problems)"); return
        }
        #expect(path == locked)
    }

    /// The real thing: a `chmod 000` folder walked by a user who may not list it. As root
    /// (who may list anything) the walk runs in a child process under `nobody`.
    @Test(.enabled(if: UnprivilegedRun.isPossible, "needs to run as a non-root user, or as root with setpriv on Linux"))
    func aChmod000SubfolderWalkedByAnUnprivilegedUserIsOneProblem() throws {
        let root = try TempFolder(["good/1.txt", "good/2.txt", "locked/secret.txt", "a.txt", "b.txt", "c.txt"], worldReadable: true)
        defer { root.remove() }
        chmod(root.path("locked"), 0)
        defer { chmod(root.path("locked"), 0o755) }
        let result = try UnprivilegedRun.collect(root.url)
        #expect(result.files == ["a.txt", "b.txt", "c.txt", "good/1.txt", "good/2.txt"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix(root.path("locked") + ": folder cannot be listed (Permission denied)") == true,
                "\(result.problems)")
    }

    @Test func anUnlistableRootIsOneProblem() throws {
        let collector = FileCollector(listFolder: { _ in throw CocoaError(.fileReadNoPermission) })
        let root = try TempFolder(["a.txt"])
        defer { root.remove() }
        let collection = collector.collectReporting([root.url])
        #expect(collection.files.isEmpty)
        #expect(collection.problems.map(\.description).first?.contains("folder cannot be listed") == true)
    }

    @Test func aDanglingLinkIsReportedWithItsTarget() throws {
        let root = try TempFolder(["a.txt"])
        defer { root.remove() }
        try FileManager.default.createSymbolicLink(atPath: root.path("gone.txt"), withDestinationPath: "/nonexistent/target.txt")
        let collection = FileCollector().collectReporting([root.url])
        #expect(root.relative(collection.files) == ["a.txt"])
        #expect(collection.problems == [.danglingLink(path: root.path("gone.txt"), target: "/nonexistent/target.txt")])
        #expect(collection.problems.first?.description.hasSuffix("which does not exist; skipped") == true)
    }

    @Test func aFolderDeeperThanTheLimitIsReportedOnce() throws {
        let deep = (1...70).map { "d\($0)" }.joined(separator: "/")
        let root = try TempFolder(["top.txt", deep + "/bottom.txt", "d1/d2/shallow.txt"])
        defer { root.remove() }
        let collection = FileCollector().collectReporting([root.url])
        #expect(root.relative(collection.files) == ["d1/d2/shallow.txt", "top.txt"])
        #expect(collection.problems.count == 1)
        guard case let .tooDeep(path, limit)? = collection.problems.first else {
            Issue.record("expected tooDeep, got \(collection.problems)"); return
        }
        #expect(limit == 64)
        #expect(path == root.path((1...65).map { "d\($0)" }.joined(separator: "/")))
    }

    @Test func fifosAndDeviceLinksAreNotRegularFilesAndNeverOpened() throws {
        let root = try TempFolder(["a.txt"])
        defer { root.remove() }
        #expect(mkfifo(root.path("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.path("zero.txt"), withDestinationPath: "/dev/zero")
        let collection = FileCollector().collectReporting([root.url])
        #expect(root.relative(collection.files) == ["a.txt"])
        #expect(collection.problems == [.notRegularFile(path: root.path("pipe.txt"), kind: "FIFO"),
                                        .notRegularFile(path: root.path("zero.txt"), kind: "character device")])
        // Named explicitly, a FIFO is reported the same way, and the walk of the others goes on.
        let explicit = FileCollector().collectReporting([root.url.appendingPathComponent("pipe.txt"), root.url.appendingPathComponent("a.txt")])
        #expect(explicit.files.map(\.lastPathComponent) == ["a.txt"])
        #expect(explicit.problems.map(\.description) == ["\(root.path("pipe.txt")): not a regular file (FIFO); only regular files are read"])
    }

    @Test func theThrowingCollectStillStopsAtAFolderItCannotList() throws {
        let root = try TempFolder(["a.txt", "locked/b.txt"])
        defer { root.remove() }
        let locked = root.path("locked")
        let collector = FileCollector(listFolder: { folder in
            if folder == locked { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        })
        #expect(throws: IngestError.self) { try collector.collect([root.url]) }
        #expect(try FileCollector().collect([root.url]).count == 2)
    }

    @Test func theThrowingCollectHandsFIFOsAndDanglingLinksToTheReaderToReport() throws {
        let root = try TempFolder(["a.txt"])
        defer { root.remove() }
        #expect(mkfifo(root.path("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.path("gone.txt"), withDestinationPath: "/nonexistent/x")
        let files = try FileCollector().collect([root.url])
        #expect(root.relative(files) == ["a.txt", "gone.txt", "pipe.txt"])
        #expect(throws: IngestError.danglingLink(path: root.path("gone.txt"), target: "/nonexistent/x")) {
            try DocumentReader().read(fileAt: files[1])
        }
        #expect(throws: IngestError.notRegularFile(path: root.path("pipe.txt"), kind: "FIFO")) {
            try DocumentReader().read(fileAt: files[2])
        }
    }

    /// Runs in the child process that ``UnprivilegedRun`` starts; a no-op anywhere else.
    @Test func collectorProbeForAnUnprivilegedChild() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment[UnprivilegedRun.folderVariable], let output = environment[UnprivilegedRun.outputVariable] else { return }
        let collection = FileCollector().collectReporting(paths: [folder])
        let result = UnprivilegedRun.Result(files: collection.files.map { String($0.path.dropFirst(folder.count + 1)) },
                                            problems: collection.problems.map(\.description))
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: output))
    }
}

/// A fresh folder under the temporary directory holding the given files (each holding "x").
struct TempFolder {
    let url: URL

    init(_ files: [String], worldReadable: Bool = false) throws {
        let fm = FileManager.default
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kremlinology-\(UUID().uuidString)")
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        for file in files {
            let fileURL = url.appendingPathComponent(file)
            try fm.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            fm.createFile(atPath: fileURL.path, contents: Data("Some text about Moscow.\n".utf8))
        }
        if worldReadable { chmod(url.path, 0o755) }
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func relative(_ files: [URL]) -> [String] { files.map { String($0.path.dropFirst(url.path.count + 1)) } }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Collects a folder as the unprivileged user `nobody`: in this process when it is not root, else
/// in a child that reruns this test binary under `setpriv` with only the probe test selected.
enum UnprivilegedRun {
    struct Result: Codable { var files: [String]; var problems: [String] }
    struct ChildFailed: Error, CustomStringConvertible { var message: String; var description: String { message } }

    static let folderVariable = "KREMLINOLOGY_COLLECT_PROBE"
    static let outputVariable = "KREMLINOLOGY_COLLECT_PROBE_OUT"

    static var isPossible: Bool {
        #if os(Linux)
        return getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && othersCanRun("/proc/self/exe".resolvedLink)
        #else
        return getuid() != 0
        #endif
    }

    /// Whether a user who is neither owner nor group may run `path`: every folder above it
    /// must let others through (a checkout under /root does not).
    static func othersCanRun(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path)
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & 0o005 == 0o005 else { return false }
        while url.path != "/" {
            url.deleteLastPathComponent()
            guard stat(url.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
        }
        return true
    }

    static func collect(_ folder: URL) throws -> Result {
        if getuid() != 0 {
            let collection = FileCollector().collectReporting([folder])
            return Result(files: collection.files.map { String($0.path.dropFirst(folder.path.count + 1)) },
                          problems: collection.problems.map(\.description))
        }
        let outputFolder = try TempFolder([])
        defer { outputFolder.remove() }
        chmod(outputFolder.url.path, 0o777)
        let output = outputFolder.path("result.json")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        child.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/proc/self/exe".resolvedLink,
                           "--testing-library", "swift-testing", "--filter", "collectorProbeForAnUnprivilegedChild"]
        var environment = ProcessInfo.processInfo.environment
        environment[folderVariable] = folder.path
        environment[outputVariable] = output
        child.environment = environment
        let log = Pipe()
        child.standardOutput = log
        child.standardError = log
        try child.run()
        let printed = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        guard let data = FileManager.default.contents(atPath: output) else {
            throw ChildFailed(message: "the child run as nobody wrote no result (status \(child.terminationStatus)): \(printed.suffix(2000))")
        }
        return try JSONDecoder().decode(Result.self, from: data)
    }
}

extension String {
    /// The target of the symbolic link at this path (for `/proc/self/exe`: this binary).
    var resolvedLink: String { (try? FileManager.default.destinationOfSymbolicLink(atPath: self)) ?? self }
}
