import Foundation
import Testing

/// Issue 12: one 50 MB line took 1.2 GB (24× the input), because every fact of a document was
/// held until the document was written. Facts of a large document are now written in parts
/// inside its transaction, so memory grows with the input by a small factor.
@Suite struct MemoryBoundTests {
    /// Peak memory of `ingest` on one line of 6 MB and one of 12 MB of distinct sentences, each
    /// with a relation. Both are past the size where extraction goes in parts and where the
    /// store's page cache (64 MB) is full, so the difference between the peaks is what the
    /// extra 6 MB cost. Before the fix it was 29 bytes per input byte; now about 3.
    @Test(.enabled(if: MemoryProbe.available, "needs python3 to read the child's peak memory"))
    func memoryOfOneHugeLineGrowsByASmallFactorOfTheInput() throws {
        let cli = try CLIHarness()
        let small = try cli.write("six.txt", Self.line(bytes: 6 << 20, seed: 0))
        let large = try cli.write("twelve.txt", Self.line(bytes: 12 << 20, seed: 1))
        let smallPeak = try MemoryProbe.peakBytes(of: cli, ["ingest", small, "--db", "small.sqlite"])
        let largePeak = try MemoryProbe.peakBytes(of: cli, ["ingest", large, "--db", "large.sqlite"])
        let perInputByte = Double(largePeak - smallPeak) / Double(6 << 20)
        print("ingest peak: 6 MB line \(smallPeak >> 20) MB, 12 MB line \(largePeak >> 20) MB: \(String(format: "%.1f", perInputByte)) bytes per extra input byte")
        #expect(perInputByte < 10, "memory grew by \(perInputByte) bytes per input byte")
    }

    /// `bytes` of distinct sentences on one line, every one naming two actors and an event.
    static func line(bytes: Int, seed: Int) -> String {
        let actors = ["Russia", "Ukraine", "Vladimir Putin", "Sergei Lavrov", "China", "Belarus", "NATO", "Turkey", "Iran"]
        let verbs = ["condemned", "met", "praised", "threatened", "accused", "visited", "criticised", "supported"]
        var out = ""
        out.reserveCapacity(bytes + 200)
        var i = seed * 1_000_003
        while out.utf8.count < bytes {
            out += "\(actors[i % actors.count]) \(verbs[(i / 9) % verbs.count]) \(actors[(i / 7 + 1) % actors.count]) over item \(i) of the plan. "
            i += 1
        }
        return out
    }
}

/// Runs the binary under python3, which reports the child's peak resident memory.
enum MemoryProbe {
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    }

    static func peakBytes(of cli: CLIHarness, _ arguments: [String]) throws -> Int {
        let script = """
            import os, resource, subprocess, sys
            os.nice(19)  # peak memory does not depend on speed; the server tests beside it must not starve
            r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, CLIHarness.binary.path] + arguments
        process.currentDirectoryURL = cli.folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 2, fields[0] == 0 else {
            throw CLIFailure("kremlinology \(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return fields[1] * 1024  // ru_maxrss is in KiB on Linux
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
