import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyAnalysis

@Suite struct NegationTests {
    @Test func negatedRelationsNeverCountInTheNetwork() {
        var corpus = Corpus()
        corpus.add("Russia", .assault, "Belarus", modality: .negated)
        corpus.add("Russia", .aid, "Belarus")
        let network = Network(relations: corpus.relations, directory: people)
        #expect(network.edges.count == 1)
        #expect(network.edges[0].weight == 1 && network.edges[0].polarity == 1)
        #expect(network.edges[0].types == ["AID": 1])
        let onlyNegated = Network(relations: corpus.relations, directory: people, options: NetworkOptions(modalities: [.negated]))
        #expect(onlyNegated.edges.isEmpty)
    }

    @Test func negatedRelationsNeverCountInBriefScoresButAreListedAndContradict() {
        var corpus = Corpus()
        corpus.add("Russia", .assault, "Ukraine", time: "2014")
        corpus.add("Russia", .assault, "Ukraine", modality: .negated, outlet: "RT", time: "2014")
        corpus.add("Ukraine", .agree, "Russia", time: "2015")
        let brief = Brief("Russia", "Ukraine", relations: corpus.relations)
        #expect(brief.relations.count == 3)
        #expect(brief.periods.map(\.period) == ["2014", "2015"])
        #expect(brief.periods[0].score == -10)
        #expect(brief.periods[0].relations == 1)
        #expect(brief.periods[1].score == 4)
        #expect(brief.balanceAToB.conflictual == 1)
        #expect(brief.contradictions.map(\.kind) == [.negation])
        #expect(brief.contradictions[0].first.modality == .asserted)
        #expect(brief.contradictions[0].second.modality == .negated)
    }

    @Test func dossierListsDenialsApartAndNeverCountsThem() {
        var corpus = Corpus()
        corpus.add("Vladimir Putin", .assault, "Ukraine", modality: .negated)
        corpus.add("Vladimir Putin", .trust, "Dmitry Peskov")
        let dossier = Dossier(actor: "Vladimir Putin", relations: corpus.relations, directory: people)
        #expect(dossier.relationsOut.map(\.type) == [.trust])
        #expect(dossier.balanceOut.conflictual == 0)
        #expect(dossier.denied.count == 1)
        #expect(!dossier.strongestQuotes.contains { $0.modality == .negated })
    }
}

@Suite struct ViewTests {
    func russiaCorpus() -> Corpus {
        var corpus = Corpus()
        corpus.add("Vladimir Putin", .trust, "Dmitry Peskov", quote: "Putin trusts Peskov")
        corpus.add("Vladimir Putin", .coerce, "Ukraine", instruments: [.economic, .disinformation])
        corpus.add("Vladimir Putin", .support, "Ukraine", outlet: "RT", time: "2021", quote: "Putin offers dialogue to Kyiv")
        corpus.add("Vladimir Putin", .assault, "Ukraine", outlet: "ISW", time: "2022-02-24", quote: "Putin invaded Ukraine")
        corpus.add("Alexander Lukashenko", .leverage, "Vladimir Putin", outlet: "bonus_professor", quote: "Lukashenko twists Putin as he wants")
        corpus.add("Russia", .disapprove, "Ukraine", outlet: "RT", quote: "Putin said Kyiv lies", attribution: "Vladimir Putin")
        return corpus
    }

    @Test func dossierGroupsRelationsAndFindsTheInnerCircle() {
        let dossier = Dossier(actor: "Vladimir Putin", relations: russiaCorpus().relations, directory: people)
        #expect(dossier.profile.wikidataURL == "https://www.wikidata.org/wiki/Q7747")
        #expect(dossier.profile.affiliations.first?.role == "head of state")
        #expect(dossier.relationsOut.count == 4)
        #expect(dossier.relationsIn.map(\.counterpart) == ["Alexander Lukashenko"])
        #expect(dossier.instruments.map(\.instrument).sorted { $0.rawValue < $1.rawValue } == [.disinformation, .economic])
        let peskov = dossier.innerCircle.first { $0.name == "Dmitry Peskov" }
        #expect(peskov?.citations.first?.quote == "Putin trusts Peskov")
        #expect(peskov?.tie.contains("Kremlin spokesman") == true)
        #expect(dossier.outlets.map(\.outlet).contains("ISW"))
        #expect(dossier.strongestQuotes.first?.citation.quote == "Putin invaded Ukraine")
    }

    @Test func htmlEscapesAScriptTagInAQuote() {
        var corpus = Corpus()
        corpus.add("Vladimir Putin", .threaten, "Ukraine", quote: "<script>alert('pwned')</script> threatens Kyiv")
        let page = ViewPages.dossier(Dossier(actor: "Vladimir Putin", relations: corpus.relations, directory: people))
        let html = PageRenderer.html(page)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"))
        let markdown = PageRenderer.markdown(page)
        #expect(!markdown.contains("<script>"))
    }

    @Test func aNonWebLinkFromTheCorpusNeverBecomesAnAnchor() {
        let html = PageRenderer.html(Page(title: "t", blocks: [.paragraph([.link(url: "javascript:alert(1)", label: "x")])]))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func timelineUsesStatedTimesAndMarksDocumentDates() {
        let timeline = Timeline(relations: russiaCorpus().relations, pair: ("Vladimir Putin", "Ukraine"))
        #expect(timeline.entries.map(\.when.label) == ["2021 (stated)", "2021-02-16 (document date)", "2022-02-24 (stated)"])
        let csv = ViewPages.timelineCSV(timeline)
        #expect(csv.hasPrefix("date,date_basis,source,type,target"))
        #expect(csv.contains("2021-02-16,published,Vladimir Putin,COERCE,Ukraine"))
    }

    @Test func periodsFallBackToTheDocumentYearThenUndated() {
        var corpus = Corpus()
        corpus.add("Russia", .aid, "Belarus", published: nil)
        corpus.add("Russia", .aid, "Belarus", published: "2020-08-10")
        corpus.add("Russia", .sanction, "Belarus", published: "2020-01-01", time: "in the spring of 2019")
        let brief = Brief("Russia", "Belarus", relations: corpus.relations)
        #expect(brief.periods.map(\.period) == ["2019", "2020", "undated"])
        #expect(brief.periods[1].usesDocumentDates)
        #expect(!brief.periods[0].usesDocumentDates)
    }

    @Test func oppositePolaritiesInOnePeriodAreAContradiction() {
        var corpus = Corpus()
        corpus.add("Russia", .support, "Belarus", time: "2020")
        corpus.add("Russia", .coerce, "Belarus", time: "2020")
        corpus.add("Russia", .coerce, "Belarus", time: "2021")
        let brief = Brief("Russia", "Belarus", relations: corpus.relations)
        #expect(brief.contradictions.map(\.kind) == [.oppositePolarity])
        #expect(brief.contradictions[0].period == "2020")
    }

    @Test func outletsAreComparedSideBySideWithBothQuotes() {
        var corpus = Corpus()
        corpus.add("Russia", .assault, "Ukraine", outlet: "ISW", quote: "Russia attacked Ukraine")
        corpus.add("Russia", .assault, "Ukraine", modality: .negated, outlet: "RT", quote: "Russia did not attack Ukraine")
        corpus.add("Russia", .aid, "Belarus", outlet: "RT")
        let comparison = OutletComparison(outlets: ["rt", "isw"], relations: corpus.relations)
        #expect(comparison.dyads.count == 1)
        let dyad = comparison.dyads[0]
        #expect(dyad.outlets.map(\.outlet) == ["rt", "isw"])
        #expect(dyad.outlets[0].relations == 0)
        #expect(dyad.disagreements.map(\.kind) == ["negation"])
        #expect(dyad.disagreements[0].first.citation.quote == "Russia attacked Ukraine")
        #expect(dyad.disagreements[0].second.citation.quote == "Russia did not attack Ukraine")
    }

    @Test func saysVsDoesPutsWordsNextToConflictDeeds() {
        let view = SaysVsDoes(actor: "Vladimir Putin", relations: russiaCorpus().relations)
        let ukraine = view.targets.first { $0.target == "Ukraine" }
        #expect(ukraine?.says.map(\.citation.quote).sorted() == ["Putin offers dialogue to Kyiv", "Putin said Kyiv lies"])
        #expect(ukraine?.does.map(\.type).sorted { $0.rawValue < $1.rawValue } == [.assault, .coerce])
        #expect(view.targets.first?.target == "Ukraine")
    }

    @Test func rollingUpFoldsPeopleIntoTheirStates() {
        let network = Network(relations: russiaCorpus().relations, directory: people, options: NetworkOptions(rollUpStates: true))
        #expect(Set(network.nodes.map(\.name)) == ["Russia", "Ukraine", "Belarus"])
        #expect(!network.edges.contains { $0.source == $0.target }, "Putin TRUST Peskov became Russia–Russia and is dropped")
    }

    @Test func networkFiltersByTypeOutletAndDate() {
        let relations = russiaCorpus().relations
        #expect(Network(relations: relations, directory: people, options: NetworkOptions(types: [.assault])).edges.count == 1)
        #expect(Network(relations: relations, directory: people, options: NetworkOptions(outlets: ["isw"])).edges.count == 1)
        let y2022 = Network(relations: relations, directory: people, options: NetworkOptions(from: "2022", to: "2022"))
        #expect(y2022.edges.map(\.types) == [["ASSAULT": 1]])
        let upTo2021 = Network(relations: relations, directory: people, options: NetworkOptions(to: "2021"))
        #expect(upTo2021.edges.reduce(0) { $0 + $1.weight } == 5)
    }

    @Test func actorNamesResolveByCaseAliasAndUniquePrefix() throws {
        #expect(try people.resolve("vladimir putin") == "Vladimir Putin")
        #expect(try people.resolve("the kremlin") == "Russia")
        #expect(try people.resolve("Luka") == "Alexander Lukashenko")
        #expect(try ActorDirectory(people.byName.values.map { var a = $0; a.aliases = []; return a }).resolve("zelen") == "Vladimir Zelensky")
        #expect(throws: AnalysisError.self) { try people.resolve("Vladimir") }
        #expect(throws: AnalysisError.self) { try people.resolve("Merkel") }
        do { _ = try people.resolve("Vladimir") } catch let error as AnalysisError {
            #expect(error.description.contains("Vladimir Putin") && error.description.contains("Vladimir Zelensky"))
        }
    }

    @Test func weightsFollowTheDocumentedScale() {
        #expect(Weights.weight(of: .assault) == -10)
        #expect(Weights.weight(of: .sanction) == -8)
        #expect(Weights.weight(of: .aid) == 7)
        #expect(RelationType.allCases.allSatisfy { ($0.polarity > 0) == (Weights.weight(of: $0) > 0) })
        #expect(Weights.factor(of: .negated) == 0)
    }
}
