import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Source grading in the store (issue 15, item 3), on both backends: an analyst's grade is kept
/// with who, when and why, the latest applies and a reset returns to the pack's default; each
/// fact's credibility follows docs/ANALYSIS.md from the store's corroboration and contradictions.
@Suite struct SourceGradingTests {
    static let facts = Result { try FactExtraction(packDirectories: []) }

    /// A catalog of our own: state media D, independent media B, RT listed as state media.
    static let catalog = SourceCatalog(typeDefaults: [.stateMedia: .d, .independentMedia: .b, .videoChannel: .f], unlisted: .f,
                                       entries: [.init(name: "RT", type: .stateMedia), .init(name: "Reuters", type: .independentMedia),
                                                 .init(name: "AP", type: .independentMedia), .init(name: "TASS", type: .stateMedia)])

    /// Five one-line documents, each its own source: RT tells of aid; Reuters and AP of a
    /// threat, which TASS denies; AP adds that the threat was "reportedly" repeated.
    static func fill(_ store: any CorpusStore) throws {
        let facts = try Self.facts.get()
        for (name, outlet, text) in [
            ("rt.txt", "RT", "Russia sent humanitarian aid to Belarus."),
            ("reuters.txt", "Reuters", "Russia threatened Belarus with a gas embargo."),
            ("ap.txt", "AP", "Russia threatened Belarus with a gas embargo.\n\nRussia reportedly threatened Poland."),
            ("tass.txt", "TASS", "Russia did not threaten Belarus."),
        ] {
            let reader = try DocumentReader(metadata: DocumentMetadata(outlet: outlet))
            let document = try reader.read(bytes: Array(text.utf8), path: name, fileName: name)
            _ = try store.store(document, extraction: facts.payload(for: document))
        }
    }

    @Test(arguments: StoreBackend.available)
    func anAnalystsGradeIsKeptWithItsHistoryAndTheLatestApplies(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.fill(tmp.store)
        let grading = try SourceGrading(catalog: Self.catalog, store: tmp.store)
        #expect(grading.grade(ofOutlet: "RT").reliability == .d)
        let graded = try grading.grade(outlet: "rt", reliability: .e, note: "its record on Belarus", author: "ana", in: tmp.store)
        #expect((graded.outlet, graded.reliability, graded.origin, graded.gradedBy) == ("RT", .e, .analyst, "ana"))
        #expect(graded.documents == 1 && graded.claims == 1)
        _ = try grading.grade(outlet: "RT", reliability: .c, note: nil, author: "bo", in: tmp.store)
        #expect(try tmp.store.analystGrades().map(\.reliability) == [.c], "the latest grade applies")
        let reset = try grading.grade(outlet: "RT", reliability: nil, note: "back", author: "ana", in: tmp.store)
        #expect((reset.reliability, reset.origin) == (.d, .typeDefault))
        #expect(throws: StoreError.self) { try grading.grade(outlet: "Pravda", reliability: .e, note: nil, author: nil, in: tmp.store) }

        let outlets = try grading.outlets(in: tmp.store)
        #expect(outlets.map(\.outlet).sorted() == ["AP", "RT", "Reuters", "TASS"])
        #expect(outlets.first { $0.outlet == "AP" }?.claims == 2)
        #expect(outlets.first { $0.outlet == "TASS" }?.claims == 0, "a denial is no claim of a fact")
    }

    @Test(arguments: StoreBackend.available)
    func copyCarriesTheGradesWithTheirHistory(backend: StoreBackend) throws {
        let source = try TemporaryStore(.sqlite), target = try TemporaryStore(backend)
        try Self.fill(source.store)
        let grading = try SourceGrading(catalog: Self.catalog, store: source.store)
        _ = try grading.grade(outlet: "RT", reliability: .e, note: "first", author: "ana", in: source.store)
        _ = try grading.grade(outlet: "TASS", reliability: .e, note: nil, author: "bo", in: source.store)
        _ = try StoreCopier(from: source.store, to: target.store).copy()
        #expect(try target.store.outletGradeHistory() == source.store.outletGradeHistory())
        _ = try StoreCopier(from: source.store, to: target.store).copy()
        #expect(try target.store.outletGradeHistory().count == 2, "copying twice does not double the history")
        let copied = try SourceGrading(catalog: Self.catalog, store: target.store)
        #expect(copied.grade(ofOutlet: "RT").reliability == .e && copied.grade(ofOutlet: "RT").gradedBy == "ana")
    }

    @Test(arguments: StoreBackend.available)
    func everyFactIsGradedAsDocumented(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.fill(tmp.store)
        let grading = try SourceGrading(catalog: Self.catalog, store: tmp.store)
        let all = try grading.graded(tmp.store.relations(RelationFilter()), in: tmp.store)
        func grade(_ outlet: String, _ type: RelationType, _ target: String) -> String? {
            all.first { $0.outlet == outlet && $0.relation.type == type && $0.relation.target == target }?.grade?.description
        }
        #expect(grade("RT", .aid, "Belarus") == "D3", "state media D; asserted by one source: 3")
        #expect(grade("Reuters", .threaten, "Belarus") == "B4", "asserted by two sources (2), denied by TASS: two steps down")
        #expect(grade("AP", .threaten, "Belarus") == "B4")
        #expect(grade("TASS", .threaten, "Belarus") == "D5", "one source's denial (3), contradicted by two others: 5")
        #expect(grade("AP", .threaten, "Poland") == "B4", "reported by one source: 4")

        // The evidence the store gives is what the same relations give in memory.
        let fromStore = try tmp.store.statementEvidence(sourceActors: ["Russia"])
        let inMemory = StatementEvidence(try tmp.store.relations(RelationFilter()))
        #expect(fromStore.sources == inMemory.sources)
        #expect(fromStore.denying == inMemory.denying && fromStore.affirming == inMemory.affirming)

        // The one filter: B3 keeps nothing here, B4 the independent media's threats.
        #expect(SourceGrading.keeping(all, atLeast: AdmiraltyGrade("B3")).isEmpty)
        #expect(Set(SourceGrading.keeping(all, atLeast: AdmiraltyGrade("B4")).compactMap(\.outlet)) == ["AP", "Reuters"])
        let page = try grading.listing(RelationFilter(includeNegated: false, limit: 1), atLeast: AdmiraltyGrade("B4"), in: tmp.store)
        #expect(page.relations.count == 1 && page.total == 3, "a graded listing counts what meets the grade")
        #expect(page.relations.first?.corroboration != nil)
    }
}
