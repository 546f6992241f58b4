import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore

/// The store core shared by both backends: its change token, its actor cache and the
/// queries PostgreSQL used to answer in memory. Each test runs on every backend.
@Suite struct StoreCoreTests {
    private struct Rollback: Error {}

    @Test(arguments: StoreBackend.available)
    func theChangeTokenMovesOnEveryWriteAndOnlyThen(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let before = try tmp.store.changeToken()
        _ = try tmp.store.documents(limit: 10, offset: 0)
        #expect(try tmp.store.changeToken() == before, "a read must not change the token")
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let afterStore = try tmp.store.changeToken()
        #expect(afterStore != before)
        try tmp.store.replaceExtraction(documentID: doc.document.id, with: ExtractionPayload())
        #expect(try tmp.store.changeToken() != afterStore)
    }

    @Test(arguments: StoreBackend.available)
    func aWriteByAnotherConnectionMovesTheToken(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let reader = try tmp.reopen(readOnly: true)
        let before = try reader.changeToken()
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: nil)
        #expect(try reader.changeToken() != before)
    }

    /// A rolled-back write leaves no actor behind in the cache that spares re-writing
    /// actor records: the next document naming that actor writes its record again.
    @Test(arguments: StoreBackend.available)
    func aRolledBackWriteForgetsTheActorsItWrote(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let core = try #require(tmp.store as? SQLCorpusStore)
        let first = videoNote(path: "notes/first.md")
        var written: [Actor] = []
        #expect(throws: Rollback.self) {
            try core.write { x in
                _ = try core.storeInTransaction(first, extraction: loanExtraction(for: first), in: x, newActors: &written)
                throw Rollback()
            }
        }
        #expect(try core.actorRecords().isEmpty, "the rollback removed the actor rows")
        let second = videoNote(path: "notes/second.md", text: "Russia is expected to allocate a loan to Belarus. Again.")
        _ = try core.store(second, extraction: loanExtraction(for: second))
        #expect(try core.actorRecords().map(\.name) == ["Belarus", "Russia"])
    }

    @Test(arguments: StoreBackend.available)
    func relationsAttributedToASpeakerIgnoreCase(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        #expect(try tmp.store.relations(attributedTo: "BONUS_Professor").count == 1)
        #expect(try tmp.store.relations(attributedTo: "someone else").isEmpty)
    }

    /// `%` and `_` are characters of an id prefix, never wildcards.
    @Test(arguments: StoreBackend.available)
    func idPrefixesAreTextNotPatterns(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: nil)
        #expect(try tmp.store.document(matching: String(doc.document.id.prefix(4)))?.document.id == doc.document.id)
        #expect(try tmp.store.document(matching: "%") == nil)
        #expect(try tmp.store.document(matching: "_") == nil)
        #expect(try tmp.store.document(matching: String(doc.document.id.prefix(2)) + "%") == nil)
    }

    @Test func thePostgreSQLPlaceholdersAreNumberedOutsideQuotes() {
        let query = PostgresExecutor.query(#"SELECT '?' AS "a?", x FROM t WHERE a = ? AND b = ?"#, [.integer(1), .text("b")])
        #expect(query.sql == #"SELECT '?' AS "a?", x FROM t WHERE a = $1 AND b = $2"#)
    }
}

/// Negation is a query option, so that a listing's limit counts the rows it shows.
@Suite struct NegationFilterTests {
    @Test(arguments: StoreBackend.available)
    func aLimitCountsFactsWhenNegatedRelationsAreLeftOut(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        var facts = loanExtraction(for: doc)
        let fact = facts.relations[0]
        var denied = fact
        denied.modality = .negated
        // Two negated relations stored before the fact: filtering after the limit would show none.
        facts.relations = [denied, denied, fact]
        _ = try tmp.store.store(doc, extraction: facts)
        let listed = try tmp.store.relations(RelationFilter(includeNegated: false, limit: 1))
        #expect(listed.map(\.relation.modality) == [.expected])
        #expect(try tmp.store.relations(RelationFilter(limit: 10)).count == 3)
        #expect(try tmp.store.relations(RelationFilter(modality: .negated, includeNegated: false, limit: 10)).count == 2)
    }
}
