import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore
@testable import KremlinologyAnalysis

/// The inner circle answers "who does X trust?": X's own trust, stated as a fact, ranked by
/// independent sources; officials of X's state are a list of their own.
@Suite struct InnerCircleTests {
    static let directory = ActorDirectory([
        Actor(name: "Russia", kind: .state, country: "RUS"),
        Actor(name: "United States", kind: .state, country: "USA"),
        Actor(name: "Vladimir Putin", kind: .person, country: "RUS", affiliations: [Affiliation(organization: "Russia", role: "head of state")]),
        Actor(name: "Nikolai Patrushev", kind: .person, country: "RUS", affiliations: [Affiliation(organization: "Russia", role: "security council secretary")]),
        Actor(name: "Yury Kovalchuk", kind: .person, country: "RUS"),
        Actor(name: "Roman Abramovich", kind: .person, country: "RUS"),
        Actor(name: "Igor Sechin", kind: .person, country: "RUS"),
        Actor(name: "Viktor Medvedchuk", kind: .person, country: "UKR"),
        Actor(name: "Sergei Lavrov", kind: .person, country: "RUS", affiliations: [Affiliation(organization: "Russia", role: "foreign minister")]),
        Actor(name: "Michael McFaul", kind: .person, country: "USA", affiliations: [Affiliation(organization: "Russia", role: "ambassador")]),
    ])

    static func corpus() -> Corpus {
        var corpus = Corpus()
        func add(_ target: String, modality: Modality = .asserted, video: String, source: String = "Vladimir Putin") {
            corpus.add(source, .trust, target, modality: modality, quote: "\(source) trusts \(target)", timestamp: "00:01:00")
            corpus.relations[corpus.relations.count - 1].locator.url = "https://www.youtube.com/watch?v=\(video)&t=60s"
        }
        // Six notes of one video are one source; two videos are two.
        for _ in 0..<6 { add("Nikolai Patrushev", video: "one") }
        add("Yury Kovalchuk", video: "one")
        add("Yury Kovalchuk", video: "two")
        add("Yury Kovalchuk", video: "three")
        add("Roman Abramovich", modality: .negated, video: "one")  // "not considered part of his inner circle"
        add("Igor Sechin", modality: .hypothetical, video: "two")
        add("Vladimir Putin", video: "two", source: "Viktor Medvedchuk")  // Medvedchuk's trust, not Putin's
        return corpus
    }

    @Test func onlyThoseTheActorTrustsAsAFactRankedByIndependentSources() {
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus().relations, directory: Self.directory)
        #expect(dossier.innerCircle.map(\.name) == ["Yury Kovalchuk", "Nikolai Patrushev"])
        #expect(dossier.innerCircle.map(\.sources) == [3, 1])
        #expect(dossier.innerCircle.last?.tie.contains("security council secretary of Russia") == true)
    }

    static func tie(_ holder: String, _ type: StructuralTieType = .adviserOf, to principal: String = "Vladimir Putin",
                    modality: Modality = .asserted, video: String) -> StoredTie {
        let quote = "\(holder), an adviser to \(principal)"
        return StoredTie(id: 1, documentID: "doc-\(video)", fileName: "\(video).md", outlet: "Channel", published: nil,
                         tie: StructuralTie(holder: holder, holderText: holder, type: type, principal: principal,
                                            principalText: principal, modality: modality, quote: quote,
                                            range: TextRange(start: 0, end: quote.utf8.count), rule: "tie:apposition"),
                         locator: Locator(paragraph: 1), sourceKey: "video:\(video)")
    }

    @Test func statedAdvisersJoinTheCircleButDeniedAndOtherPrincipalsDoNot() throws {
        let ties = [Self.tie("Igor Sechin", video: "four"), Self.tie("Igor Sechin", video: "five"),
                    Self.tie("Roman Abramovich", modality: .negated, video: "four"),
                    Self.tie("Michael McFaul", to: "United States", video: "four"),
                    Self.tie("Nikolai Patrushev", video: "six")]
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus().relations, ties: ties, directory: Self.directory)
        // Two sources each: Patrushev's seven quotes rank him before Sechin's two.
        #expect(dossier.innerCircle.map(\.name) == ["Yury Kovalchuk", "Nikolai Patrushev", "Igor Sechin"])
        let sechin = try #require(dossier.innerCircle.first { $0.name == "Igor Sechin" })
        #expect(sechin.tie.hasPrefix("adviser to Vladimir Putin"))
        #expect(sechin.sources == 2)
        #expect(sechin.citations.map(\.quote) == ["Igor Sechin, an adviser to Vladimir Putin", "Igor Sechin, an adviser to Vladimir Putin"])
        let patrushev = try #require(dossier.innerCircle.first { $0.name == "Nikolai Patrushev" })
        #expect(patrushev.tie.contains("trusted by Vladimir Putin") && patrushev.tie.contains("adviser to Vladimir Putin"))
        #expect(patrushev.sources == 2, "one video states the trust, another the advice")
        #expect(dossier.ties.count == ties.count, "every stated tie is listed, the denied one with its modality")
        #expect(DossierLayout(dossier).sections.map(\.id).contains("ties"))
    }

    @Test func officialsAreApartAndNeverOfficialsOfAnotherState() {
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus().relations, directory: Self.directory)
        #expect(dossier.officialsOf == "Russia")
        #expect(dossier.officials.map(\.name) == ["Sergei Lavrov"], "Patrushev is in the circle; McFaul is American")
        #expect(DossierLayout(dossier).sections.map(\.id).contains("officials"))
    }
}

/// A timeline can be cut to a period; undated entries cannot be placed in one.
@Suite struct TimelinePeriodTests {
    @Test func aPeriodKeepsTheEntriesDatedWithinItAndLeavesUndatedOnesOut() {
        var corpus = Corpus()
        corpus.add("Russia", .assault, "Ukraine", published: "2013-05-01", time: "2014-03-18")
        corpus.add("Russia", .assault, "Ukraine", published: "2021-06-01", time: "2022-02-24")
        corpus.add("Russia", .aid, "Belarus", published: nil, time: nil)
        let timeline = Timeline(relations: corpus.relations, actor: "Russia")
        #expect(timeline.dated(from: "2014", to: "2014").entries.map(\.when.date) == ["2014-03-18"])
        #expect(timeline.dated(from: "2022-02", to: nil).entries.map(\.when.date) == ["2022-02-24"])
        #expect(timeline.dated(from: nil, to: nil).entries.count == 3)
        #expect(timeline.dated(from: "2000", to: "2030").entries.count == 2, "the undated AID cannot be placed")
    }

    @Test func dateBoundsMustBeRealDates() {
        for good in ["2014", "2014-03", "2024-02-29"] { #expect(Timeline.isDateBound(good), "\(good)") }
        for bad in ["2014-13", "2014-13-45", "2023-02-29", "14", "2014-3", "yesterday", "2014-03-18T00", ""] {
            #expect(!Timeline.isDateBound(bad), "\(bad)")
        }
    }
}
