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
}
