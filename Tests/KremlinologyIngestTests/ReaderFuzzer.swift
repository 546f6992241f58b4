import Foundation
import KremlinologyIngest
import KremlinologyModel

/// A deterministic mutation fuzzer for ``DocumentReader``: seed files are mutated by a fixed
/// pseudo-random sequence (byte flips, truncations, spliced-in front matter, HTML and Markdown
/// fragments, invalid UTF-8, byte order marks, huge lines) and each result is read. A case
/// fails when the reader throws anything but an ``IngestError``, when a passage lies outside
/// the text or cuts a character, or when one case takes longer than the time bound.
struct ReaderFuzzer {
    /// A seed file: its name decides the reader as the extension does for a real file.
    struct Seed { var name: String; var bytes: [UInt8] }

    /// One failed case: what was read and why it failed.
    struct Failure: CustomStringConvertible {
        var caseNumber: Int
        var fileName: String
        var bytes: [UInt8]
        var reason: String
        var description: String { "case \(caseNumber) (\(fileName), \(bytes.count) bytes): \(reason)" }
    }

    var seeds: [Seed]
    var random: SplitMix64
    /// The longest one case may take before it counts as a hang.
    var caseTimeLimit: Double

    /// Fragments that steer a mutated file into the corners of each reader.
    static let fragments: [String] = [
        "---\n", "---\ntitle: T\nvideoId: abc\n---\n", "---\nurl: /\\evil.example\n", "title: \"unclosed\n", "key: [a, b\n",
        "<html>", "<script>", "</script>", "<style>", "<!--", "-->", "<title>", "<article>", "</article>", "<p a=\"", "<a href='",
        "<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>", "<br/>", "&amp;", "&#x1F600;", "&#99999999;", "&",
        "```\n", "~~~", "# ", "## Heading\n", "> [!note] ", "> ", "- ", "* ", "1. ", "\u{2022} ", "[[", "]]", "[[slug | label]]",
        "[text](", "](https://x.org)", "From: [[chan]]\n", "Published by Reuters\n", "Kyiv \u{2022} UNN\n", "Page last modified: 03-05-2021\n",
        "\n\n", "\r\n", "\r", "\t", "\u{00A0}", "\u{200B}", "\u{FEFF}", "Мир ", "🇷🇺", "\u{1B}]0;title\u{07}",
    ]
    /// Byte sequences that are not valid UTF-8, or byte order marks of other encodings.
    static let badBytes: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
                                      [0xC0, 0xAF], [0x00], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x01, 0x02, 0x7F]]

    /// The next mutated input: one to four mutations of a seed.
    mutating func nextInput() -> Seed {
        var seed = seeds[random.below(seeds.count)]
        for _ in 0..<(1 + random.below(4)) { mutate(&seed.bytes) }
        if random.below(20) == 0 { seed.name = ["x.html", "x.md", "x.txt"][random.below(3)] }
        return seed
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch random.below(9) {
        case 0 where !bytes.isEmpty: // flip a byte
            let i = random.below(bytes.count)
            bytes[i] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
        case 1: // truncate
            bytes.removeLast(bytes.count - at)
        case 2, 3: // splice in a fragment
            bytes.insert(contentsOf: Array(Self.fragments[random.below(Self.fragments.count)].utf8), at: at)
        case 4: // invalid UTF-8 or a BOM
            bytes.insert(contentsOf: Self.badBytes[random.below(Self.badBytes.count)], at: at)
        case 5 where !bytes.isEmpty: // delete a run
            let end = min(bytes.count, at + 1 + random.below(200))
            if at < end { bytes.removeSubrange(at..<end) }
        case 6 where !bytes.isEmpty: // duplicate a run
            let end = min(bytes.count, at + 1 + random.below(500))
            if at < end { bytes.insert(contentsOf: Array(bytes[at..<end]), at: at) }
        case 7 where random.below(8) == 0: // a huge line, or a huge run of one markup byte
            let unit = Array((["a", "<", "[", "*", "-", "&", " ", "<p "][random.below(8)]).utf8)
            let count = 20_000 + random.below(80_000)
            bytes.insert(contentsOf: (0..<count).flatMap { _ in unit }, at: at)
        default: // put the whole seed inside markup
            bytes = Array(Self.fragments[random.below(Self.fragments.count)].utf8) + bytes
        }
    }

    /// Reads `input` and returns why it fails, or nil when the reader held.
    func check(_ input: Seed) -> String? {
        let start = Date()
        let doc: IngestedDocument
        do {
            doc = try DocumentReader().read(bytes: input.bytes, path: input.name, fileName: input.name)
        } catch is IngestError {
            return overTime(start)
        } catch {
            return "threw a \(type(of: error)), not an IngestError: \(error)"
        }
        if let problem = Self.passageProblem(doc) { return problem }
        return overTime(start)
    }

    private func overTime(_ start: Date) -> String? {
        let seconds = Date().timeIntervalSince(start)
        return seconds > caseTimeLimit ? "took \(seconds) s (limit \(caseTimeLimit) s): a hang or a quadratic loop" : nil
    }

    /// Why the passages of `doc` do not index its text exactly, or nil.
    static func passageProblem(_ doc: IngestedDocument) -> String? {
        let text = Array(doc.text.utf8)
        if text.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return "a document with no text was accepted" }
        var previousEnd = 0
        for (i, p) in doc.passages.enumerated() {
            guard p.index == i else { return "passage \(i) has index \(p.index)" }
            guard p.range.start >= previousEnd, p.range.start < p.range.end, p.range.end <= text.count else {
                return "passage \(i) range \(p.range) is outside the text (\(text.count) bytes) or out of order"
            }
            previousEnd = p.range.end
            let slice = doc.text.slice(p.range)
            guard slice.utf8.count == p.range.length, Array(slice.utf8) == Array(text[p.range.start..<p.range.end]) else {
                return "passage \(i) range \(p.range) cuts a character"
            }
            for a in p.anchors where a.offset < p.range.start || a.offset > p.range.end { return "passage \(i) anchor \(a.offset) outside" }
            for l in p.topicLinks where !p.range.contains(l.range) || doc.text.slice(l.range) != l.label {
                return "passage \(i) link \(l.range) outside or not its label"
            }
        }
        return nil
    }

    /// Runs cases until `cases` are done or `seconds` have passed; `beforeCase` sees each input first.
    mutating func run(cases: Int, seconds: Double, beforeCase: (Seed) -> Void = { _ in }) -> (ran: Int, failures: [Failure]) {
        let deadline = Date().addingTimeInterval(seconds)
        var failures: [Failure] = []
        var ran = 0
        while ran < cases, Date() < deadline {
            let input = nextInput()
            beforeCase(input)
            if let reason = check(input) {
                failures.append(Failure(caseNumber: ran, fileName: input.name, bytes: input.bytes, reason: reason))
            }
            ran += 1
        }
        return (ran, failures)
    }
}

/// A small, fast, seedable generator (Vigna's SplitMix64): the same seed gives the same cases everywhere.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
