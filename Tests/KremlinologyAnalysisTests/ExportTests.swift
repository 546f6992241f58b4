import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyAnalysis

/// A network whose names and quotes try to break every format.
func hostileNetwork() -> Network {
    var corpus = Corpus()
    corpus.add("Russia", .aid, "Belarus", quote: "a loan <script>alert(\"x\")</script> & 'more'")
    corpus.add("Belarus", .disapprove, "A&B \"Group\" <Ltd>", quote: "line one\nline, two \u{0001}")
    corpus.add("Russia", .assault, "Ukraine")
    corpus.add("Ukraine", .disapprove, "Russia", modality: .negated)
    return Network(relations: corpus.relations, directory: people)
}

@Suite struct ExportTests {
    func validate(_ xml: String, schema: String, ext: String) throws {
        guard let xmllint = xmllintPath() else {
            Issue.record("xmllint is not installed: install it with `apt-get install -y libxml2-utils` (CI's .ci/run does)")
            return
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.\(ext)")
        try Data(xml.utf8).write(to: file)
        let schemaPath = testsFolder.appendingPathComponent("Schemas/\(schema)").path
        let result = try runProgram(xmllint, ["--noout", "--schema", schemaPath, file.path])
        #expect(result.status == 0, "xmllint rejected the \(ext): \(result.output)")
    }

    @Test func graphMLIsValidAgainstTheGraphMLSchema() throws {
        let network = hostileNetwork()
        let xml = NetworkExport.graphML(network, metrics: NetworkMetrics(graph: network.graph))
        try validate(xml, schema: "graphml.xsd", ext: "graphml")
        #expect(xml.contains("&lt;script&gt;"))
        #expect(!xml.contains("<script>"))
    }

    @Test func gexfIsValidAgainstTheGEXF13Schema() throws {
        let network = hostileNetwork()
        let xml = NetworkExport.gexf(network, metrics: NetworkMetrics(graph: network.graph))
        try validate(xml, schema: "gexf.xsd", ext: "gexf")
        #expect(xml.contains("version=\"1.3\""))
        #expect(xml.contains("A&amp;B &quot;Group&quot; &lt;Ltd&gt;"))
    }

    @Test func theSchemasRejectABrokenFile() throws {
        guard let xmllint = xmllintPath() else { Issue.record("xmllint is not installed"); return }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.graphml")
        try Data("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
            <node id="n0"/><edge source="n0" target="n9"/></graph></graphml>
            """.utf8).write(to: file)
        let result = try runProgram(xmllint, ["--noout", "--schema", testsFolder.appendingPathComponent("Schemas/graphml.xsd").path, file.path])
        #expect(result.status != 0)
    }

    @Test func neo4jCSVsHaveTheImportHeadersAndOneRowPerType() {
        let csv = NetworkExport.neo4j(hostileNetwork())
        let nodeLines = csv.nodes.split(separator: "\n")
        #expect(nodeLines.first == "id:ID,name,kind,:LABEL")
        #expect(nodeLines.contains("n0,Russia,state,Actor;State"))
        #expect(csv.nodes.contains("\"A&B \"\"Group\"\" <Ltd>\""))
        let relationshipLines = csv.relationships.split(separator: "\n")
        #expect(relationshipLines.first == ":START_ID,:END_ID,:TYPE,weight:int,polarity:int")
        #expect(relationshipLines.contains("n0,n1,AID,1,1"))
        #expect(!csv.relationships.contains("n3,n0"), "the negated Ukraine → Russia relation is no edge")
    }

    @Test func dotQuotesNamesAndColoursEdgesBySign() {
        let dot = NetworkExport.dot(hostileNetwork())
        #expect(dot.hasPrefix("digraph kremlinology {"))
        #expect(dot.contains("[label=\"A&B \\\"Group\\\" <Ltd>\"]"))
        #expect(dot.contains("color=red"))
        #expect(dot.contains("color=darkgreen"))
    }

    @Test func jsonReportCarriesMetricsAndQuotes() throws {
        let network = hostileNetwork()
        let json = try NetworkExport.json(network, metrics: NetworkMetrics(graph: network.graph))
        let report = try JSONDecoder().decode(NetworkReport.self, from: Data(json.utf8))
        #expect(report.nodes.count == 4)
        #expect(report.edges.first?.citations.first?.quote.contains("<script>") == true)
        #expect(report.betweennessExact)
    }
}
