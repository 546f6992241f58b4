import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// The mechanisms behind the request bounds, tested on their own: the admission gate, the
/// time budget, the host check and the memo's byte bound (issue 12, items 1, 5 and 6).
@Suite struct BoundMechanismTests {
    let corpus = TestCorpus.shared

    /// One slot, one place in line: the third request is turned away at once.
    @Test func aFullLineAtTheGateIsRefusedAtOnce() async throws {
        let gate = AdmissionGate(slots: 1, queue: 1)
        #expect(await gate.acquire())
        let waiter = Task { await gate.acquire() }
        while gate.waiting == 0 { await Task.yield() }
        #expect(await gate.acquire() == false)
        gate.release()
        #expect(await waiter.value)
        gate.release()
        #expect(await gate.acquire())
    }

    /// Through HTTP: with the slot and the line taken, a request gets 503 and Retry-After.
    @Test func aFullQueueOfExpensiveRequestsAnswers503WithRetryAfter() async throws {
        var bounds = RequestBounds()
        bounds.expensiveConcurrency = 1
        bounds.expensiveQueue = 1
        let limiter = ExpensiveRequestMiddleware(bounds: bounds)
        let release = AdmissionGate(slots: 1, queue: 10)
        #expect(await release.acquire())  // held until the refusal is seen
        let router = Router(context: ServerContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: limiter)
        router.get("api/v1/search") { _, _ in
            _ = await release.acquire()
            release.release()
            return "done"
        }
        router.get("api/v1/stats") { _, _ in "cheap" }
        try await Application(router: router).test(.live) { client in
            let port = client.port ?? 0
            let url = "http://127.0.0.1:\(port)/api/v1/search?q=x"
            let first = Task { try await Curl.get(url) }
            while limiter.gate.running == 0 { try await Task.sleep(for: .milliseconds(10)) }
            let second = Task { try await Curl.get(url) }
            while limiter.gate.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
            let third = try await Curl.get(url)
            #expect(third.status == 503 && third.retryAfter == "1", "\(third)")
            release.release()
            #expect(try await first.value.status == 200)
            #expect(try await second.value.status == 200)
            // Cheap routes never queue.
            #expect(try await client.execute(uri: "/api/v1/stats", method: .get).status == .ok)
        }
    }

    /// Past its budget a read is answered 503; the work ends on its own queue. Which wins is
    /// decided when the budget's timer fires (its own queue), so the outcome, unlike a clock
    /// read in this busy test process, does not depend on when the test gets a thread again.
    @Test func aReadPastItsTimeBudgetIsA503AndDoesNotWaitForTheWork() async throws {
        let budgeted = try Corpus(store: corpus.store, extraction: nil, timeBudget: 0.2)
        let finished = Locked(false)
        do {
            _ = try await budgeted.read { _ in Thread.sleep(forTimeInterval: 3); finished.withLock { $0 = true }; return 1 }
            Issue.record("the read waited for the work")
        } catch let error as RequestError {
            #expect(error.status == .serviceUnavailable)
            #expect(error.headers[.retryAfter] == "1")
        }
    }

    /// A cancelled read (the client left, the server stops) returns at once with
    /// CancellationError instead of the work's result.
    @Test func aCancelledReadReturnsAtOnce() async throws {
        let reads = try Corpus(store: corpus.store, extraction: nil)
        let task = Task { try await reads.read(budget: 30) { _ in Thread.sleep(forTimeInterval: 3); return 1 } }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("the cancelled read waited for the work")
        } catch {
            #expect(error is CancellationError, "\(error)")
        }
    }

    /// DNS rebinding: the browser sends the attacker's name in Host; only ours are answered.
    @Test func onlyTheBoundAndAllowedHostNamesAreAnswered() async throws {
        let app = try buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0, store: corpus.store, allowedHosts: ["corpus.lan"]))
        try await app.test(.live) { client in
            let port = client.port ?? 0
            // Awaited, never blocking: this process's server answers on the same threads. A static
            // route: a store read can pass its time budget under load (503), which is not what this tests.
            func status(_ host: String) async -> String {
                let answer = try? await Curl.get("http://127.0.0.1:\(port)/api/v1/openapi.yaml", headers: ["Host: \(host)"])
                return answer.map { String($0.status) } ?? "curl failed"
            }
            for host in ["localhost", "localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST", "corpus.lan:\(port)"] {
                #expect(await status(host) == "200", "Host: \(host)")
            }
            for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example:\(port)"] {
                #expect(await status(host) == "421", "Host: \(host)")
            }
        }
    }

    @Test func hostNamesAreComparedWithoutPortOrBrackets() {
        #expect(HostCheckMiddleware.hostName(of: "[::1]:8080") == "::1")
        #expect(HostCheckMiddleware.hostName(of: "LocalHost:80") == "localhost")
        #expect(HostCheckMiddleware.hostName(of: "::1") == "::1")
    }

    @Test func theLeastRecentlyUsedValueIsEvictedWhenTheBytesRunOut() {
        let value = String(repeating: "x", count: 1_000)
        let size = MemoCache.estimatedBytes(of: value) + 1
        var cache = MemoCache(capacityBytes: size * 3)
        cache.insert(value, forKey: "a")
        cache.insert(value, forKey: "b")
        cache.insert(value, forKey: "c")
        _ = cache.value(forKey: "a")
        cache.insert(value, forKey: "d")
        #expect(cache.value(forKey: "b") == nil, "the least recently used value stays")
        #expect(cache.value(forKey: "a") != nil && cache.value(forKey: "c") != nil && cache.value(forKey: "d") != nil)
        #expect(cache.totalBytes <= cache.capacityBytes)
    }

    @Test func encodableValuesAreSizedByTheirEncoding() {
        let small = MemoCache.estimatedBytes(of: [1, 2, 3])
        let large = MemoCache.estimatedBytes(of: Array(repeating: "Vladimir Putin", count: 10_000))
        #expect(large > 100 * small)
    }

    /// 800 distinct network filters once grew the memo by 31 MB with nothing evicted.
    @Test func manyDistinctViewsStayWithinTheBound() throws {
        let corpus = try Corpus(store: TestCorpus.shared.store, extraction: nil, memoBytes: 256 << 10)
        for index in 0..<300 {
            _ = corpus.memo("view|\(index)") { String(repeating: "v", count: 4_000) }
        }
        let figures = corpus.memoFigures
        #expect(figures.bytes <= 256 << 10, "\(figures)")
        #expect(figures.count > 10 && figures.count < 300, "\(figures)")
    }
}
