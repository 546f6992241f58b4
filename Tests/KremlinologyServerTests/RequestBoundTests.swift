import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// One client cannot stall the server: long queries are refused by construction, expensive
/// requests queue in bounded memory, every read has a time budget (issue 12, item 1).
@Suite struct RequestBoundTests {
    let corpus = TestCorpus.shared

    // The burst of long queries is sent to the real binary, where no other test shares the
    // server's threads: HardeningCommandTests.aBurstOfLongQueriesLeavesAPlainSearchPrompt.

    @Test func aLongQueryNamesTheLimitItPasses() async throws {
        try await corpus.withServer { client, _ in
            let words = (0..<40).map { "w\($0)" }.joined(separator: "+")
            let response = try await client.execute(uri: "/api/v1/search?q=\(words)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("the limit is 32"), "\(response.text)")
        }
    }

    @Test func aURLOrHeadersOverTheirCapAre414And431() async throws {
        try await corpus.withServer { client, _ in
            let long = try await client.execute(uri: "/api/v1/search?q=" + String(repeating: "a", count: 9_000), method: .get)
            #expect(long.status == .uriTooLong)
            let headers: HTTPFields = [HTTPField.Name("X-Padding")!: String(repeating: "a", count: 20_000)]
            let big = try await client.execute(uri: "/api/v1/stats", method: .get, headers: headers)
            #expect(big.status == .requestHeaderFieldsTooLarge)
        }
    }
}

/// HTTP requests through curl, each on its own connection (the test client pipelines its
/// requests on one).
enum Curl {
    struct Answer: Sendable {
        var status: Int
        var seconds: Double
        var retryAfter: String?
    }

    /// Waits for curl without holding a thread (a burst of blocking waits starves the dispatch
    /// pool that the server's reads run on).
    static func get(_ url: String, headers: [String] = []) async throws -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // 180 s, as the test corpus's own client: the limit is for a hung server, not for a 2-core machine
        // running the whole suite at once (at 60 s, the two bound tests failed in 2 of 3 full CI runs
        // and passed alone every time).
        process.arguments = ["curl", "-s", "-o", "/dev/null", "-D", "-", "--max-time", "180", "-w", "\nSTATUS %{http_code} %{time_total}"]
            + headers.flatMap { ["-H", $0] } + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let output: String = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { _ in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let lines = output.split(whereSeparator: \.isNewline)
        let last = lines.last?.split(separator: " ") ?? []
        let retryAfter = lines.first { $0.lowercased().hasPrefix("retry-after:") }
            .map { $0.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespaces) }
        return Answer(status: last.count == 3 ? Int(last[1]) ?? 0 : 0, seconds: last.count == 3 ? Double(last[2]) ?? 0 : 0,
                      retryAfter: retryAfter)
    }
}
