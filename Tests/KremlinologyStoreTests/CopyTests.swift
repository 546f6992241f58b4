import Foundation
import GRDB
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// `copy` between backends: SQLite → PostgreSQL → SQLite loses nothing.
@Suite struct CopyTests {
    /// A store with documents of every shape: facts, topic links, claims, an actor no document mentions.
    static func fill(_ store: any CorpusStore) throws {
        let loan = videoNote()
        var facts = loanExtraction(for: loan)
        facts.claims = [Claim(speaker: "Alexander Lukashenko", quote: "Hybrid warfare replaced hot war.",
                              range: TextRange(start: 50, end: 82), modality: .reported, attribution: "bonus_professor")]
        facts.actors.append(Actor(name: "Alexander Lukashenko", kind: .person, wikidata: "Q48274", aliases: ["Lukashenka"],
                                  affiliations: [Affiliation(organization: "Belarus", role: "president", from: "1994")]))
        _ = try store.store(loan, extraction: facts)
        var other = videoNote(path: "articles/other.txt", text: "Kyiv asked Berlin for air defence «systems» — Erdoğan 🇹🇷.",
                              hash: "h2")
        other.document.kind = .article
        other.document.outlet = "UNN"
        other.document.videoID = nil
        other.document.published = "2024-11-08"
        other.passages = [Passage(index: 0, range: TextRange(start: 0, end: other.text.utf8.count), kind: .listItem)]
        _ = try store.store(other, extraction: nil)
        // A judgement and a curation log with an undone decision travel too.
        let fact = try #require(try store.relations(RelationFilter()).first)
        _ = try store.judge(relationID: fact.id, verdict: .wrong, note: "rumour", author: "ana")
        let merge = try store.recordCuration(CurationDecision(action: .merge, actor: "Belarus", other: "Russia", note: "test",
                                                              snapshot: [Actor(name: "Belarus", kind: .state)]))
        _ = try store.undoCuration(id: try #require(merge.id))
        _ = try store.recordCuration(CurationDecision(action: .dismiss, actor: "Belarus"))
    }

    /// Every table's rows, without the ids and times that a store assigns itself, in a stable order.
    static func tables(ofSQLite path: String) throws -> [String: [String]] {
        var configuration = Configuration()
        configuration.prepareDatabase { db in SQLiteCorpusStore.addFunctions(to: db) }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let queries = [
            "document": """
                SELECT id, path, file_name, title, kind, outlet, republisher, author, published, url, video_id, content_hash,
                       hex(t.texts) AS texts,
                       byte_count, passage_count
                FROM document JOIN document_text t USING (id)
                """,
            "passage": #"SELECT p.document_id, p.idx, p.start, p."end", p.section, p.kind, p.anchors, f.body FROM passage p JOIN passage_fts f ON f.rowid = p.id"#,
            "topic_link": "SELECT * FROM topic_link",
            "actor": "SELECT * FROM actor",
            "mention": "SELECT * FROM mention",
            "relation": "SELECT document_id, passage_idx, source, source_wikidata, source_text, target, target_wikidata, target_text, type, polarity, modality, attribution, instruments, time, quote, start, \"end\", rule, locator, locator_seconds, locator_paragraph, locator_url FROM relation",
            "claim": "SELECT * FROM claim",
            "judgement": #"SELECT document_id, start, "end", source, type, target, verdict, note, author, judged_at FROM judgement"#,
            "curation": "SELECT action, actor, other, new_name, alias, kind, note, author, decided_at, undone_at, snapshot FROM curation",
        ]
        return try queue.read { db in
            try queries.mapValues { sql in try Row.fetchAll(db, sql: sql).map(\.description).sorted() }
        }
    }

    @Test(arguments: StoreBackend.postgresOnly)
    func aRoundTripThroughPostgreSQLKeepsEveryRow(backend: StoreBackend) throws {
        let original = try TemporaryStore(.sqlite)
        try Self.fill(original.store)
        let middle = try TemporaryStore(backend)
        let there = try StoreCopier(from: original.store, to: middle.store).copy()
        #expect(there.added == 2)
        let back = try TemporaryStore(.sqlite)
        let home = try StoreCopier(from: middle.store, to: back.store).copy()
        #expect(home.added == 2)

        let before = try Self.tables(ofSQLite: original.location)
        let after = try Self.tables(ofSQLite: back.location)
        for table in before.keys.sorted() {
            #expect(before[table] == after[table], "table \(table) differs after the round trip")
            #expect(before[table]?.isEmpty == false, "table \(table) should hold rows for the test to mean something")
        }
        // The middle store answers like the original.
        #expect(try middle.store.stats() == original.store.stats())
        #expect(try middle.store.relations(RelationFilter()).map(\.relation) == original.store.relations(RelationFilter()).map(\.relation))
        #expect(try middle.store.actors(kind: nil, limit: 10) == original.store.actors(kind: nil, limit: 10))
        #expect(try middle.store.documents(limit: 10, offset: 0) == original.store.documents(limit: 10, offset: 0))
        // Copying again changes nothing.
        #expect(try StoreCopier(from: original.store, to: middle.store).copy().unchanged == 2)
    }

    @Test func copyingBetweenTwoSQLiteFilesKeepsEveryRow() throws {
        let original = try TemporaryStore(.sqlite)
        try Self.fill(original.store)
        let copy = try TemporaryStore(.sqlite)
        #expect(try StoreCopier(from: original.store, to: copy.store).copy().added == 2)
        #expect(try Self.tables(ofSQLite: original.location) == Self.tables(ofSQLite: copy.location))
    }
}
