import Foundation
import KremlinologyModel

/// Writers of a network to the formats other tools read.
public enum NetworkExport {
    /// The formats `kremlinology network --format` offers.
    public enum Format: String, Sendable, CaseIterable {
        case json, graphml, gexf, dot, neo4j
    }

    private static func dominantType(_ edge: Network.Edge) -> String {
        edge.types.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "RELATED"
    }

    private static func number(_ value: Double) -> String { String(format: "%.10g", value) }

    /// GraphML (graphml.graphdrawing.org): keys declared first, then nodes with name, kind,
    /// Wikidata id and metrics, and directed edges with weight, polarity, types and a quote.
    public static func graphML(_ network: Network, metrics: NetworkMetrics) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="wikidata" for="node" attr.name="wikidata" attr.type="string"/>
              <key id="pagerank" for="node" attr.name="pagerank" attr.type="double"/>
              <key id="betweenness" for="node" attr.name="betweenness" attr.type="double"/>
              <key id="community" for="node" attr.name="community" attr.type="int"/>
              <key id="degree" for="node" attr.name="degree" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
              <key id="polarity" for="edge" attr.name="polarity" attr.type="int"/>
              <key id="types" for="edge" attr.name="types" attr.type="string"/>
              <key id="quote" for="edge" attr.name="quote" attr.type="string"/>
              <key id="source_ref" for="edge" attr.name="source_ref" attr.type="string"/>
              <graph id="kremlinology" edgedefault="directed">

            """
        for node in network.nodes {
            out += "    <node id=\"n\(node.id)\">"
            out += "<data key=\"name\">\(Escape.xml(node.name))</data>"
            if let kind = node.kind { out += "<data key=\"kind\">\(kind.rawValue)</data>" }
            if let wikidata = node.wikidata { out += "<data key=\"wikidata\">\(Escape.xml(wikidata))</data>" }
            out += "<data key=\"pagerank\">\(number(metrics.pageRank[node.id]))</data>"
            out += "<data key=\"betweenness\">\(number(metrics.betweenness.values[node.id]))</data>"
            out += "<data key=\"community\">\(metrics.communities[node.id])</data>"
            out += "<data key=\"degree\">\(metrics.degrees[node.id].total)</data></node>\n"
        }
        for (index, edge) in network.edges.enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"n\(edge.source)\" target=\"n\(edge.target)\">"
            out += "<data key=\"weight\">\(edge.weight)</data><data key=\"polarity\">\(edge.polarity)</data>"
            out += "<data key=\"types\">\(Escape.xml(typeList(edge)))</data>"
            if let cite = edge.citations.first {
                out += "<data key=\"quote\">\(Escape.xml(cite.quote))</data>"
                out += "<data key=\"source_ref\">\(Escape.xml(reference(cite)))</data>"
            }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// GEXF 1.3 (gexf.net) for Gephi: declared node and edge attributes, `weight` on edges.
    public static func gexf(_ network: Network, metrics: NetworkMetrics, date: String = "2026-01-01") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta lastmodifieddate="\(Escape.xml(date))">
                <creator>Kremlinology</creator>
                <description>Actors and their relations, with quotes</description>
              </meta>
              <graph defaultedgetype="directed" mode="static">
                <attributes class="node">
                  <attribute id="kind" title="kind" type="string"/>
                  <attribute id="wikidata" title="wikidata" type="string"/>
                  <attribute id="pagerank" title="pagerank" type="double"/>
                  <attribute id="betweenness" title="betweenness" type="double"/>
                  <attribute id="community" title="community" type="integer"/>
                </attributes>
                <attributes class="edge">
                  <attribute id="polarity" title="polarity" type="integer"/>
                  <attribute id="types" title="types" type="string"/>
                  <attribute id="quote" title="quote" type="string"/>
                  <attribute id="source_ref" title="source_ref" type="string"/>
                </attributes>
                <nodes>

            """
        for node in network.nodes {
            out += "      <node id=\"n\(node.id)\" label=\"\(Escape.xml(node.name))\"><attvalues>"
            if let kind = node.kind { out += "<attvalue for=\"kind\" value=\"\(kind.rawValue)\"/>" }
            if let wikidata = node.wikidata { out += "<attvalue for=\"wikidata\" value=\"\(Escape.xml(wikidata))\"/>" }
            out += "<attvalue for=\"pagerank\" value=\"\(number(metrics.pageRank[node.id]))\"/>"
            out += "<attvalue for=\"betweenness\" value=\"\(number(metrics.betweenness.values[node.id]))\"/>"
            out += "<attvalue for=\"community\" value=\"\(metrics.communities[node.id])\"/></attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, edge) in network.edges.enumerated() {
            out += "      <edge id=\"e\(index)\" source=\"n\(edge.source)\" target=\"n\(edge.target)\" weight=\"\(edge.weight)\"><attvalues>"
            out += "<attvalue for=\"polarity\" value=\"\(edge.polarity)\"/>"
            out += "<attvalue for=\"types\" value=\"\(Escape.xml(typeList(edge)))\"/>"
            if let cite = edge.citations.first {
                out += "<attvalue for=\"quote\" value=\"\(Escape.xml(cite.quote))\"/>"
                out += "<attvalue for=\"source_ref\" value=\"\(Escape.xml(reference(cite)))\"/>"
            }
            out += "</attvalues></edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// Graphviz DOT: green edges for positive sums, red for negative, width by weight.
    public static func dot(_ network: Network) -> String {
        var out = "digraph kremlinology {\n  node [shape=box];\n"
        for node in network.nodes { out += "  n\(node.id) [label=\(Escape.dot(node.name))];\n" }
        for edge in network.edges {
            let color = edge.polarity > 0 ? "darkgreen" : edge.polarity < 0 ? "red" : "gray"
            out += "  n\(edge.source) -> n\(edge.target) [weight=\(edge.weight), penwidth=\(min(8, 1 + edge.weight / 2)), "
            out += "color=\(color), label=\(Escape.dot("\(edge.polarity > 0 ? "+" : "")\(edge.polarity) " + dominantType(edge)))];\n"
        }
        return out + "}\n"
    }

    /// neo4j-admin import CSVs: `nodes.csv` and `relationships.csv`, one row per edge and type.
    public static func neo4j(_ network: Network) -> (nodes: String, relationships: String) {
        var nodes = "id:ID,name,kind,:LABEL\n"
        for node in network.nodes {
            let label = "Actor" + (node.kind.map { ";" + $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() } ?? "")
            nodes += "n\(node.id),\(Escape.csv(node.name)),\(node.kind?.rawValue ?? ""),\(label)\n"
        }
        var relationships = ":START_ID,:END_ID,:TYPE,weight:int,polarity:int\n"
        for edge in network.edges {
            for (type, count) in edge.types.sorted(by: { $0.key < $1.key }) {
                let polarity = count * (KremlinologyTypePolarity.of(type))
                relationships += "n\(edge.source),n\(edge.target),\(type),\(count),\(polarity)\n"
            }
        }
        return (nodes, relationships)
    }

    /// The JSON report: nodes with metrics, edges with quotes, balance with named triads.
    public static func json(_ network: Network, metrics: NetworkMetrics) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(NetworkReport(network: network, metrics: metrics)), as: UTF8.self) + "\n"
    }

    private static func typeList(_ edge: Network.Edge) -> String {
        edge.types.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
    }

    private static func reference(_ cite: Citation) -> String {
        [cite.document, cite.locator, cite.link ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}


/// The polarity of a type given by its raw name (0 for names that are not types).
enum KremlinologyTypePolarity {
    static func of(_ raw: String) -> Int { RelationType(rawValue: raw)?.polarity ?? 0 }
}
