import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// Issue 13 through the API: `rollup=states` on every view that takes it, claims with their
/// corroboration in listings, and `min_sources`.
@Suite struct RollUpAndClaimsAPITests {
    let corpus = TestCorpus.shared

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func rolledUpBriefsIncludeThePeopleOfBothStatesAndSaySo() async throws {
        try await corpus.withServer { client, _ in
            let plain = try await client.execute(uri: "/api/v1/brief?a=Russia&b=Belarus", method: .get)
            let rolled = try await client.execute(uri: "/api/v1/brief?a=Russia&b=Belarus&rollup=states", method: .get)
            #expect(plain.status == .ok && rolled.status == .ok)
            #expect(plain.json["rollUp"] == nil)
            let folded = (rolled.json["rollUp"] as? [String: Any])?["folded"] as? [String: [String]] ?? [:]
            #expect(folded["Belarus"]?.contains("Alexander Lukashenko") == true, "\(folded)")
            let count = { (json: [String: Any]) in (json["relations"] as? [Any])?.count ?? 0 }
            #expect(count(rolled.json) > count(plain.json))
            for view in ["/api/v1/dossier?actor=Russia", "/api/v1/timeline?actor=Russia", "/api/v1/compare?outlets=RT,UNN&actor=Russia"] {
                let response = try await client.execute(uri: view + "&rollup=states", method: .get)
                #expect(response.status == .ok, "\(view)")
                #expect(response.json["rollUp"] != nil, "\(view)")
            }
            let page = try await client.execute(uri: "/pair?a=Russia&b=Belarus&rollup=states", method: .get)
            #expect(String(buffer: page.body).contains("Rolled up into states:"))
        }
    }

    @Test func aMalformedRollUpIsA400NamingTheChoice() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/api/v1/brief?a=Russia&b=Belarus&rollup=people", "/api/v1/network?rollup=maybe", "/timeline?rollup=x"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(String(buffer: response.body).contains("states"), "\(uri)")
            }
        }
    }

    /// Unreviewed (open-world) actors are marked in the network and hidden by `reviewed=only`.
    @Test func reviewedOnlyHidesUnreviewedActorsAndABadValueIsA400() async throws {
        try await corpus.withServer { client, _ in
            let all = try await client.execute(uri: "/api/v1/network?limit=200", method: .get)
            let reviewed = try await client.execute(uri: "/api/v1/network?limit=200&reviewed=only", method: .get)
            #expect(all.status == .ok && reviewed.status == .ok, "\(String(buffer: all.body).prefix(300))")
            let nodes = { (json: [String: Any]) in json["nodes"] as? [[String: Any]] ?? [] }
            #expect(nodes(all.json).allSatisfy { $0["reviewed"] is Bool }, "every node says whether it is reviewed")
            #expect(nodes(reviewed.json).allSatisfy { $0["reviewed"] as? Bool == true })
            let unreviewed = nodes(all.json).filter { $0["reviewed"] as? Bool == false }.count
            #expect(nodes(reviewed.json).count <= nodes(all.json).count - unreviewed)
            for uri in ["/api/v1/network?reviewed=some", "/api/v1/dossier?actor=Russia&reviewed=yes", "/actor?name=Russia&reviewed=x"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(String(buffer: response.body).contains("only"), "\(uri)")
            }
            let dossier = try await client.execute(uri: "/api/v1/dossier?actor=Russia&reviewed=only", method: .get)
            #expect(dossier.status == .ok)
            #expect((dossier.json["profile"] as? [String: Any])?["reviewed"] as? Bool == true)
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func listingsCarryCorroborationAndFilterByIt() async throws {
        try await corpus.withServer { client, _ in
            let all = try await client.execute(uri: "/api/v1/relations?limit=200", method: .get)
            let items = all.json["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { ($0["corroboration"] as? Int ?? 0) >= 1 })
            let strict = try await client.execute(uri: "/api/v1/relations?min_sources=2&limit=200", method: .get)
            let strictItems = strict.json["items"] as? [[String: Any]] ?? []
            #expect(strictItems.allSatisfy { ($0["corroboration"] as? Int ?? 0) >= 2 })
            #expect((strict.json["total"] as? Int ?? 0) < (all.json["total"] as? Int ?? 0))
            let bad = try await client.execute(uri: "/api/v1/relations?min_sources=0", method: .get)
            #expect(bad.status == .badRequest)
        }
    }
}
