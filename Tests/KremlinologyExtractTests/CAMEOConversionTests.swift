import Foundation
import Testing

/// The converted CAMEO lexicon (`relations-cameo.tsv`, written by `Scripts/build_relations.py`)
/// must say only what the CAMEO dictionary says: every `verb * words` entry pairs a verb with a
/// pattern of the same verb block. A converter that misread four block headers once let a block
/// inherit the verbs of the block before it, so "accuse * attack" became SUPPORT (the code of
/// "prevent * attack" in the next block). This reads the dictionary independently of the
/// converter: a block is everything from one `---` header to the next.
@Suite("CAMEO conversion")
struct CAMEOConversionTests {
    static let dictionary = Fixture.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/dictionaries/CAMEO.2.0.txt")
    static let lexicon = Fixture.packageRoot
        .appendingPathComponent("Sources/KremlinologyExtract/Resources/relations-cameo.tsv")
    static var present: Bool { FileManager.default.fileExists(atPath: dictionary.path) }

    /// Each block's verbs (lower-case base forms) and its simple `- * WORDS` patterns, normalised
    /// as the converter writes them.
    static func blocks() throws -> [(verbs: Set<String>, patterns: Set<String>)] {
        let text = try String(contentsOf: dictionary, encoding: .isoLatin1)
        var blocks: [(verbs: Set<String>, patterns: Set<String>)] = []
        var inPatterns = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.contains("VERB PATTERNS") { inPatterns = true; continue }
            guard inPatterns else { continue }
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if line.hasPrefix("---") { blocks.append(([], [])); continue }
            guard !blocks.isEmpty, let first = line.first else { continue }
            let afterDash = line.hasPrefix("-") ? line.dropFirst().drop { $0 == " " } : ""
            if afterDash.hasPrefix("*") {
                let body = afterDash.dropFirst().prefix { $0 != "[" }
                let words = body.map { "(){}".contains($0) ? " " : $0 }
                let normal = String(words).lowercased().replacingOccurrences(of: "_", with: " ")
                    .split(separator: " ").joined(separator: " ")
                blocks[blocks.count - 1].patterns.insert(normal)
            } else if first.isUppercase {
                let verb = line.prefix { $0.isLetter || $0 == "'" || $0 == "-" || $0 == "_" }
                blocks[blocks.count - 1].verbs.insert(verb.lowercased())
            }
        }
        return blocks
    }

    @Test(.enabled(if: CAMEOConversionTests.present, "../shared/dictionaries/CAMEO.2.0.txt is absent: the CAMEO conversion check is skipped"))
    func everyEntryPairsAVerbWithAPatternOfItsOwnBlock() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count > 300, "read \(blocks.count) verb blocks")
        let lines = try String(contentsOf: Self.lexicon, encoding: .utf8).split(separator: "\n")
        var checked = 0
        var strays: [String] = []
        for line in lines where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 3, fields[1] == "verb" else { continue }
            let parts = fields[2].components(separatedBy: " * ")
            guard parts.count == 2 else { continue }
            let verb = String(parts[0].prefix { $0 != "{" })
            checked += 1
            if !blocks.contains(where: { $0.verbs.contains(verb) && $0.patterns.contains(parts[1]) }) {
                strays.append("\(fields[0]) \(fields[2])")
            }
        }
        #expect(checked > 10_000, "checked \(checked) entries")
        #expect(strays.isEmpty, "\(strays.count) entries pair a verb with a pattern of another block, e.g. \(strays.prefix(8))")
    }
}
