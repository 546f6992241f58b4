import Foundation
import Testing
import KremlinologyModel
import KremlinologyStore
@testable import KremlinologyAnalysis

/// The outlet view is computed in Analysis, from facts only.
@Suite struct OutletProfileTests {
    func store() throws -> (SQLiteCorpusStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-outlet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("o.sqlite").path)
        let (doc, facts) = loanNote()
        _ = try store.store(doc, extraction: facts)
        return (store, folder)
    }

    @Test func anOutletCountsItsFactsAndNeverItsDenials() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try CorpusAnalyzer(store: store).outlet("BONUS_PROFESSOR")
        #expect(profile.outlet == "bonus_professor")
        #expect(profile.documents == 1)
        #expect(profile.relationsTold == 1, "the negated ASSAULT is not told as a fact")
        #expect(profile.types.map(\.type) == [.aid])
        #expect(profile.pairs.map(\.count) == [1])
        #expect(profile.relations.allSatisfy { $0.relation.modality != .negated })
    }

    @Test func anUnknownOutletNamesTheKnownOnes() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AnalysisError.unknownOutlet("nope", known: ["bonus_professor"])) {
            try CorpusAnalyzer(store: store).outlet("nope")
        }
    }
}

@Suite struct CompareOutletsTests {
    @Test func comparingAnUnknownOutletNamesTheKnownOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        let (doc, facts) = loanNote()
        _ = try store.store(doc, extraction: facts)
        let analyzer = try CorpusAnalyzer(store: store)
        #expect(throws: AnalysisError.unknownOutlet("ISW", known: ["bonus_professor"])) {
            try analyzer.compare(outlets: ["bonus_professor", "ISW"])
        }
        #expect(try analyzer.compare(outlets: ["BONUS_PROFESSOR", "bonus_professor"]).outlets.count == 2)
    }
}
