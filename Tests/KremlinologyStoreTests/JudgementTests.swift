import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// An analyst judges facts (issue 15, item 2): a judgement is kept beside the evidence, hides a
/// wrong fact from the figures, holds again after re-extraction of the same words, and is
/// reported when they no longer yield the fact.
@Suite struct JudgementTests {
    static let facts = Result { try FactExtraction(packDirectories: []) }

    @Test(arguments: StoreBackend.available)
    func aJudgementHidesAWrongFactAndSurvivesReextraction(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let facts = try Self.facts.get()
        let text = "Russia condemned Ukraine over the gas transit.\n\nRussia threatened Belarus with a gas embargo.\n"
        let document = try DocumentReader().read(bytes: Array(text.utf8), path: "j.txt", fileName: "j.txt")
        let payload = facts.payload(for: document)
        _ = try tmp.store.store(document, extraction: payload)
        let before = try tmp.store.stats()
        let threat = try #require(try tmp.store.relations(RelationFilter(target: "Belarus")).first)

        let judged = try tmp.store.judge(relationID: threat.id, verdict: .wrong, note: "a rumour", author: "tester")
        #expect(judged.judgement == .wrong && judged.judgementNote == "a rumour")
        #expect(try tmp.store.stats().claims == before.claims - 1, "a fact judged wrong is no claim")
        #expect(try tmp.store.relations(RelationFilter(target: "Belarus")).first?.judgement == .wrong, "still listed, marked")
        let russia = try #require(try tmp.store.actors(kind: nil, limit: 10).first { $0.actor.name == "Russia" })
        #expect(russia.relationsOut == before.claims - 1)

        // Re-extraction of the same words yields the same fact: the judgement holds again.
        try tmp.store.replaceExtraction(documentID: document.document.id, with: payload)
        let again = try #require(try tmp.store.relations(RelationFilter(target: "Belarus")).first)
        #expect(again.judgement == .wrong)
        #expect(try tmp.store.orphanedJudgements().isEmpty)

        // Words that no longer yield it: the judgement is reported, never applied elsewhere.
        var without = payload
        without.relations.removeAll { $0.target == "Belarus" }
        try tmp.store.replaceExtraction(documentID: document.document.id, with: without)
        let orphans = try tmp.store.orphanedJudgements()
        #expect(orphans.map(\.target) == ["Belarus"] && orphans.first?.verdict == .wrong)
        #expect(try tmp.store.relations(RelationFilter()).allSatisfy { $0.judgement == nil })

        // Judging again replaces; deleting the document removes its judgements.
        try tmp.store.replaceExtraction(documentID: document.document.id, with: payload)
        let back = try #require(try tmp.store.relations(RelationFilter(target: "Belarus")).first)
        #expect(try tmp.store.judge(relationID: back.id, verdict: .right, note: nil, author: nil).judgement == .right)
        #expect(try tmp.store.stats().claims == before.claims)
        _ = try tmp.store.deleteDocuments(ids: [document.document.id])
        #expect(try tmp.store.orphanedJudgements().isEmpty)
        #expect(throws: StoreError.self) { try tmp.store.judge(relationID: back.id, verdict: .wrong, note: nil, author: nil) }
    }
}
