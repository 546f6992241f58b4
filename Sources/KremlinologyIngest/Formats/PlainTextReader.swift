import KremlinologyModel

/// Reads articles, web pages and plain text saved as text.
///
/// The normalised text is the whole file as it is (after the common rules of
/// ``TextNormalizer``), so offsets are stable and `show --text` is faithful. What is not
/// the author's text gets no passage: publisher and republisher lines, datelines
/// (`Kyiv • UNN`), site furniture (`Sharing is caring!`, `Leave a Reply`, …), navigation
/// menus (runs of three or more short bullet lines on a web page, or whose entries are
/// links: short bullets alone are a list), and, on web pages, the short lines
/// without a sentence end at the top and bottom of the page (banners, ads). Short lines
/// without a sentence end between paragraphs are headings and name the section.
struct PlainTextReader {
    let s: [UInt8]
    let kind: DocumentKind

    /// One candidate passage: a line, or a paragraph of wrapped lines. Offsets are kept in 32
    /// bits (12 bytes a unit, not 24), as a file of short lines has a unit per line.
    private struct Unit {
        private var start32: UInt32
        private var end32: UInt32
        var start: Int { Int(start32) }
        var end: Int { Int(end32) }
        var kind: PassageKind
        /// The only line of its block (blank lines around it).
        var lone: Bool
        var keep = true
        var isHeading = false

        init(start: Int, end: Int, kind: PassageKind, lone: Bool) {
            start32 = UInt32(start)
            end32 = UInt32(end)
            self.kind = kind
            self.lone = lone
        }
    }

    func read() -> ReaderOutput {
        var out = ReaderOutput(text: s, passages: [])
        let lines = Self.trimmedLines(s)
        let wrapped = Self.isHardWrapped(s, lines)

        // 1. Units: a line each, or wrapped lines joined into paragraphs.
        var units: [Unit] = []
        let firstLine = (0..<lines.count).first { lines[$0] != nil }
        // A line that names the publisher or is site furniture is never joined into a paragraph,
        // and neither is an article's headline: each must stay a unit of its own to be recognised.
        let standsAlone = { (j: Int, a: Int, e: Int) -> Bool in
            (kind == .article && j == firstLine) || Self.isFurniture(s, a, e)
        }
        var k = 0
        while k < lines.count {
            guard lines[k] != nil else { k += 1; continue }
            var blockEnd = k
            while blockEnd < lines.count, lines[blockEnd] != nil { blockEnd += 1 }
            let size = blockEnd - k
            var j = k
            while j < blockEnd {
                let (a, e) = lines[j]!
                if let item = Self.bulletContent(s, a, e) {
                    units.append(Unit(start: item, end: e, kind: .listItem, lone: size == 1))
                    j += 1
                } else if wrapped, !standsAlone(j, a, e) {
                    var last = j
                    while last + 1 < blockEnd, let (na, ne) = lines[last + 1], Self.bulletContent(s, na, ne) == nil,
                          !standsAlone(last + 1, na, ne) { last += 1 }
                    units.append(Unit(start: a, end: lines[last]!.1, kind: .paragraph, lone: size == 1))
                    j = last + 1
                } else {
                    units.append(Unit(start: a, end: e, kind: .paragraph, lone: size == 1))
                    j += 1
                }
            }
            k = blockEnd
        }

        // 2. Lines that name the publisher, the date, or are site furniture.
        var nonBlankSeen = 0
        for u in units.indices {
            let (a, e) = (units[u].start, units[u].end)
            nonBlankSeen += 1
            if units[u].kind == .paragraph {
                let line = LineClass(s, a, e)
                if let p = line.publisher { out.outlet = out.outlet ?? p; units[u].keep = false }
                if let r = line.republisher { out.republisher = out.republisher ?? r; units[u].keep = false }
                if line.isDate { out.published = out.published ?? line.date; units[u].keep = false }
                if line.boilerplate { units[u].keep = false }
                if nonBlankSeen <= 4, let outlet = Self.datelineOutlet(s, a, e) {
                    out.outlet = out.outlet ?? outlet
                    units[u].keep = false
                }
            }
        }

        // 3. Navigation menus: runs of three or more short bullet lines (blank lines allowed
        //    between), or three or more short title-like lines in one block. Short lines alone
        //    are not a menu (five short facts are a list): a run is dropped only on a web page
        //    (a page with site chrome, see FormatDetector) or when its entries are links.
        var run: [Int] = []
        func closeRun() {
            if run.count >= 3, kind == .webPage || run.contains(where: { Self.hasLinkSyntax(s, units[$0].start, units[$0].end) }) {
                for x in run { units[x].keep = false }
            }
            run.removeAll()
        }
        for u in units.indices {
            if units[u].kind == .listItem, Self.isMenuLike(s, units[u].start, units[u].end) { run.append(u) } else { closeRun() }
        }
        closeRun()
        var titleRun: [Int] = []
        func closeTitleRun() {
            if titleRun.count >= 3, kind == .webPage { for x in titleRun { units[x].keep = false } }
            titleRun.removeAll()
        }
        for u in units.indices {
            let shortLine = units[u].kind == .paragraph && !units[u].lone && Self.isMenuLike(s, units[u].start, units[u].end)
            if shortLine, let prev = titleRun.last, prev + 1 == u, Self.newlines(s, units[prev].end, units[u].start) == 1 {
                titleRun.append(u)
            } else {
                closeTitleRun()
                if shortLine { titleRun.append(u) }
            }
        }
        closeTitleRun()

        // 4. Headings: short lines without a sentence end, standing alone.
        for u in units.indices where units[u].keep && units[u].kind == .paragraph {
            let (a, e) = (units[u].start, units[u].end)
            if e - a <= 120, !Self.endsSentence(s, a, e), units[u].lone || !wrapped && e - a <= 60 {
                units[u].isHeading = true
            }
        }

        // 5. Title, and the page edges of a web page.
        let isProse = { (u: Unit) -> Bool in u.keep && !u.isHeading }
        if kind == .webPage {
            let firstBody = units.firstIndex(where: isProse) ?? units.count
            let lastBody = units.lastIndex(where: isProse) ?? -1
            var title: Int?
            for u in 0..<firstBody where units[u].keep { title = u; units[u].keep = false }
            if lastBody + 1 < units.count { for u in (lastBody + 1)..<units.count { units[u].keep = false } }
            if let title { out.title = Bytes.string(s, units[title].start, units[title].end) }
        } else if let first = units.first {
            out.title = Bytes.string(s, first.start, min(first.end, first.start + 300))
            if units[0].keep, units[0].kind == .paragraph, kind == .article || units[0].isHeading { units[0].isHeading = true }
        }
        if out.title == nil, let first = units.first { out.title = Bytes.string(s, first.start, first.end) }

        // 6. Passages.
        var section: String?
        for (u, unit) in units.enumerated() where unit.keep {
            let (a, e) = Bytes.trim(s, unit.start, unit.end)
            guard a < e else { continue }
            let text = Bytes.string(s, a, e)
            if unit.isHeading, u > 0 || kind != .article { section = text }
            out.passages.append(Passage(index: out.passages.count, range: TextRange(start: a, end: e),
                                        section: unit.isHeading ? text : section,
                                        kind: unit.isHeading ? .heading : unit.kind))
        }
        return out
    }

    // MARK: Line tests, shared with FormatDetector

    /// The lines as trimmed `(start, end)` ranges; nil for blank lines.
    static func trimmedLines(_ s: [UInt8]) -> TrimmedLines { TrimmedLines(s) }

    /// Whether the text is wrapped at a fixed width (paragraphs span lines), rather than a line per paragraph.
    static func isHardWrapped(_ s: [UInt8], _ lines: TrimmedLines) -> Bool {
        var nonBlank = 0, long = 0, continued = 0
        var previous = false
        for index in 0..<lines.count {
            guard let (a, e) = lines[index] else { previous = false; continue }
            nonBlank += 1
            if e - a > 100 { long += 1 }
            if previous, bulletContent(s, a, e) == nil { continued += 1 }
            previous = true
        }
        return nonBlank > 0 && long * 20 < nonBlank && continued * 4 >= nonBlank
    }

    /// Where the text of a bullet line starts (`• x`, `- x`, `* x`, `+ x`, `· x`, `1. x`), or nil.
    static func bulletContent(_ s: [UInt8], _ a: Int, _ e: Int) -> Int? {
        var j: Int
        let c = s[a]
        if c == 0x2D || c == 0x2A || c == 0x2B {
            j = a + 1
        } else if c == 0xE2, a + 2 < e, s[a + 1] == 0x80, s[a + 2] == 0xA2 { // •
            j = a + 3
        } else if c == 0xC2, a + 1 < e, s[a + 1] == 0xB7 { // ·
            j = a + 2
        } else if Bytes.isDigit(c) {
            j = a
            while j < e, j - a < 4, Bytes.isDigit(s[j]) { j += 1 }
            guard j < e, s[j] == 0x2E || s[j] == 0x29 else { return nil }
            j += 1
        } else {
            return nil
        }
        guard j < e, Bytes.spaceWidth(s, j, e) > 0 else { return nil }
        let (ca, ce) = Bytes.trim(s, j, e)
        return ca < ce ? ca : nil
    }

    /// Whether `s[a..<e]` reads like a menu entry: at most 60 bytes and 8 words, no sentence end.
    static func isMenuLike(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
        guard e - a <= 60 else { return false }
        var words = 1
        for j in a..<e where s[j] == Bytes.space { words += 1 }
        guard words <= 8 else { return false }
        let last = s[e - 1]
        return last != 0x3F && last != 0x21 && last != 0x3B && last != 0x2C && last != 0x3A
            && !(last == 0x2E && e - a > 40)
    }

    /// Whether `s[a..<e]` holds a link: Markdown `](`, an HTML `<a `, or a web address.
    static func hasLinkSyntax(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
        Bytes.find("](", in: s, from: a, to: e) != nil || Bytes.find("<a ", in: s, from: a, to: e) != nil
            || Bytes.find("http://", in: s, from: a, to: e) != nil || Bytes.find("https://", in: s, from: a, to: e) != nil
            || Bytes.find("www.", in: s, from: a, to: e) != nil
    }

    /// Whether the line is a publisher, republisher, date or furniture line, or a dateline.
    static func isFurniture(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
        guard e - a <= 200 else { return false }
        let line = LineClass(s, a, e)
        return line.publisher != nil || line.republisher != nil || line.isDate || line.boilerplate || datelineOutlet(s, a, e) != nil
    }

    /// Whether the line ends like a sentence: `.`, `!`, `?`, `:`, `;`, `…`, possibly before closing quotes or brackets.
    static func endsSentence(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
        var j = e
        while j > a {
            let c = s[j - 1]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { j -= 1; continue }
            if j - 3 >= a, s[j - 3] == 0xE2, s[j - 2] == 0x80, s[j - 1] == 0x9D || s[j - 1] == 0x99 { j -= 3; continue } // ” ’
            if c == 0xBB, j - 2 >= a, s[j - 2] == 0xC2 { j -= 2; continue } // »
            break
        }
        guard j > a else { return false }
        let c = s[j - 1]
        if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A || c == 0x3B || c == 0x2C { return true }
        if j - 3 >= a, s[j - 3] == 0xE2, s[j - 2] == 0x80, s[j - 1] == 0xA6 { return true } // …
        return false
    }

    /// The outlet of a dateline such as `Kyiv • UNN` or `MOSCOW | TASS`, or nil.
    static func datelineOutlet(_ s: [UInt8], _ a: Int, _ e: Int) -> String? {
        guard e - a <= 60, !endsSentence(s, a, e) else { return nil }
        var sep: (Int, Int)?
        var j = a
        while j < e {
            if s[j] == 0xE2, j + 2 < e, s[j + 1] == 0x80, s[j + 2] == 0xA2 { sep = (j, j + 3); break } // •
            if s[j] == 0x7C { sep = (j, j + 1); break }
            j += 1
        }
        guard let (l, r) = sep else { return nil }
        let (pa, pe) = Bytes.trim(s, a, l)
        let (oa, oe) = Bytes.trim(s, r, e)
        guard pe - pa >= 2, pe - pa <= 30, oe - oa >= 2, oe - oa <= 30 else { return nil }
        var words = 1
        for x in oa..<oe where s[x] == Bytes.space { words += 1 }
        guard words <= 4 else { return nil }
        return SiteRules.outlet(for: Bytes.string(s, oa, oe))
    }

    /// Number of newlines in `s[a..<e]`.
    static func newlines(_ s: [UInt8], _ a: Int, _ e: Int) -> Int {
        var count = 0
        for j in a..<e where s[j] == Bytes.newline { count += 1 }
        return count
    }
}

/// The trimmed lines of a text, 8 bytes a line: a file of short lines would otherwise cost
/// 24 bytes of bookkeeping per line, many times its own size. Offsets fit in 32 bits because
/// ``DocumentReader`` reads no file of 4 GiB or more.
struct TrimmedLines {
    /// `start, end` of each line, trimmed; equal for a blank line.
    private var bounds: [UInt32] = []

    init(_ s: [UInt8]) {
        precondition(s.count < Int(UInt32.max), "texts of 4 GiB or more are refused before they are read")
        var i = 0
        let n = s.count
        while i < n {
            let lineEnd = Bytes.find(Bytes.newline, in: s, from: i, to: n) ?? n
            let (a, e) = Bytes.trim(s, i, lineEnd)
            bounds.append(UInt32(a))
            bounds.append(UInt32(a < e ? e : a))
            i = lineEnd + 1
        }
    }

    var count: Int { bounds.count / 2 }

    /// The trimmed range of line `i`, or nil when it is blank.
    subscript(i: Int) -> (Int, Int)? {
        let a = Int(bounds[2 * i]), e = Int(bounds[2 * i + 1])
        return a < e ? (a, e) : nil
    }
}
