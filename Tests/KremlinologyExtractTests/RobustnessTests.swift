import Foundation
@testable import KremlinologyExtract
import KremlinologyModel
import KremlinologyPipeline
import Testing

@Suite("Sentence splitting, exports, bad input and pack errors")
struct RobustnessTests {
    func sentences(_ text: String) -> [String] {
        Fixture.extractor.extract(ExtractionInput(text: text, documentName: "t"), explain: true).trace.map(\.text)
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        let s = sentences("The U.S. and Mark N. Katz met Mr. Smith on Jan. 5. Russia attacked Ukraine.")
        #expect(s == ["The U.S. and Mark N. Katz met Mr. Smith on Jan. 5.", "Russia attacked Ukraine."], "\(s)")
    }

    @Test func decimalsAndEllipsesAreHandled() {
        let s = sentences("Growth was 3.5 percent... Then it fell. \"Is it over?\" he asked.")
        #expect(s.count == 3, "\(s)")
        #expect(s.first == "Growth was 3.5 percent...")
    }

    @Test func closingQuotesStayWithTheirSentence() {
        let s = sentences("He said \"no.\" Then he left.")
        #expect(s == ["He said \"no.\"", "Then he left."], "\(s)")
    }

    @Test func exportOffsetsAreCodePoints() throws {
        let text = "Ünïcödé “text”. Russia attacked Ukraine."
        let result = Fixture.extractor.extract(ExtractionInput(text: text, documentName: "u.txt"))
        let r = try #require(result.relations.first)
        let line = RelationExport.jsonLine(r, document: "u.txt", locator: nil, offsets: CodePointOffsets(text))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let start = try #require(obj["start"] as? Int), end = try #require(obj["end"] as? Int)
        let scalars = Array(text.unicodeScalars)
        var quote = String.UnicodeScalarView()
        quote.append(contentsOf: scalars[start..<end])
        #expect(String(quote) == obj["quote"] as? String)
        #expect(obj["source_wikidata"] as? String == "Q159")
        #expect(obj["polarity"] as? Int == -1)
    }

    @Test func actorLineHasTheExportKeys() throws {
        let actor = try #require(Fixture.pack.actor(named: "Russia"))
        let line = RelationExport.actorLine(actor, documents: ["a.txt"], mentions: 3)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["name", "kind", "wikidata", "aliases", "documents", "mentions"])
    }

    @Test func megabyteSentenceWithoutPunctuationFinishes() {
        let text = String(repeating: "russia and ukraine attack the border again ", count: 25_000)
        let result = Fixture.extractor.extract(ExtractionInput(text: text, documentName: "big"))
        #expect(result.mentions.count > 0)
    }

    @Test func deeplyNestedQuotesAndBracketsFinish() {
        let text = String(repeating: "(\"[«", count: 10_000) + "Russia attacked Ukraine" + String(repeating: "»]\")", count: 10_000)
        _ = Fixture.extractor.extract(ExtractionInput(text: text, documentName: "nested"), explain: true)
    }

    @Test func rightToLeftZeroWidthAndCombiningTextFinish() {
        let text = "روسيا هاجمت أوكرانيا. Ru\u{200B}ssia atta\u{0301}cked U\u{200D}kraine. \u{202E}Russia attacked Ukraine.\u{202C} שלום"
        let result = Fixture.extractor.extract(ExtractionInput(text: text, documentName: "rtl"), explain: true)
        for r in result.relations { #expect(r.range.end <= text.utf8.count) }
    }

    @Test func malformedTSVNamesFileAndLine() {
        #expect {
            _ = try KnowledgePack.fromFilesForTesting([("cues.tsv", "# comment\nnegation\tnot\nbadline\n")])
        } throws: { error in
            "\(error)".hasPrefix("cues.tsv:3:")
        }
    }

    @Test func unknownRelationTypeNamesFileAndLine() {
        #expect {
            _ = try KnowledgePack.fromFilesForTesting([("relations-extra.tsv", "ASSAULT\tverb\tattack\nATTACKS\tverb\tbomb\n")])
        } throws: { error in
            "\(error)".hasPrefix("relations-extra.tsv:2:")
        }
    }

    @Test func malformedYAMLNamesFileAndLine() {
        #expect {
            _ = try KnowledgePack.fromFilesForTesting([("actors/bad.yaml", "- name: X\n  kind: state\n- name: [unclosed\n  kind: person\n")])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("actors/bad.yaml:") && error is PackError
        }
    }

    @Test func extraPackDirectoryExtendsTheGazetteer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("actors"), withIntermediateDirectories: true)
        try "- name: Freedonia\n  kind: state\n  aliases: [Fredonia]\n".write(to: dir.appendingPathComponent("actors/extra.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = try KnowledgePack.load(extraDirectories: [dir])
        let rs = Extractor(pack: pack).extract(ExtractionInput(text: "Fredonia attacked Russia.", documentName: "f")).relations
        #expect(rs.contains { $0.source == "Freedonia" && $0.target == "Russia" })
    }
}

/// One huge line is read a window at a time: windows cover it exactly, cut at sentence ends
/// or spaces, never inside a word or a character.
@Suite struct PassageWindowTests {
    @Test func windowsCoverAHugeLineAndCutOnlyBetweenWords() {
        var text = ""
        var n = 0
        while text.utf8.count < 1_300_000 {
            text += n % 7 == 0 ? "Путин встретил Лукашенко. " : "Russia attacked Ukraine again and again "
            n += 1
        }
        var copy = text
        copy.withUTF8 { bytes in
            let windows = DocumentRun.windows(bytes, from: 0, to: bytes.count)
            #expect(windows.count >= 5)
            #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == bytes.count)
            for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            for w in windows.dropLast() {
                #expect(w.count <= DocumentRun.windowBytes + 4)
                #expect(bytes[w.upperBound] == 0x20, "cut at \(w.upperBound) is not at a space")
            }
        }
    }

    @Test func aHugeLineYieldsItsRelationsInsideTheText() {
        let text = String(repeating: "Russia attacked Ukraine. Belarus aided Russia. ", count: 40_000)
        let result = Fixture.extractor.extract(ExtractionInput(text: text, documentName: "huge"))
        #expect(result.relations.count >= 40_000)
        #expect(result.relations.allSatisfy { $0.range.end <= text.utf8.count && text.slice($0.range) == $0.quote })
    }
}
