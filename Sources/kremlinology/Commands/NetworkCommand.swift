import ArgumentParser
import Foundation
import KremlinologyAnalysis
import KremlinologyModel

extension NetworkExport.Format: ExpressibleByArgument {}

struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The actor network with degree, PageRank, betweenness, communities and structural balance.",
        discussion: """
            Nodes are actors; an edge A→B carries the number of relations (weight) and the sum \
            of their polarities (sign). Negated relations never count. --roll-up states folds \
            people into the state they are affiliated to. Without --format, prints a summary. \
            neo4j writes a folder with nodes.csv and relationships.csv for neo4j-admin import.
            Examples:
              kremlinology network
              kremlinology network --roll-up states --from 2014 --to 2016
              kremlinology network --format gexf --out russia.gexf
              kremlinology network --type ASSAULT --type COERCE --format graphml
              kremlinology network --format neo4j --out neo4j-import
              kremlinology network --min-grade C3 --format gexf --out reliable.gexf   # only A–C sources, credibility 1–3
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @OptionGroup var rollUp: RollUpOption
    @Option(help: "Only this relation type (repeatable).") var type: [RelationType] = []
    @Option(help: "Only this modality (repeatable); negated never counts.") var modality: [Modality] = []
    @Option(help: "Only documents from this outlet (repeatable).") var outlet: [String] = []
    @Option(help: ArgumentHelp("Earliest date, e.g. 2014 or 2021-02.", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("Latest date, inclusive.", valueName: "DATE")) var to: String?
    @Option(help: "json, graphml, gexf, dot or neo4j.") var format: NetworkExport.Format?
    @Option(help: ArgumentHelp("Write to PATH (a folder for neo4j) instead of standard output.", valueName: "PATH")) var out: String?
    @Option(help: "Betweenness from this many sampled pivots (default: exact up to 20,000 actors, else 1,000 pivots).")
    var pivots: Int?
    @Option(help: "Show this many top actors in the summary.") var top = 15

    func run() throws {
        if modality.contains(.negated) { throw ValidationError("negated relations are never part of the network") }
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let options = NetworkOptions(rollUpStates: rollUp.states, types: Set(type), modalities: Set(modality),
                                     outlets: outlet, from: from, to: to)
        let network = try analyzer.network(options)
        let metrics = NetworkMetrics(graph: network.graph, betweennessPivots: pivots ?? (network.nodes.count > 20_000 ? 1_000 : nil))
        switch format {
        case nil: printSummary(network, metrics)
        case .json: try emit(NetworkExport.json(network, metrics: metrics))
        case .graphml: try emit(NetworkExport.graphML(network, metrics: metrics))
        case .gexf: try emit(NetworkExport.gexf(network, metrics: metrics, date: String(ISO8601DateFormatter().string(from: Date()).prefix(10))))
        case .dot: try emit(NetworkExport.dot(network))
        case .neo4j:
            guard let out else { throw ValidationError("--format neo4j writes a folder: give it with --out DIR") }
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let csv = NetworkExport.neo4j(network)
            try Data(csv.nodes.utf8).write(to: folder.appendingPathComponent("nodes.csv"))
            try Data(csv.relationships.utf8).write(to: folder.appendingPathComponent("relationships.csv"))
            print("Wrote \(out)/nodes.csv and \(out)/relationships.csv")
        }
    }

    private func emit(_ text: String) throws {
        if let out { return try Output.write(text, to: out) }
        print(text, terminator: "")
    }

    private func printSummary(_ network: Network, _ metrics: NetworkMetrics) {
        print("\(network.nodes.count) actors, \(network.edges.count) directed edges")
        let ranked = network.nodes.sorted { metrics.pageRank[$0.id] > metrics.pageRank[$1.id] }.prefix(top)
        print("\n\(Output.pad("ACTOR", 32))  PAGERANK  BETWEEN.  IN  OUT  COMMUNITY")
        for node in ranked {
            let d = metrics.degrees[node.id]
            print("\(Output.pad(Output.clip(node.name, 32), 32))  \(String(format: "%.4f", metrics.pageRank[node.id]))    "
                  + "\(String(format: "%.4f", metrics.betweenness.values[node.id]))  \(Output.pad(String(d.inDegree), 3)) "
                  + "\(Output.pad(String(d.outDegree), 4)) \(metrics.communities[node.id])")
        }
        let b = metrics.balance
        let share = b.balancedShare.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
        print("\nStructural balance: \(b.balanced) of \(b.triangles) signed triads balanced (\(share)), \(b.signedTies) signed ties")
        for t in b.unbalanced.prefix(10) {
            let names = [t.a, t.b, t.c].map { network.nodes[$0].name }
            print("  unbalanced: \(names[0]) \(sign(t.signs[0])) \(names[1]) \(sign(t.signs[1])) \(names[2]) \(sign(t.signs[2])) \(names[0])")
        }
        print("Betweenness: \(metrics.betweenness.exact ? "exact" : "sampled from \(metrics.betweenness.pivots) pivots")")
    }

    private func sign(_ s: Int) -> String { s > 0 ? "(+)" : "(−)" }
}
