import ArgumentParser
import Foundation
import KremlinologyAnalysis

struct BenchNetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-network",
        abstract: "Time the network metrics on a synthetic signed graph (prints figures; not a test).",
        discussion: """
            Builds a reproducible random graph (preferential hubs plus uniform ties, seeded) and \
            times degree, PageRank, label-propagation communities, structural balance and sampled \
            betweenness. Build in release mode for meaningful figures:
              swift build -c release && .build/release/kremlinology bench-network
              kremlinology bench-network --actors 10000 --relations 100000 --pivots 0
            """,
        shouldDisplay: false)

    @Option(help: "Number of actors.") var actors = 100_000
    @Option(help: "Number of relations.") var relations = 1_000_000
    @Option(help: "Betweenness pivots (0 = exact, every node).") var pivots = 64

    func run() throws {
        let result = NetworkBenchmark.run(actors: actors, relations: relations, pivots: pivots == 0 ? nil : pivots)
        for line in result { print(line) }
    }
}
