import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// Issue 15 through the API, behind the server's token: judging a fact and deleting a document
/// change every view at once.
@Suite struct CurationAPITests {
    @Test func aJudgedFactLeavesTheViewsAndADeletedDocumentIsGone() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let auth: HTTPFields = [.authorization: "Bearer s3cret"]
            let body = ByteBuffer(string: "# Gas\n\nRussia condemned Estonia over the gas embargo.\n")
            let stored = try await client.execute(uri: "/api/v1/documents?name=gas.md", method: .post, headers: auth, body: body)
            let documentID = try #require(stored.json["documentID"] as? String)
            let listed = try await client.execute(uri: "/api/v1/relations?source=Russia&target=Estonia", method: .get)
            let item = try #require((listed.json["items"] as? [[String: Any]])?.first)
            let id = try #require(item["id"] as? Int)
            let before = try await client.execute(uri: "/api/v1/dossier?actor=Russia", method: .get)
            #expect(String(buffer: before.body).contains("Estonia"))

            let anonymous = try await client.execute(uri: "/api/v1/relations/\(id)/judgement?verdict=wrong", method: .post)
            #expect(anonymous.status == .unauthorized)
            let bad = try await client.execute(uri: "/api/v1/relations/\(id)/judgement?verdict=maybe", method: .post, headers: auth)
            #expect(bad.status == .badRequest)
            let missing = try await client.execute(uri: "/api/v1/relations/999999/judgement?verdict=wrong", method: .post, headers: auth)
            #expect(missing.status == .notFound)
            let judged = try await client.execute(uri: "/api/v1/relations/\(id)/judgement?verdict=wrong&note=rumour",
                                                  method: .post, headers: auth)
            #expect(judged.status == .ok)
            #expect(judged.json["judgement"] as? String == "wrong" && judged.json["judgementNote"] as? String == "rumour")
            let after = try await client.execute(uri: "/api/v1/dossier?actor=Russia", method: .get)
            #expect(!String(buffer: after.body).contains("Estonia"), "the memoised dossier was dropped")

            let anonymousDelete = try await client.execute(uri: "/api/v1/documents/\(documentID)", method: .delete)
            #expect(anonymousDelete.status == .unauthorized)
            let deleted = try await client.execute(uri: "/api/v1/documents/\(documentID)", method: .delete, headers: auth)
            #expect(deleted.status == .ok && deleted.json["deleted"] as? Int == 1)
            #expect(try await client.execute(uri: "/api/v1/documents/\(documentID)", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/documents/\(documentID)", method: .delete, headers: auth).status == .notFound)
        }
    }

    /// Texts of our own: an actor no pack knows, spelled two ways, and a fact of pack actors.
    static let notes = [
        ("a.md", "# A\n\nValery Solovey criticised Vladimir Putin over the mobilisation.\n\nValery Solovey praised Belarus for its restraint.\n"),
        ("b.md", "# B\n\nValery Soloviev condemned Russia for the missile strikes.\n"),
        ("c.md", "# C\n\nRussia threatened Belarus with a gas embargo.\n"),
    ]

    /// The actor page's forms (with the token field, as a browser posts them) merge and
    /// dismiss actors, and judge a fact; the API lists and undoes the decisions; every view
    /// follows at once.
    @Test func theActorPagesFormsCurateAndEveryViewFollows() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let auth: HTTPFields = [.authorization: "Bearer s3cret"]
            for (name, text) in Self.notes {
                _ = try await client.execute(uri: "/api/v1/documents?name=\(name)", method: .post, headers: auth, body: ByteBuffer(string: text))
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            func post(_ path: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: form, body: ByteBuffer(string: body))
            }
            let page = try await client.execute(uri: "/actor?name=Valery%20Soloviev", method: .get).text
            #expect(page.contains("action=\"/actor/curate\"") && page.contains("value=\"merge\"") && page.contains("value=\"promote\""))

            let refused = try await post("/actor/curate", "action=merge&actor=Valery+Soloviev&into=Valery+Solovey")
            #expect(refused.status == .unauthorized, "a form without the token changes nothing")
            let merged = try await post("/actor/curate", "action=merge&actor=Valery+Soloviev&into=Valery+Solovey&note=one+man&token=s3cret")
            #expect(merged.status == .seeOther && merged.headers[.location] == "/actor?name=Valery%20Solovey")
            let dossier = try await client.execute(uri: "/api/v1/dossier?actor=Valery%20Solovey", method: .get).text
            #expect(dossier.contains("Russia"), "the merged actor's facts are the other's now")
            let gone = try await client.execute(uri: "/actor?name=Valery%20Soloviev", method: .get)
            #expect(gone.text.contains("<h1>Valery Solovey</h1>"), "the merged-away name is an alias now: its page is the other's")

            let dismissed = try await post("/actor/curate", "action=dismiss&actor=Belarus&token=s3cret")
            #expect(dismissed.status == .seeOther && dismissed.headers[.location] == "/actors")
            let network = try await client.execute(uri: "/api/v1/network?limit=200", method: .get).json
            let nodes = (network["nodes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String ?? $0["name"] as? String }
            #expect(!nodes.contains("Belarus") && !nodes.isEmpty, "\(nodes)")
            let actors = try await client.execute(uri: "/actors", method: .get).text
            #expect(!actors.contains(">Belarus<"))
            #expect(try await client.execute(uri: "/api/v1/dossier?actor=Belarus", method: .get).status == .notFound)

            let log = try await client.execute(uri: "/api/v1/curation", method: .get).json
            let decisions = try #require(log["decisions"] as? [[String: Any]])
            #expect(decisions.map { $0["action"] as? String } == ["merge", "dismiss"] && log["holding"] as? Int == 2)
            #expect(try await client.execute(uri: "/api/v1/curation?action=merge&actor=Nobody&into=Russia", method: .post, headers: auth).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/curation?action=split&actor=Russia", method: .post, headers: auth).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/curation?action=rename&actor=Russia&name=Vladimir%20Putin", method: .post, headers: auth).status == .conflict)
            let logPage = try await client.execute(uri: "/curation", method: .get).text
            #expect(logPage.contains("dismiss Belarus (not an actor)") && logPage.contains("action=\"/curation/undo\""), "\(logPage.prefix(300))")
            let yaml = try await client.execute(uri: "/curation/pack/curation.yaml", method: .get)
            #expect(yaml.text.contains("- name: \"Valery Soloviev\"\n  removed: true") && yaml.text.contains("- name: \"Belarus\"\n  removed: true"), "\(yaml.text)")
            #expect(try await client.execute(uri: "/curation/pack/cues-curation.tsv", method: .get).text.contains("not-actor\tBelarus"))
            #expect(try await client.execute(uri: "/curation/pack/other.txt", method: .get).status == .notFound)
            let undone = try await post("/curation/undo", "id=\(decisions[1]["id"] as? Int ?? 0)&token=s3cret")
            #expect(undone.status == .seeOther && undone.headers[.location] == "/curation")
            #expect(try await client.execute(uri: "/api/v1/dossier?actor=Belarus", method: .get).status == .ok, "undone: Belarus is back")
            #expect(try await client.execute(uri: "/api/v1/curation/999/undo", method: .post, headers: auth).status == .notFound)

            // The judge form beside a fact: wrong hides it, and the answer returns to the page given.
            let listed = try await client.execute(uri: "/api/v1/relations?source=Russia&target=Belarus", method: .get).json
            let id = try #require((listed.json(items: listed)).first?["id"] as? Int)
            let judged = try await post("/relations/judge", "id=\(id)&verdict=wrong&back=%2Factor%3Fname%3DRussia&token=s3cret")
            #expect(judged.status == .seeOther && judged.headers[.location] == "/actor?name=Russia")
            let offsite = try await post("/relations/judge", "id=\(id)&verdict=right&back=%2F%2Fevil.example&token=s3cret")
            #expect(offsite.headers[.location] == "/", "never a redirect to another site")
            let russia = try await client.execute(uri: "/actor?name=Russia", method: .get).text
            #expect(russia.contains("✓ confirmed"), "judged right is marked")
            // Judged wrong, the fact stays listed on its document's page, struck through with the note.
            _ = try await post("/relations/judge", "id=\(id)&verdict=wrong&note=misread&token=s3cret")
            let document = try #require((listed.json(items: listed)).first?["documentID"] as? String)
            let documentPage = try await client.execute(uri: "/documents/\(document)", method: .get).text
            #expect(documentPage.contains("class=\"relation wrong\"") && documentPage.contains("judged wrong: misread"), "\(documentPage.suffix(2000))")
        }
    }
}

private extension Dictionary where Key == String, Value == Any {
    func json(items: [String: Any]) -> [[String: Any]] { items["items"] as? [[String: Any]] ?? [] }
}
