import KremlinologyModel
import Yams

/// Reads Markdown and video notes (Markdown with YAML front matter, a `From: [[channel]]`
/// line, `[[slug | label]]` wiki links and `<a class="yt-timestamp">` citations).
///
/// The normalised text holds the readable text only: front matter and the `From:` line are
/// left out; headings, paragraphs, list items and callouts are separated by blank lines;
/// emphasis markers, `<br/>`, wiki-link brackets and timestamp tags are removed. Timestamps
/// become ``TimestampAnchor``s and wiki links ``TopicLink``s on their passage.
struct MarkdownReader {
    let s: [UInt8]
    let path: String
    let isVideoNote: Bool
    private var b: TextBuilder
    private var result = ReaderOutput(text: [], passages: [])

    init(bytes: [UInt8], path: String, isVideoNote: Bool) {
        self.s = bytes
        self.path = path
        self.isVideoNote = isVideoNote
        self.b = TextBuilder(capacity: bytes.count)
    }

    private enum Open { case none, paragraph, listItem, callout }

    /// Parses the whole file.
    mutating func read() throws -> ReaderOutput {
        let n = s.count
        var i = try readFrontMatter()
        let bodyStart = i
        var open = Open.none
        var inFence = false
        var firstLine: String?

        while i < n {
            let lineEnd = Bytes.find(Bytes.newline, in: s, from: i, to: n) ?? n
            let (a, e) = Bytes.trim(s, i, lineEnd)
            defer { i = lineEnd + 1 }
            if a == e { // blank line
                if !inFence { close(&open) } else { b.newline() }
                continue
            }
            if firstLine == nil { firstLine = Bytes.string(s, a, min(e, a + 300)) }

            // Fenced code: kept verbatim as one paragraph.
            if Bytes.hasPrefix(s, at: a, "```", end: e) || Bytes.hasPrefix(s, at: a, "~~~", end: e) {
                if inFence { close(&open); inFence = false } else { close(&open); inFence = true; b.beginBlock(); open = .paragraph }
                continue
            }
            if inFence {
                b.newline()
                b.append(s, i, e)
                continue
            }

            // The channel line of a video note.
            if b.passages.isEmpty, b.blockIsEmpty, Bytes.hasPrefix(s, at: a, "from:", end: e),
               let slug = firstWikiSlug(a, e) {
                result.outlet = slug
                continue
            }

            // Headings.
            var hashes = 0
            while a + hashes < e, s[a + hashes] == 0x23 { hashes += 1 }
            if hashes >= 1, hashes <= 6, a + hashes == e || s[a + hashes] == Bytes.space {
                close(&open)
                var (ha, he) = Bytes.trim(s, a + hashes, e)
                while he > ha, s[he - 1] == 0x23 { he -= 1 } // closing hashes
                (ha, he) = Bytes.trim(s, ha, he)
                b.beginBlock()
                let start = b.out.count
                inline(ha, he)
                b.trimTrailingSpace()
                if b.out.count > start {
                    let heading = Bytes.string(b.out, start, b.out.count)
                    b.section = heading
                    if result.title == nil, hashes == 1 || !isVideoNote { result.title = heading }
                }
                b.endBlock(kind: .heading)
                continue
            }

            // Callouts and block quotes.
            if s[a] == 0x3E { // '>'
                var (ca, ce) = Bytes.trim(s, a + 1, e)
                while ca < ce, s[ca] == 0x3E { (ca, ce) = Bytes.trim(s, ca + 1, ce) } // nested quotes
                if ca == ce { close(&open); open = .none; continue }
                if Bytes.hasPrefix(s, at: ca, "[!", end: ce), let close = Bytes.find(0x5D, in: s, from: ca, to: ce) {
                    var ta = close + 1
                    if ta < ce, s[ta] == 0x2B || s[ta] == 0x2D { ta += 1 } // foldable marker
                    self.close(&open)
                    b.beginBlock()
                    inline(ta, ce)
                    b.endBlock(kind: .callout)
                    continue
                }
                if open == .callout { b.newline() } else { close(&open); b.beginBlock(); open = .callout }
                inline(ca, ce)
                continue
            }

            // Horizontal rules.
            if isRule(a, e) { close(&open); continue }

            // List items.
            if let content = listItemContent(a, e) {
                close(&open)
                b.beginBlock()
                open = .listItem
                inline(content, e)
                continue
            }

            // Paragraph lines; a line right under a list item or paragraph continues it.
            if open == .paragraph || open == .listItem || open == .callout {
                b.newline()
            } else {
                b.beginBlock()
                open = .paragraph
            }
            inline(a, e)
        }
        close(&open)
        if result.title == nil { result.title = b.passages.first.map { Bytes.string(b.out, $0.range.start, $0.range.end) } ?? firstLine }
        result.text = b.out
        result.passages = TimestampClock.normalised(b.passages)
        if bodyStart > 0 {
            let (a, e) = Bytes.trim(s, bodyStart, n)
            result.whyEmpty = a == e ? "only front matter, nothing after its closing '---'" : "only front matter and Markdown markup"
        } else {
            result.whyEmpty = "only Markdown markup (code fences, rules or headings without words)"
        }
        return result
    }

    private mutating func close(_ open: inout Open) {
        switch open {
        case .none: break
        case .paragraph: b.endBlock(kind: .paragraph)
        case .listItem: b.endBlock(kind: .listItem)
        case .callout: b.endBlock(kind: .callout)
        }
        open = .none
    }

    private func isRule(_ a: Int, _ e: Int) -> Bool {
        let c = s[a]
        guard c == 0x2D || c == 0x2A || c == 0x5F else { return false }
        var count = 0
        for j in a..<e {
            if s[j] == c { count += 1 } else if s[j] != Bytes.space { return false }
        }
        return count >= 3
    }

    /// Where the text of a list item starts, if the line `a..<e` is one (`* x`, `- x`, `+ x`, `1. x`).
    private func listItemContent(_ a: Int, _ e: Int) -> Int? {
        let c = s[a]
        var j = a
        if c == 0x2A || c == 0x2D || c == 0x2B {
            j = a + 1
        } else if Bytes.isDigit(c) {
            while j < e, j - a < 9, Bytes.isDigit(s[j]) { j += 1 }
            guard j < e, s[j] == 0x2E || s[j] == 0x29 else { return nil }
            j += 1
        } else {
            return nil
        }
        guard j < e, s[j] == Bytes.space || s[j] == Bytes.tab else { return nil }
        let (ca, ce) = Bytes.trim(s, j, e)
        return ca < ce ? ca : nil
    }

    /// The slug of the first `[[slug]]` or `[[slug | label]]` in the line.
    private func firstWikiSlug(_ a: Int, _ e: Int) -> String? {
        guard let open = Bytes.find("[[", in: s, from: a, to: e),
              let close = Bytes.find("]]", in: s, from: open + 2, to: e) else { return nil }
        let bar = Bytes.find(0x7C, in: s, from: open + 2, to: close) ?? close
        let (sa, se) = Bytes.trim(s, open + 2, bar)
        return sa < se ? Bytes.string(s, sa, se) : nil
    }

    // MARK: Front matter

    /// Parses YAML front matter when the file starts with `---`; returns where the body starts.
    private mutating func readFrontMatter() throws -> Int {
        let n = s.count
        guard Bytes.hasPrefix(s, at: 0, "---", end: n) else { return 0 }
        let firstEnd = Bytes.find(Bytes.newline, in: s, from: 0, to: n) ?? n
        let (fa, fe) = Bytes.trim(s, 0, firstEnd)
        guard fe - fa == 3 else { return 0 } // `----` or `--- text` is not front matter
        var i = firstEnd + 1
        var line = 2
        while i < n {
            let lineEnd = Bytes.find(Bytes.newline, in: s, from: i, to: n) ?? n
            let (a, e) = Bytes.trim(s, i, lineEnd)
            if e - a == 3, Bytes.hasPrefix(s, at: a, "---", end: e) || Bytes.hasPrefix(s, at: a, "...", end: e), a == i {
                try parseYAML(Bytes.string(s, firstEnd + 1, i))
                return min(lineEnd + 1, n)
            }
            i = lineEnd + 1
            line += 1
        }
        throw IngestError.malformedFrontMatter(path: path, line: 1,
            message: "the '---' that opens the front matter is never closed; add a '---' line after the last key")
    }

    private mutating func parseYAML(_ yaml: String) throws {
        if let simple = Self.simpleMapping(yaml) {
            apply { simple[$0] }
            return
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.frontMatterError(error, path: path)
        } catch {
            throw IngestError.malformedFrontMatter(path: path, line: 2, message: "\(error)")
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw IngestError.malformedFrontMatter(path: path, line: 2, message: "expected 'key: value' lines, found a \(node.scalar != nil ? "plain value" : "list")")
        }
        apply { mapping[$0]?.scalar?.string }
    }

    /// Takes the fields we use from the front matter, given a lookup of plain values.
    private mutating func apply(_ lookup: (String) -> String?) {
        func value(_ keys: String...) -> String? {
            for key in keys {
                if let v = lookup(key)?.trimmingASCIISpaces, !v.isEmpty { return v }
            }
            return nil
        }
        result.title = value("title")
        result.videoID = value("videoId", "videoID", "video_id").flatMap(LinkPolicy.videoID)
        result.author = value("author")
        result.published = value("published", "date").flatMap(DateParser.isoDate)
        result.url = value("url", "source").flatMap(LinkPolicy.safeURL)
        if let id = result.videoID { result.url = "https://www.youtube.com/watch?v=\(id)" }
    }

    /// Front matter made only of `key: plain value` lines, read without a YAML parser (the
    /// common case, and much faster); nil when any line needs real YAML (quotes, lists,
    /// nesting, flow or block markers, comments), which then goes to Yams.
    static func simpleMapping(_ yaml: String) -> [String: String]? {
        var out: [String: String] = [:]
        let s = Array(yaml.utf8)
        for (a, e) in Bytes.lines(s) {
            let (la, le) = Bytes.trim(s, a, e)
            if la == le { continue }
            guard la == a else { return nil } // indented: nested YAML
            var j = a
            while j < e, Bytes.isLetter(s[j]) || Bytes.isDigit(s[j]) || s[j] == 0x5F || s[j] == 0x2D { j += 1 }
            guard j > a, j < e, s[j] == 0x3A, j + 1 == le || s[j + 1] == Bytes.space else { return nil }
            let (va, ve) = Bytes.trim(s, j + 1, le)
            guard va < ve else { return nil } // `key:` alone may open a nested block
            switch s[va] {
            case 0x22, 0x27, 0x5B, 0x7B, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x23, 0x25, 0x40, 0x60, 0x2D, 0x3F, 0x2C, 0x3A: return nil
            default: break
            }
            var k = va
            while k < ve {
                if s[k] == 0x3A, k + 1 == ve || s[k + 1] == Bytes.space { return nil } // ": " inside a value
                if s[k] == 0x23, Bytes.isSpace(s[k - 1]) { return nil } // comment
                k += 1
            }
            let key = Bytes.string(s, a, j)
            guard out[key] == nil else { return nil } // duplicate keys: let Yams report them
            out[key] = Bytes.string(s, va, ve)
        }
        return out
    }

    /// Maps a Yams error to a file line: the front matter starts on line 2 of the file.
    static func frontMatterError(_ error: YamlError, path: String) -> IngestError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .malformedFrontMatter(path: path, line: mark.line + 1, message: "\(detail) (column \(mark.column))")
        case let .reader(problem, _, _, _):
            return .malformedFrontMatter(path: path, line: 2, message: problem)
        case let .duplicatedKeysInMapping(duplicates, _):
            return .malformedFrontMatter(path: path, line: 2, message: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return .malformedFrontMatter(path: path, line: 2, message: "\(error)")
        }
    }

    // MARK: Inline markup

    /// Writes the text of `s[a..<e]` without inline markup.
    private mutating func inline(_ a: Int, _ e: Int) {
        var i = a
        while i < e {
            let c = s[i]
            switch c {
            case 0x3C: // '<'
                i = tag(i, e)
            case 0x5B: // '['
                i = link(i, e)
            case 0x2A: // '*'
                var j = i
                while j < e, s[j] == 0x2A { j += 1 }
                let run = j - i
                let prevSpace = i == a || Bytes.isSpace(s[i - 1])
                let nextSpace = j == e || Bytes.isSpace(s[j])
                if run >= 2 || !(prevSpace && nextSpace) {
                    // emphasis marker: dropped
                } else {
                    b.append(c)
                }
                i = j
            case 0x5F where i + 1 < e && s[i + 1] == 0x5F: // "__"
                i += 2
            case 0x60: // '`'
                i += 1
            case 0x26: // '&'
                if let (bytes, next) = HTMLEntities.decode(s, at: i, end: e) {
                    for x in bytes { b.append(x) }
                    i = next
                } else {
                    b.append(c); i += 1
                }
            case 0x5C where i + 1 < e && s[i + 1] < 0x80 && !Bytes.isLetter(s[i + 1]) && !Bytes.isDigit(s[i + 1]) && !Bytes.isSpace(s[i + 1]):
                b.append(s[i + 1]); i += 2
            default:
                b.append(c); i += 1
            }
        }
    }

    /// Handles an HTML tag at `s[i]`: timestamps become anchors, `<br>` a space, other tags vanish;
    /// a `<` that opens no tag stays as text. Looks no further than the next `<`.
    private mutating func tag(_ i: Int, _ e: Int) -> Int {
        guard i + 1 < e, Bytes.isLetter(s[i + 1]) || (s[i + 1] == 0x2F && i + 2 < e && Bytes.isLetter(s[i + 2])) else {
            b.append(s[i]); return i + 1
        }
        var j = i + 1
        while j < e, s[j] != 0x3E, s[j] != 0x3C { j += 1 }
        guard j < e, s[j] == 0x3E else { b.append(s[i]); return i + 1 }
        let tagEnd = j + 1
        if Bytes.hasPrefix(s, at: i, "<a ", end: e), let ts = Bytes.find("yt-timestamp", in: s, from: i, to: j), ts > i {
            // Timestamp citation: find its text and closing tag, before any other tag.
            var after = tagEnd
            var label: (Int, Int)? = nil
            if let next = Bytes.find(0x3C, in: s, from: tagEnd, to: e), Bytes.hasPrefix(s, at: next, "</a", end: e),
               let gt = Bytes.find(0x3E, in: s, from: next, to: e) {
                label = (tagEnd, next)
                after = gt + 1
            }
            let value = attribute("data-t", i, j) ?? label.map { Bytes.string(s, $0.0, $0.1) } ?? ""
            if let (stamp, seconds) = Self.timestamp(value) {
                b.trimTrailingSpace()
                while after < e, Self.closesSentence(s[after]) {
                    b.append(s[after]); after += 1
                }
                b.addAnchor(timestamp: stamp, seconds: seconds)
            }
            return after
        }
        if Bytes.hasPrefix(s, at: i, "<br", end: e) { b.append(Bytes.space) }
        return tagEnd
    }

    /// The value of attribute `name` in the tag `s[i..<j]`.
    private func attribute(_ name: String, _ i: Int, _ j: Int) -> String? {
        guard let at = Bytes.find(name + "=", in: s, from: i, to: j) else { return nil }
        var v = at + name.utf8.count + 1
        guard v < j else { return nil }
        let quote = s[v]
        if quote == 0x22 || quote == 0x27 {
            v += 1
            let close = Bytes.find(quote, in: s, from: v, to: j) ?? j
            return Bytes.string(s, v, close)
        }
        var end = v
        while end < j, !Bytes.isSpace(s[end]) { end += 1 }
        return Bytes.string(s, v, end)
    }

    /// Handles `[[slug | label]]`, `[[slug]]` and `[text](url)` at `s[i]`; anything else is text.
    /// Looks no further than the next `[`, so unclosed brackets cost nothing.
    private mutating func link(_ i: Int, _ e: Int) -> Int {
        if i + 1 < e, s[i + 1] == 0x5B {
            var j = i + 2
            while j < e, s[j] != 0x5D, s[j] != 0x5B { j += 1 }
            guard j + 1 < e, s[j] == 0x5D, s[j + 1] == 0x5D, j > i + 2 else {
                b.append(s[i]); b.append(s[i + 1]); return i + 2
            }
            let bar = Bytes.find(0x7C, in: s, from: i + 2, to: j)
            let (sa, se) = Bytes.trim(s, i + 2, bar ?? j)
            var slug = Bytes.string(s, sa, se)
            if let hash = slug.firstIndex(of: "#"), hash != slug.startIndex { slug = String(slug[..<hash]) }
            // A space before the link was already written by the caller's space rule.
            let labelStart = b.out.count
            if let bar {
                let (la, le) = Bytes.trim(s, bar + 1, j)
                b.append(s, la, le)
            } else {
                for x in slug.utf8 { b.append(x == 0x5F ? Bytes.space : x) }
            }
            b.addLink(slug: slug, labelStart: labelStart)
            return j + 2
        }
        // [text](url)
        var j = i + 1
        while j < e, s[j] != 0x5D, s[j] != 0x5B { j += 1 }
        guard j + 1 < e, s[j] == 0x5D, s[j + 1] == 0x28 else { b.append(s[i]); return i + 1 }
        var k = j + 2
        while k < e, s[k] != 0x29, s[k] != 0x28, s[k] != Bytes.space { k += 1 }
        guard k < e, s[k] == 0x29 else { b.append(s[i]); return i + 1 }
        inline(i + 1, j)
        return k + 1
    }

    /// Sentence punctuation that a timestamp citation may stand before.
    @inline(__always)
    static func closesSentence(_ c: UInt8) -> Bool {
        c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x29
    }

    /// Parses `HH:MM:SS`, `MM:SS` or `[HH:MM:SS]` into the canonical `HH:MM:SS` and seconds.
    static func timestamp(_ raw: String) -> (String, Int)? {
        var parts: [Int] = []
        var current = -1
        for c in raw.utf8 {
            if Bytes.isDigit(c) {
                current = (current < 0 ? 0 : current) * 10 + Int(c - 0x30)
                if current > 1_000_000 { return nil }
            } else if c == 0x3A {
                guard current >= 0 else { return nil }
                parts.append(current); current = -1
            } else if c == 0x5B || c == 0x5D || c == Bytes.space {
                continue
            } else {
                return nil
            }
        }
        guard current >= 0 else { return nil }
        parts.append(current)
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        let (h, m, sec) = parts.count == 3 ? (parts[0], parts[1], parts[2]) : (0, parts[0], parts[1])
        let seconds = h * 3600 + m * 60 + sec
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return ("\(two(h)):\(two(m)):\(two(sec))", seconds)
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    var trimmingASCIISpaces: String {
        let bytes = Array(utf8)
        let (a, e) = Bytes.trim(bytes, 0, bytes.count)
        return Bytes.string(bytes, a, e)
    }
}
