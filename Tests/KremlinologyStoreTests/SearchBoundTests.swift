import Foundation
import Testing
@testable import KremlinologyStore

/// A search is bounded by construction (issue 12, item 1): its cost grew with the square of
/// its words (3,200 × "Putin": 7.2 s on SQLite, 800 words: 8 s on PostgreSQL).
@Suite struct SearchBoundTests {
    @Test func repeatedTermsCountOnce() throws {
        #expect(try FTSQuery.terms(from: "Putin putin PUTIN \"hybrid war\" \"Hybrid War\" Putin").count == 2)
    }

    @Test func queriesOverTheDocumentedCapsAreInvalid() throws {
        let distinct = (0..<32).map { "w\($0)" }
        #expect(try FTSQuery.terms(from: distinct.joined(separator: " ")).count == 32)
        #expect(throws: StoreError.self) { try FTSQuery.terms(from: (distinct + ["extra"]).joined(separator: " ")) }
        #expect(throws: StoreError.self) { try FTSQuery.terms(from: String(repeating: "a", count: 64 + 1)) }
        #expect(throws: StoreError.self) { try FTSQuery.terms(from: String(repeating: "ab ", count: 400)) }
        let error = try #require(throws: StoreError.self) { try FTSQuery.terms(from: String(repeating: "Putin ", count: 3_000)) }
        #expect(error.kind == .invalidInput)
    }

    @Test(arguments: StoreBackend.available)
    func aThreeThousandWordSearchIsAnsweredAtOnce(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        _ = try tmp.store.store(videoNote(), extraction: nil)
        let started = Date()
        #expect(throws: StoreError.self) { try tmp.store.search(SearchQuery(text: String(repeating: "Putin ", count: 3_000))) }
        // Under the length cap but with every word repeated: deduplicated to one term.
        _ = try tmp.store.search(SearchQuery(text: String(repeating: "Putin ", count: 160)))
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 1, "\(backend): \(seconds) s")
    }
}
