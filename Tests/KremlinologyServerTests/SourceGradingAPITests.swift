import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// Source grading through the API and the pages (issue 15, item 3): the outlets listing with
/// grades, a token-guarded grade that every view applies at once, `min_grade` on every view
/// (a malformed one is a 400 naming the form), and grades beside every quote on the pages.
@Suite struct SourceGradingAPITests {
    /// Two articles: RT tells of aid to Belarus, Reuters of a threat to it.
    static let articles = [
        ("aid.txt", "Aid for Minsk\nPublished by Rt.com\n\nRussia sent humanitarian aid to Belarus.\n"),
        ("threat.txt", "Threats\nPublished by Reuters.com\n\nRussia threatened Belarus with a gas embargo.\n"),
    ]

    @Test func anAnalystGradesAnOutletAndEveryViewFiltersByGrade() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let auth: HTTPFields = [.authorization: "Bearer s3cret"]
            for (name, text) in Self.articles {
                let stored = try await client.execute(uri: "/api/v1/documents?name=\(name)", method: .post, headers: auth,
                                                      body: ByteBuffer(string: text))
                #expect(stored.status == .created, "\(stored.text)")
            }
            let outlets = try await client.execute(uri: "/api/v1/outlets", method: .get)
            let rt = try #require((outlets.json["items"] as? [[String: Any]])?.first { $0["outlet"] as? String == "RT" }, "\(outlets.text)")
            #expect(rt["type"] as? String == "state-media" && rt["reliability"] as? String == "D" && rt["origin"] as? String == "type-default")

            #expect(try await client.execute(uri: "/api/v1/outlets/RT/grade?reliability=E", method: .post).status == .unauthorized)
            let bad = try await client.execute(uri: "/api/v1/outlets/RT/grade?reliability=Q", method: .post, headers: auth)
            #expect(bad.status == .badRequest && bad.text.contains("one letter A–F"), "\(bad.text)")
            let unknown = try await client.execute(uri: "/api/v1/outlets/Pravda/grade?reliability=E", method: .post, headers: auth)
            #expect(unknown.status == .notFound, "\(unknown.text)")
            let before = try await client.execute(uri: "/api/v1/brief?a=Russia&b=Belarus", method: .get)
            #expect(before.text.contains(#""grade":"D3""#), "\(before.text)")
            let graded = try await client.execute(uri: "/api/v1/outlets/rt/grade?reliability=E&note=its%20record", method: .post, headers: auth)
            #expect(graded.status == .ok && graded.json["reliability"] as? String == "E" && graded.json["origin"] as? String == "analyst")
            let after = try await client.execute(uri: "/api/v1/brief?a=Russia&b=Belarus", method: .get)
            #expect(after.text.contains(#""grade":"E3""#), "the memoised brief was dropped: \(after.text)")

            // A grade filter removes the E-graded outlet's claims from the brief, and from the other views.
            let reliable = try await client.execute(uri: "/api/v1/brief?a=Russia&b=Belarus&min_grade=D6", method: .get)
            #expect(!reliable.text.contains("humanitarian aid") && reliable.text.contains("gas embargo"), "\(reliable.text)")
            let listing = try await client.execute(uri: "/api/v1/relations?min_grade=B3", method: .get)
            #expect(listing.json["total"] as? Int == 1, "\(listing.text)")
            for path in ["/api/v1/dossier?actor=Russia", "/api/v1/timeline?actor=Russia", "/api/v1/network?actor=Russia",
                         "/api/v1/compare?outlets=RT,Reuters", "/api/v1/relations"] {
                let response = try await client.execute(uri: path + "&min_grade=D6".replacingFirstAmpersand(if: !path.contains("?")), method: .get)
                #expect(response.status == .ok && !response.text.contains("humanitarian aid"), "\(path): \(response.text.prefix(300))")
                let malformed = try await client.execute(uri: path + "&min_grade=Z9".replacingFirstAmpersand(if: !path.contains("?")), method: .get)
                #expect(malformed.status == .badRequest && malformed.text.contains("letter A–F"), "\(path): \(malformed.text)")
            }
            let reset = try await client.execute(uri: "/api/v1/outlets/RT/grade?reset=true", method: .post, headers: auth)
            #expect(reset.json["reliability"] as? String == "D", "\(reset.text)")
        }
    }

    @Test func thePagesShowGradesAndTheOutletsPageGradesWithTheToken() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            for (name, text) in Self.articles {
                _ = try await client.execute(uri: "/api/v1/documents?name=\(name)", method: .post,
                                             headers: [.authorization: "Bearer s3cret"], body: ByteBuffer(string: text))
            }
            let page = try await client.execute(uri: "/outlets", method: .get)
            #expect(page.text.contains("<form class=\"grade-outlet\"") && page.text.contains("type default"), "\(page.text)")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let anonymous = try await client.execute(uri: "/outlets/grade", method: .post, headers: form,
                                                     body: ByteBuffer(string: "outlet=RT&reliability=E&token=wrong"))
            #expect(anonymous.status == .unauthorized || anonymous.status == .forbidden)
            let posted = try await client.execute(uri: "/outlets/grade", method: .post, headers: form,
                                                  body: ByteBuffer(string: "outlet=RT&reliability=E&note=reviewed&token=s3cret"))
            #expect(posted.status == .seeOther, "\(posted.text)")
            let regraded = try await client.execute(uri: "/outlets", method: .get)
            #expect(regraded.text.contains("analyst (api") && regraded.text.contains("reviewed"), "\(regraded.text)")

            let pair = try await client.execute(uri: "/pair?a=Russia&b=Belarus", method: .get)
            #expect(pair.text.contains("class=\"grade rE\"") && pair.text.contains(">E3</span>"), "\(pair.text)")
            #expect(pair.text.contains("Only A–C sources:") && pair.text.contains("min_grade=C6"), "\(pair.text)")
            let filtered = try await client.execute(uri: "/pair?a=Russia&b=Belarus&min_grade=D6", method: .get)
            #expect(!filtered.text.contains("humanitarian aid") && filtered.text.contains("Only facts graded D6 or better"))
            let actor = try await client.execute(uri: "/actor?name=Russia", method: .get)
            #expect(actor.text.contains("class=\"grade rB\"") && actor.text.contains("Only A–C sources:"), "Reuters' quote is graded B")
            #expect(try await client.execute(uri: "/actor?name=Russia&min_grade=B", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/outlet?name=RT", method: .get).text.contains("unreliable"))
        }
    }
}

private extension String {
    /// `&x=y` as `?x=y` when the path has no query yet.
    func replacingFirstAmpersand(if noQuery: Bool) -> String { noQuery ? "?" + dropFirst() : self }
}
