import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore

/// Builds a small video note by hand: two passages, the first closed by two timestamps.
func videoNote(path: String = "notes/loan.md", text: String? = nil, hash: String = "h1") -> IngestedDocument {
    let first = "Russia is expected to allocate a loan to Belarus. Hybrid warfare replaced hot war."
    let second = "Lukashenko twists Putin as he wants."
    let body = text ?? first + "\n\n" + second
    let firstRange = TextRange(start: 0, end: first.utf8.count)
    let secondStart = first.utf8.count + 2
    let passages = [
        Passage(index: 0, range: firstRange, section: "Belarus", anchors: [
            TimestampAnchor(offset: 49, timestamp: "00:55:55", seconds: 3355),
            TimestampAnchor(offset: first.utf8.count, timestamp: "00:24:29", seconds: 1469),
        ], topicLinks: [TopicLink(slug: "hybrid_warfare", label: "Hybrid warfare", range: TextRange(start: 50, end: 64))]),
        Passage(index: 1, range: TextRange(start: secondStart, end: secondStart + second.utf8.count), section: "Belarus",
                anchors: [TimestampAnchor(offset: secondStart + second.utf8.count, timestamp: "00:55:12", seconds: 3312)]),
    ]
    let id = String(body.utf8.reduce(UInt64(14695981039346656037)) { ($0 ^ UInt64($1)) &* 1099511628211 }, radix: 16)
    let document = Document(id: id, path: path, fileName: (path as NSString).lastPathComponent, title: "Loan",
                            kind: .videoNote, outlet: "bonus_professor", url: "https://www.youtube.com/watch?v=VID",
                            videoID: "VID")
    return IngestedDocument(document: document, text: body, rawText: body, contentHash: hash, passages: passages)
}

func loanExtraction(for doc: IngestedDocument) -> ExtractionPayload {
    let quote = "Russia is expected to allocate a loan to Belarus."
    return ExtractionPayload(
        actors: [Actor(name: "Russia", kind: .state, wikidata: "Q159", country: "RUS", aliases: ["Moscow"]),
                 Actor(name: "Belarus", kind: .state, wikidata: "Q184", country: "BLR")],
        mentions: [ActorMention(actor: "Russia", text: "Russia", range: TextRange(start: 0, end: 6), rule: "gazetteer"),
                   ActorMention(actor: "Belarus", text: "Belarus", range: TextRange(start: 41, end: 48), rule: "gazetteer")],
        relations: [Relation(source: "Russia", sourceWikidata: "Q159", sourceText: "Russia", target: "Belarus",
                             targetWikidata: "Q184", targetText: "Belarus", type: .aid, modality: .expected,
                             attribution: "bonus_professor", instruments: [.economic], quote: quote,
                             range: TextRange(start: 0, end: quote.utf8.count), rule: "verb:allocate")],
        claims: [])
}

/// Store behaviours, each written once and run against every backend in `StoreBackend.available`.
@Suite struct CorpusStoreTests {
    @Test(arguments: StoreBackend.available)
    func addingANewDocumentStoresItsPassagesAndFacts(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        #expect(try tmp.store.store(doc, extraction: loanExtraction(for: doc)) == .added(documentID: doc.document.id))
        let stats = try tmp.store.stats()
        #expect(stats.documents == 1)
        #expect(stats.passages == 2)
        #expect(stats.relations == 1)
        #expect(stats.relationsByType["AID"] == 1)
        let content = try #require(try tmp.store.content(ofDocument: doc.document.id))
        #expect(content.text == doc.text)
        #expect(content.passages == doc.passages)
    }

    @Test(arguments: StoreBackend.available)
    func reingestingTheSameBytesIsANoOp(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: nil)
        #expect(try tmp.store.store(doc, extraction: nil) == .unchanged(documentID: doc.document.id))
        #expect(try tmp.store.stats().passages == 2)
    }

    @Test(arguments: StoreBackend.available)
    func aChangedFileReplacesItsOldVersion(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let old = videoNote()
        _ = try tmp.store.store(old, extraction: loanExtraction(for: old))
        var new = videoNote(text: "A different text entirely, with other words.", hash: "h2")
        new.passages = [Passage(index: 0, range: TextRange(start: 0, end: new.text.utf8.count))]
        #expect(try tmp.store.store(new, extraction: nil) == .replaced(documentID: new.document.id, previousID: old.document.id))
        let stats = try tmp.store.stats()
        #expect(stats.documents == 1)
        #expect(stats.passages == 1)
        #expect(stats.relations == 0)
        #expect(try tmp.store.search(SearchQuery(text: "Lukashenko")).isEmpty)
        #expect(try tmp.store.search(SearchQuery(text: "different")).count == 1)
    }

    @Test(arguments: StoreBackend.available)
    func theSameContentUnderAnotherNameIsReportedAsDuplicate(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        _ = try tmp.store.store(videoNote(path: "a/loan.md"), extraction: nil)
        #expect(try tmp.store.store(videoNote(path: "b/copy.md"), extraction: nil) == .duplicate(of: "a/loan.md"))
        #expect(try tmp.store.stats().documents == 1)
    }

    @Test(arguments: StoreBackend.available)
    func searchRanksPassagesAndGivesTheTimestampOfTheMatchedSentence(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        _ = try tmp.store.store(videoNote(), extraction: nil)
        let hits = try tmp.store.search(SearchQuery(text: "hybrid warfare"))
        let hit = try #require(hits.first)
        #expect(hits.count == 1)
        #expect(hit.passageIndex == 0)
        #expect(hit.snippet.contains("[Hybrid] [warfare]"))
        #expect(hit.locator.timestamp == "00:24:29")
        #expect(hit.locator.url == "https://www.youtube.com/watch?v=VID&t=1469s")
        let loan = try #require(try tmp.store.search(SearchQuery(text: "loan")).first)
        #expect(loan.locator.timestamp == "00:55:55")
    }

    @Test(arguments: StoreBackend.available)
    func searchFiltersByOutletAndPhrase(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        _ = try tmp.store.store(videoNote(), extraction: nil)
        #expect(try tmp.store.search(SearchQuery(text: "Lukashenko", outlet: "BONUS_PROFESSOR")).count == 1)
        #expect(try tmp.store.search(SearchQuery(text: "Lukashenko", outlet: "RT")).isEmpty)
        #expect(try tmp.store.search(SearchQuery(text: "\"twists Putin\"")).count == 1)
        #expect(try tmp.store.search(SearchQuery(text: "\"Putin twists\"")).isEmpty)
    }

    @Test func searchQueriesNeverReachFTS5AsSyntax() throws {
        #expect(try FTSQuery.build(from: "hybrid warfare") == "\"hybrid\" \"warfare\"")
        #expect(try FTSQuery.build(from: "NEAR(a b) OR \"x y") == "\"NEAR\" \"a\" \"b\" \"OR\" \"x y\"")
        #expect(throws: StoreError.self) { try FTSQuery.build(from: "*** ()") }
    }

    @Test(arguments: StoreBackend.available)
    func searchSyntaxTypedByAUserFindsNothingRatherThanFailing(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        _ = try tmp.store.store(videoNote(), extraction: nil)
        #expect(try tmp.store.search(SearchQuery(text: "\" OR ( loan")).count == 0)
    }

    @Test(arguments: StoreBackend.available)
    func relationsCarryTheirLocatorAndFilter(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let all = try tmp.store.relations(RelationFilter())
        let loan = try #require(all.first)
        #expect(loan.locator.timestamp == "00:55:55")
        #expect(loan.locator.url == "https://www.youtube.com/watch?v=VID&t=3355s")
        #expect(loan.relation.instruments == [.economic])
        #expect(loan.relation.modality == .expected)
        #expect(try tmp.store.relations(RelationFilter(source: "russia", type: .aid)).count == 1)
        #expect(try tmp.store.relations(RelationFilter(modality: .negated)).isEmpty)
        #expect(try tmp.store.relations(RelationFilter(outlet: "RT")).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func actorsAreListedByMentionsWithTheirDocuments(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let actors = try tmp.store.actors(kind: nil, limit: 10)
        #expect(actors.map(\.actor.name).sorted() == ["Belarus", "Russia"])
        let russia = try #require(actors.first { $0.actor.name == "Russia" })
        #expect(russia.actor.wikidata == "Q159")
        #expect(russia.documents == ["loan.md"])
        #expect(russia.relationsOut == 1)
        #expect(try tmp.store.actors(kind: .person, limit: 10).isEmpty)
        // Two more documents, one of them of the same file name in another folder: each
        // actor lists its file names once each, in byte order.
        for (path, hash) in [("other/loan.md", "h-other"), ("archive/a.md", "h-a")] {
            // Another text (the id is its hash), with the same first passage.
            let more = videoNote(path: path, text: doc.text + " " + hash, hash: hash)
            _ = try tmp.store.store(more, extraction: loanExtraction(for: more))
        }
        let again = try tmp.store.actors(kind: nil, limit: 10)
        #expect(again.first { $0.actor.name == "Russia" }?.documents == ["a.md", "loan.md"])
        #expect(again.first { $0.actor.name == "Belarus" }?.documents == ["a.md", "loan.md"])
    }

    @Test(arguments: StoreBackend.available)
    func reextractionReplacesOnlyTheFacts(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        try tmp.store.replaceExtraction(documentID: doc.document.id, with: ExtractionPayload())
        let stats = try tmp.store.stats()
        #expect(stats.relations == 0)
        #expect(stats.mentions == 0)
        #expect(stats.passages == 2)
    }

    @Test(arguments: StoreBackend.available)
    func documentsAreFoundByIdPrefixFileNameOrPath(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: nil)
        #expect(try tmp.store.document(matching: "loan.md")?.document.id == doc.document.id)
        #expect(try tmp.store.document(matching: "notes/loan.md")?.document.id == doc.document.id)
        #expect(try tmp.store.document(matching: String(doc.document.id.prefix(6)))?.document.id == doc.document.id)
        #expect(try tmp.store.document(matching: "nothing.md") == nil)
    }

    @Test func aReadOnlyOpenOfAMissingFileSaysWhatToDo() {
        #expect(throws: StoreError.self) { try SQLiteCorpusStore(path: "/nonexistent/dir/x.sqlite", readOnly: true) }
    }

    @Test(arguments: StoreBackend.available)
    func aSecondConnectionSeesWhatTheFirstStored(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let reader = try tmp.reopen(readOnly: true)
        #expect(try reader.stats().relations == 1)
        #expect(try reader.documentIDs() == [doc.document.id])
    }

    @Test(arguments: StoreBackend.available)
    func storedFactsReadBackAsTheyWereGiven(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let doc = videoNote()
        let facts = loanExtraction(for: doc)
        _ = try tmp.store.store(doc, extraction: facts)
        let back = try #require(try tmp.store.extraction(ofDocument: doc.document.id))
        #expect(back.relations == facts.relations)
        #expect(back.mentions == facts.mentions)
        #expect(back.claims == facts.claims)
        #expect(back.actors == facts.actors.sorted { $0.name < $1.name })
        #expect(try tmp.store.actorRecords() == facts.actors.sorted { $0.name < $1.name })
        #expect(try tmp.store.extraction(ofDocument: "nothing") == nil)
    }
}

@Suite struct CodePointOffsetTests {
    @Test func byteOffsetsBecomeCodePointOffsets() {
        let text = "Erdoğan — «Putin» 🇷🇺 end"
        let offsets = CodePointOffsets(text)
        let bytes = Array(text.utf8)
        // Every scalar boundary maps to the number of scalars before it.
        var scalarIndex = 0
        var byte = 0
        for scalar in text.unicodeScalars {
            #expect(offsets.codePoint(atByte: byte) == scalarIndex)
            byte += UTF8.width(scalar)
            scalarIndex += 1
        }
        #expect(offsets.codePoint(atByte: bytes.count) == text.unicodeScalars.count)
    }
}

@Suite struct JSONColumnTests {
    @Test func handWrittenAnchorJSONDecodesBackExactly() throws {
        let anchors = [TimestampAnchor(offset: 3, timestamp: "00:01:02", seconds: 62),
                       TimestampAnchor(offset: 9, timestamp: "odd \"quoted\" \\ \n\u{1}", seconds: 0)]
        #expect(JSONText.decode([TimestampAnchor].self, from: JSONText.anchors(anchors)) == anchors)
        #expect(JSONText.decode([String].self, from: JSONText.strings(["cyber", "a\"b"])) == ["cyber", "a\"b"])
    }

    /// The compact form for what the readers write, JSON for anything else, and rows of
    /// either form (and the JSON of earlier versions) read back the same.
    @Test func anchorsTakeTheCompactFormOnlyWhenItLosesNothing() throws {
        let canonical = [TimestampAnchor(offset: 137, timestamp: "00:00:09", seconds: 9),
                         TimestampAnchor(offset: 4021, timestamp: "01:02:03", seconds: 3723)]
        #expect(AnchorText.encode(canonical) == "137@9 4021@3723")
        #expect(AnchorText.decode(AnchorText.encode(canonical)) == canonical)
        #expect(AnchorText.decode(JSONText.anchors(canonical)) == canonical)
        #expect(AnchorText.encode([]) == "")
        #expect(AnchorText.decode("") == [] && AnchorText.decode("[]") == [])
        let asWritten = [TimestampAnchor(offset: 3, timestamp: "1:02", seconds: 62)]
        #expect(AnchorText.encode(asWritten).hasPrefix("["))
        #expect(AnchorText.decode(AnchorText.encode(asWritten)) == asWritten)
        #expect(AnchorText.decode("12@x") == [] && AnchorText.decode("garbage") == [])
    }
}

@Suite struct SearchIndexTests {
    /// Headings are found (a word may stand only in a video's title), after the text, and
    /// name the section of the passages under them.
    @Test func headingsAreFoundAfterTheTextAndNameTheSectionOfHits() throws {
        let tmp = try TemporaryStore()
        let text = "Energy\n\nGazprom cut gas to Ukraine."
        let doc = IngestedDocument(
            document: Document(id: "e1", path: "e.md", fileName: "e.md", kind: .markdown),
            text: text, rawText: text, contentHash: "x",
            passages: [Passage(index: 0, range: TextRange(start: 0, end: 6), section: "Energy", kind: .heading),
                       Passage(index: 1, range: TextRange(start: 8, end: text.utf8.count), section: "Energy")])
        _ = try tmp.store.store(doc, extraction: nil)
        let hits = try tmp.store.search(SearchQuery(text: "energy"))
        #expect(hits.map(\.passageIndex) == [0])
        let gas = try #require(try tmp.store.search(SearchQuery(text: "gas")).first)
        #expect(gas.section == "Energy")
        #expect(gas.snippet.contains("[gas]"))
    }

    @Test func replacingADocumentRemovesEveryIndexedPassage() throws {
        let tmp = try TemporaryStore()
        _ = try tmp.store.store(videoNote(), extraction: nil)
        var changed = videoNote(text: "Only this remains.", hash: "h9")
        changed.passages = [Passage(index: 0, range: TextRange(start: 0, end: 18))]
        _ = try tmp.store.store(changed, extraction: nil)
        for word in ["loan", "hybrid", "Lukashenko"] {
            #expect(try tmp.store.search(SearchQuery(text: word)).isEmpty, "\(word) should be gone")
        }
        #expect(try tmp.store.search(SearchQuery(text: "remains")).count == 1)
        // The FTS5 integrity check compares the index with the content it was built from.
        try tmp.sqlite.pool.write { db in try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)") }
    }
}

@Suite struct AnalysisQueryTests {
    @Test func relationsInvolvingAnActorFindItAsSourceOrTargetOnce() throws {
        let tmp = try TemporaryStore()
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        #expect(try tmp.store.relations(involving: "Russia").count == 1)
        #expect(try tmp.store.relations(involving: "Belarus").count == 1)
        #expect(try tmp.store.relations(involving: "Poland").isEmpty)
        #expect(try tmp.store.relations(involving: "Belarus").first?.locator.timestamp == "00:55:55")
    }

    @Test func relationsAttributedToASpeakerMatchCaseInsensitively() throws {
        let tmp = try TemporaryStore()
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        #expect(try tmp.store.relations(attributedTo: "BONUS_professor").count == 1)
        #expect(try tmp.store.relations(attributedTo: "RT").isEmpty)
    }

    @Test func knownActorsListThePackEntriesWithTheirFields() throws {
        let tmp = try TemporaryStore()
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let actors = try tmp.store.actorRecords()
        #expect(actors.map(\.name) == ["Belarus", "Russia"])
        #expect(actors.last?.aliases == ["Moscow"])
        #expect(actors.last?.kind == .state)
    }
}

/// A backend that implements only the original requirements, to exercise the default analysis queries.
struct MinimalStore: CorpusStore {
    let base: SQLiteCorpusStore
    func store(_ document: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome { try base.store(document, extraction: extraction) }
    func replaceExtraction(documentID: String, with extraction: ExtractionPayload) throws { try base.replaceExtraction(documentID: documentID, with: extraction) }
    func documents(limit: Int, offset: Int) throws -> [StoredDocument] { try base.documents(limit: limit, offset: offset) }
    func document(matching key: String) throws -> StoredDocument? { try base.document(matching: key) }
    func content(ofDocument id: String) throws -> IngestedDocument? { try base.content(ofDocument: id) }
    func search(_ query: SearchQuery) throws -> [SearchHit] { try base.search(query) }
    func stats() throws -> CorpusStats { try base.stats() }
    func relations(_ filter: RelationFilter) throws -> [StoredRelation] { try base.relations(filter) }
    func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary] { try base.actors(kind: kind, limit: limit) }
    func documentIDs() throws -> [String] { try base.documentIDs() }
    func extraction(ofDocument id: String) throws -> ExtractionPayload? { try base.extraction(ofDocument: id) }
    func actorRecords() throws -> [Actor] { try base.actorRecords() }
    func ties(involving actor: String?) throws -> [StoredTie] { try base.ties(involving: actor) }
    func deleteDocuments(ids: [String]) throws -> Int { try base.deleteDocuments(ids: ids) }
    func judge(relationID: Int64, verdict: Verdict, note: String?, author: String?) throws -> StoredRelation {
        try base.judge(relationID: relationID, verdict: verdict, note: note, author: author)
    }
    func orphanedJudgements() throws -> [OrphanedJudgement] { try base.orphanedJudgements() }
    func judgementRecords() throws -> [JudgementRecord] { try base.judgementRecords() }
    func restore(judgements records: [JudgementRecord]) throws { try base.restore(judgements: records) }
    func recordCuration(_ decision: CurationDecision) throws -> CurationDecision { try base.recordCuration(decision) }
    func curations(includingUndone: Bool) throws -> [CurationDecision] { try base.curations(includingUndone: includingUndone) }
    func undoCuration(id: Int64) throws -> CurationDecision { try base.undoCuration(id: id) }
    func documentIDs(mentioningAny actors: [String], containingAny phrases: [String]) throws -> [String] {
        try base.documentIDs(mentioningAny: actors, containingAny: phrases)
    }
    func forgetUnmentionedActors(named names: [String]) throws { try base.forgetUnmentionedActors(named: names) }
    func relationEndNames() throws -> [String] { try base.relationEndNames() }
    func renameInJudgements(_ old: String, to new: String) throws { try base.renameInJudgements(old, to: new) }
}

@Suite struct DefaultAnalysisQueryTests {
    @Test func aBackendWithoutItsOwnAnalysisQueriesGetsTheSameAnswers() throws {
        let tmp = try TemporaryStore()
        let doc = videoNote()
        _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        let minimal = MinimalStore(base: try tmp.sqlite)
        #expect(try minimal.relations(involving: "Belarus") == tmp.store.relations(involving: "Belarus"))
        #expect(try minimal.relations(attributedTo: "Bonus_Professor").count == 1)
        #expect(try minimal.actorRecords() == tmp.store.actorRecords())
    }
}
