import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

/// The OpenAPI document is checked against the real responses and by a validator.
@Suite struct OpenAPITests {
    let corpus = TestCorpus.shared

    private func document(_ client: any TestClientProtocol) async throws -> [String: Any] {
        let response = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
        #expect(response.status == .ok)
        return try #require(try Yams.load(yaml: response.text) as? [String: Any])
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: the documented examples need the seeds"))
    func everyDocumentedPathAnswers200WithItsDocumentedTopLevelFields() async throws {
        try await corpus.withServer { client, _ in
            let spec = try await document(client)
            let paths = try #require(spec["paths"] as? [String: Any])
            #expect(paths.count >= 12)
            for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
                guard let get = (item as? [String: Any])?["get"] as? [String: Any] else { continue }
                let uri = try Self.exampleURI(path: path, operation: get, spec: spec)
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(200))")
                guard let schema = Self.successSchema(get, spec: spec), let required = schema["required"] as? [String] else { continue }
                let body = response.json
                for field in required { #expect(body[field] != nil, "\(uri) lacks documented field '\(field)'") }
            }
        }
    }

    @Test func everyRouteOfTheAPIIsDocumented() async throws {
        try await corpus.withServer { client, _ in
            let spec = try await document(client)
            let paths = Set((spec["paths"] as? [String: Any] ?? [:]).keys)
            for route in ["stats", "search", "documents", "documents/{id}", "actors", "relations", "outlets", "dossier", "brief",
                          "network", "timeline", "compare", "openapi.yaml",
                          "relations/{id}/judgement", "documents/{id}", "outlets/{name}/grade"] {
                #expect(paths.contains("/api/v1/\(route)"), "\(route) is not documented")
            }
        }
    }

    @Test func theDocumentIsValidOpenAPI3() async throws {
        let check = "import openapi_spec_validator"
        let hasValidator = (try? await Shell.runAsync("/usr/bin/env", ["python3", "-c", check]).status) == 0
        if !hasValidator {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must have openapi-spec-validator (see .ci/run)")
            print("openapi-spec-validator is not installed: skipping the validation (pip install openapi-spec-validator)")
            return
        }
        try await corpus.withServer { client, _ in
            let response = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            let file = corpus.folder.appendingPathComponent("openapi.yaml")
            try Data(response.text.utf8).write(to: file)
            let script = """
                import sys
                from openapi_spec_validator import validate
                from openapi_spec_validator.readers import read_from_filename
                spec, _ = read_from_filename(sys.argv[1])
                validate(spec)
                print("valid")
                """
            let result = try await Shell.runAsync("/usr/bin/env", ["python3", "-c", script, file.path])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("valid"))
        }
    }

    /// The path with its path parameters and required query parameters filled from their examples.
    static func exampleURI(path: String, operation: [String: Any], spec: [String: Any]) throws -> String {
        var uri = path
        var query: [String] = []
        for raw in operation["parameters"] as? [Any] ?? [] {
            guard let parameter = resolve(raw, spec: spec), let name = parameter["name"] as? String else { continue }
            let example = parameter["example"].map { "\($0)" }
            if parameter["in"] as? String == "path" {
                uri = uri.replacingOccurrences(of: "{\(name)}", with: try #require(example, "\(path): path parameter \(name) has no example"))
            } else if parameter["required"] as? Bool == true {
                let value = try #require(example, "\(path): required parameter \(name) has no example")
                query.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)")
            }
        }
        return query.isEmpty ? uri : uri + "?" + query.joined(separator: "&")
    }

    static func successSchema(_ operation: [String: Any], spec: [String: Any]) -> [String: Any]? {
        let ok = (operation["responses"] as? [String: Any])?["200"] as? [String: Any]
        let json = ((ok?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
        return json.flatMap { resolve($0, spec: spec) }
    }

    /// Follows a local `$ref`.
    static func resolve(_ value: Any, spec: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return object }
        var node: Any? = spec
        for key in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
        return node as? [String: Any]
    }
}
