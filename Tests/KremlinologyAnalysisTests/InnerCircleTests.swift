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

    @Test func officialsAreApartAndNeverOfficialsOfAnotherState() {
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus().relations, directory: Self.directory)
        #expect(dossier.officialsOf == "Russia")
        #expect(dossier.officials.map(\.name) == ["Sergei Lavrov"], "Patrushev is in the circle; McFaul is American")
        #expect(DossierLayout(dossier).sections.map(\.id).contains("officials"))
    }
}
