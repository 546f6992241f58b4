import KremlinologyModel
import KremlinologyStore

/// Source grading (Admiralty code, issue 15) over the shared store: the outlets listing and an
/// analyst's grade, which drops every memoised view so that each shows the new grade at once.
extension Corpus {
    /// How the analyzer grades outlets and facts.
    var grading: SourceGrading {
        get throws { try analyzer.grading ?? SourceGrading(catalog: sources, store: store) }
    }

    /// Every outlet of the corpus with its type, grade, documents and claims.
    public func outlets() throws -> [OutletSummary] {
        try memo("outlets") { try grading.outlets(in: store) }
    }

    /// Records an analyst's grade of `outlet` (nil `reliability`: back to the pack's default).
    /// - Throws: ``StoreError/notFound(_:)`` for an outlet neither the corpus nor the pack knows.
    public func gradeOutlet(_ outlet: String, reliability: Reliability?, note: String?) async throws -> OutletSummary {
        try await read(budget: 60) { corpus in
            let graded = try corpus.grading.grade(outlet: outlet, reliability: reliability, note: note, author: "api", in: corpus.store)
            try corpus.refresh()
            return graded
        }
    }
}
