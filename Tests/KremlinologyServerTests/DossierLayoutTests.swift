import Foundation
import KremlinologyAnalysis
import KremlinologyModel
import Testing
@testable import KremlinologyServer

/// The actor page and the dossier report are two renderings of one ``DossierLayout``.
@Suite struct DossierLayoutTests {
    static func headings(_ text: String, open: String, close: String) -> [String] {
        text.components(separatedBy: open).dropFirst().compactMap { $0.components(separatedBy: close).first }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theActorPageAndTheReportShowTheSameSectionsInTheSameOrder() throws {
        let analyzer = try CorpusAnalyzer(store: TestCorpus.shared.store)
        for actor in ["Vladimir Putin", "Russia", "Belarus"] {
            let dossier = try analyzer.dossier(actor)
            let web = Self.headings(DossierView(dossier: dossier).page.rendered, open: "<h2>", close: "</h2>")
            let report = Self.headings(PageRenderer.html(ViewPages.dossier(dossier)), open: "<h2>", close: "</h2>")
            let layout = DossierLayout(dossier).sections.filter {
                if case .balance = $0.content { return false }
                return true
            }.map { Escape.html($0.title) }
            #expect(web == layout, "\(actor): the page")
            #expect(report.filter { $0 != "Balance" } == layout, "\(actor): the report")
            #expect(!layout.isEmpty)
        }
    }
}
