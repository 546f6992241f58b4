import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KremlinologyPipeline
import Testing
@testable import KremlinologyServer

/// Issue 13, item 9, through the API: the ego network (`actor`), `min_sources`, the GEXF and
/// GraphML downloads of the view, and their 4xx cases.
@Suite struct NetworkAPITests {
    let corpus = TestCorpus.shared

    static func names(_ json: [String: Any]) -> [String] {
        (json["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// Edges as "source → target", by node name.
    static func ties(_ json: [String: Any]) -> [String: [String: Any]] {
        let nodes = json["nodes"] as? [[String: Any]] ?? []
        var name: [Int: String] = [:]
        for node in nodes { if let id = node["id"] as? Int { name[id] = node["name"] as? String } }
        var ties: [String: [String: Any]] = [:]
        for edge in json["edges"] as? [[String: Any]] ?? [] {
            guard let s = edge["source"] as? Int, let t = edge["target"] as? Int, let a = name[s], let b = name[t] else { continue }
            ties["\(a) → \(b)"] = edge
        }
        return ties
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func anEgoNetworkHoldsTheActorItsNeighboursAndTheTiesAmongThem() async throws {
        try await corpus.withServer { client, _ in
            let whole = try await client.execute(uri: "/api/v1/network?limit=200", method: .get).json
            let response = try await client.execute(uri: "/api/v1/network?actor=Putin&limit=200", method: .get)
            #expect(response.status == .ok)
            let ego = response.json
            #expect(ego["actors"] as? [String] == ["Vladimir Putin"], "the name is resolved as the dossier resolves it")
            let names = Self.names(ego)
            #expect(names.first == "Vladimir Putin", "the centre comes first")
            #expect(names.count > 1 && names.count < Self.names(whole).count, "\(names.count) of \(Self.names(whole).count)")
            let ties = Self.ties(ego)
            for name in names.dropFirst() {
                #expect(ties["Vladimir Putin → \(name)"] != nil || ties["\(name) → Vladimir Putin"] != nil, "\(name) is no neighbour")
            }
            // The whole network's ties between those actors are all there, not only Putin's.
            let wholeTies = Self.ties(whole)
            let among = wholeTies.keys.filter { key in
                let ends = key.components(separatedBy: " → ")
                return ends.allSatisfy(names.contains)
            }
            #expect(Set(among).isSubset(of: Set(ties.keys)), "\(Set(among).subtracting(ties.keys))")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func severalActorsMergeTheirEgoNetworks() async throws {
        try await corpus.withServer { client, _ in
            let putin = Self.names(try await client.execute(uri: "/api/v1/network?actor=Vladimir%20Putin&limit=200", method: .get).json)
            let belarus = Self.names(try await client.execute(uri: "/api/v1/network?actor=Belarus&limit=200", method: .get).json)
            let both = try await client.execute(uri: "/api/v1/network?actor=Vladimir%20Putin&actor=Belarus&limit=200", method: .get).json
            #expect(both["actors"] as? [String] == ["Vladimir Putin", "Belarus"])
            #expect(Set(Self.names(both)) == Set(putin).union(belarus))
        }
    }

    /// Rolled up, Putin stands for Russia: the ego network is Russia's, and Putin is no node.
    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func aRolledUpEgoNetworkIsCentredOnThePersonsState() async throws {
        try await corpus.withServer { client, _ in
            let rolled = try await client.execute(uri: "/api/v1/network?actor=Vladimir%20Putin&rollup=states&limit=200", method: .get).json
            #expect(rolled["actors"] as? [String] == ["Vladimir Putin", "Russia"])
            let names = Self.names(rolled)
            #expect(names.first == "Russia", "\(names)")
            #expect(!names.contains("Vladimir Putin"), "Putin is folded into Russia")
            #expect(names.contains("Belarus"))
            #expect((rolled["balance"] as? [String: Any])?["triangles"] as? Int ?? 0 > 0)
        }
    }

    @Test func unknownAndMalformedNetworkParametersAre4xx() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/api/v1/network?actor=Nobody%20At%20All", "/network?actor=Nobody%20At%20All",
                        "/api/v1/network?actor=Nobody%20At%20All&format=gexf", "/api/v1/dossier?actor=Nobody%20At%20All"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri): an unknown actor is answered as the dossier answers it")
            }
            let tooMany = (0...50).map { _ in "actor=Russia" }.joined(separator: "&")
            for (uri, words) in [("/api/v1/network?min_sources=0", "min_sources"), ("/api/v1/network?min_sources=abc", "min_sources"),
                                 ("/api/v1/network?min_sources=1001", "min_sources"), ("/api/v1/network?format=pdf", "format"),
                                 ("/api/v1/network?\(tooMany)", "actor"), ("/network?min_sources=-3", "min_sources")] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.text.contains(words), "\(uri): \(response.text.prefix(200))")
            }
        }
    }

    /// Three short documents, each its own source: two state Russia → Ukraine, one Russia → Serbia.
    @Test func minSourcesKeepsTheEdgesThatEnoughSourcesMake() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        let ingestor = CorpusIngestor(store: corpus.store, extraction: corpus.extraction, workers: 1)
        for (name, text) in [("one.txt", "Russia threatened Ukraine with sanctions."),
                             ("two.txt", "On Tuesday the talks failed. Russia threatened Ukraine with new sanctions."),
                             ("three.txt", "Russia threatened Serbia with sanctions.")] {
            _ = ingestor.ingest(bytes: Array(text.utf8), path: "fixtures/\(name)", fileName: name)
        }
        try await corpus.withServer { client, _ in
            let all = Self.ties(try await client.execute(uri: "/api/v1/network", method: .get).json)
            let ukraine = try #require(all["Russia → Ukraine"], "the fixtures make a Russia → Ukraine edge: \(all.keys.sorted())")
            #expect(ukraine["sources"] as? Int == 2)
            #expect(all["Russia → Serbia"]?["sources"] as? Int == 1, "\(all.keys.sorted())")
            let strict = try await client.execute(uri: "/api/v1/network?min_sources=2", method: .get).json
            let kept = Self.ties(strict)
            #expect(kept["Russia → Ukraine"] != nil)
            #expect(kept["Russia → Serbia"] == nil)
            #expect(kept.values.allSatisfy { ($0["sources"] as? Int ?? 0) >= 2 })
            #expect(strict["minSources"] as? Int == 2)
            #expect(!Self.names(strict).contains("Serbia"), "an actor left without a tie is not drawn")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theViewDownloadsAsValidGEXFAndGraphML() async throws {
        try await corpus.withServer { client, _ in
            let view = try await client.execute(uri: "/api/v1/network?actor=Vladimir%20Putin&limit=200", method: .get).json
            for (format, schema, type) in [("gexf", "gexf.xsd", "application/gexf+xml"), ("graphml", "graphml.xsd", "application/graphml+xml")] {
                let response = try await client.execute(uri: "/api/v1/network?actor=Vladimir%20Putin&limit=200&format=\(format)", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(format)")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"network.\(format)\"")
                try await Self.validate(response.text, schema: schema, ext: format, in: corpus.folder)
                for name in Self.names(view) {
                    #expect(response.text.contains(Self.xmlEscaped(name)), "\(format) lacks \(name)")
                }
                let edges = response.text.components(separatedBy: "<edge ").count - 1
                #expect(edges == (view["edges"] as? [Any])?.count, "\(format): the download holds the ties of the view")
            }
        }
    }

    static func xmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }

    /// `xmllint --schema` with the schemas the analysis tests keep.
    static func validate(_ xml: String, schema: String, ext: String, in folder: URL) async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else {
            Issue.record("xmllint is not installed: apt-get install -y libxml2-utils")
            return
        }
        let file = folder.appendingPathComponent("view-\(UUID().uuidString).\(ext)")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let schemaPath = TestCorpus.repository.appendingPathComponent("Tests/KremlinologyAnalysisTests/Schemas/\(schema)").path
        let result = try await Shell.runAsync("/usr/bin/xmllint", ["--noout", "--schema", schemaPath, file.path])
        #expect(result.status == 0, "xmllint rejected the \(ext): \(result.output)")
    }
}
