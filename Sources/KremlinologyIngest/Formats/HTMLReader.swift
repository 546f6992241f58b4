import KremlinologyModel

/// Reads HTML in one linear pass, robust to malformed markup.
///
/// Script, style, noscript, template and svg contents and comments are dropped; `nav` and
/// `aside` always, `header` and `footer` outside `article`/`main`. When the page has an
/// `<article>`, only its text is kept; else `<main>`; else the whole body. Block elements
/// end a passage; `h1`–`h6` are headings and name the section, `li` list items,
/// `blockquote` callouts. Metadata comes from `<title>`, `<meta>` and `<time datetime>`.
struct HTMLReader {
    let s: [UInt8]

    private struct Block {
        var text: [UInt8]
        var kind: PassageKind
        var inArticle: Bool
        var inMain: Bool
    }

    private static let rawTextElements: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "textarea", "object"]
    private static let blockElements: Set<String> = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "br", "tr", "td", "th", "ul", "ol",
        "dl", "dt", "dd", "table", "section", "article", "main", "header", "footer", "nav", "aside", "pre",
        "hr", "figure", "figcaption", "form", "address", "details", "summary", "title", "body", "html", "head",
    ]

    func read() -> ReaderOutput {
        var out = ReaderOutput(text: [], passages: [])
        let n = s.count
        var blocks: [Block] = []
        var current: [UInt8] = []
        var article = 0, main = 0, chrome = 0, list = 0, quote = 0, heading = 0
        var firstH1: String?
        var noQuoteAfter: [UInt8: Int] = [:] // positions after which a quote char never appears

        func flush() {
            let (a, e) = Bytes.trim(current, 0, current.count)
            if a < e, chrome == 0 {
                let kind: PassageKind = heading > 0 ? .heading : list > 0 ? .listItem : quote > 0 ? .callout : .paragraph
                // The block takes the buffer itself, trimmed in place: a copy would double a huge block's memory.
                var text = current
                current = []
                text.removeLast(text.count - e)
                text.removeFirst(a)
                blocks.append(Block(text: text, kind: kind, inArticle: article > 0, inMain: main > 0))
            } else {
                current.removeAll(keepingCapacity: true)
            }
        }
        func appendText(_ b: UInt8) {
            if Bytes.isSpace(b) {
                if let last = current.last, last != Bytes.space { current.append(Bytes.space) }
            } else {
                current.append(b)
            }
        }

        var i = 0
        while i < n {
            let c = s[i]
            if c == 0x26, let (bytes, next) = HTMLEntities.decode(s, at: i, end: n) {
                for x in bytes { appendText(x) }
                i = next
                continue
            }
            guard c == 0x3C, i + 1 < n else { appendText(c); i += 1; continue }
            let d = s[i + 1]
            if d == 0x21 { // <!-- comment --> or <!DOCTYPE>
                if Bytes.hasPrefix(s, at: i, "<!--") {
                    if let end = Bytes.find("-->", in: s, from: i + 4, to: n) { i = end + 3 } else {
                        out.whyEmpty = out.whyEmpty ?? "the comment '<!--' at byte \(i) is never closed, so everything after it is dropped"
                        i = n
                    }
                } else {
                    i = (Bytes.find(0x3E, in: s, from: i, to: n).map { $0 + 1 }) ?? n
                }
                continue
            }
            if d == 0x3F { i = (Bytes.find(0x3E, in: s, from: i, to: n).map { $0 + 1 }) ?? n; continue }
            let tagStart = i
            let closing = d == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, Bytes.isLetter(s[nameStart]) else { appendText(c); i += 1; continue }
            var j = nameStart
            while j < n, Bytes.isLetter(s[j]) || Bytes.isDigit(s[j]) || s[j] == 0x2D || s[j] == 0x3A { j += 1 }
            let name = String(decoding: s[nameStart..<j].map(Bytes.lower), as: UTF8.self)
            // Attributes up to '>', skipping quoted values; an unclosed quote falls back to the next '>'.
            let attrStart = j
            var k = j
            var tagEnd = n
            while k < n {
                let x = s[k]
                if x == 0x3E { tagEnd = k; break }
                if x == 0x22 || x == 0x27, k > attrStart, s[k - 1] == 0x3D || Bytes.isSpace(s[k - 1]) {
                    if let limit = noQuoteAfter[x], k >= limit {
                        k += 1; continue
                    }
                    if let q = Bytes.find(x, in: s, from: k + 1, to: n) { k = q + 1; continue }
                    noQuoteAfter[x] = k
                }
                k += 1
            }
            if tagEnd == n, let gt = Bytes.find(0x3E, in: s, from: attrStart, to: n) { tagEnd = gt }
            let attrs = (attrStart, min(tagEnd, n))
            i = min(tagEnd + 1, n)

            if !closing, Self.rawTextElements.contains(name) {
                // Self-closing (`<script/>`); a tag cut off by the end of the file has no byte before its end.
                if attrs.1 > attrs.0, s[attrs.1 - 1] == 0x2F { continue }
                guard let close = Bytes.find("</" + name, in: s, from: i, to: n) else {
                    out.whyEmpty = out.whyEmpty ?? "the <\(name)> at byte \(tagStart) is never closed, so everything after it is dropped"
                    i = n
                    continue
                }
                i = close + 2 + name.utf8.count
                i = (Bytes.find(0x3E, in: s, from: i, to: n).map { $0 + 1 }) ?? n
                continue
            }
            if !closing, name == "title" {
                let end = Bytes.find("</title", in: s, from: i, to: n) ?? n
                let title = Self.collapse(HTMLEntities.decodeAll(Bytes.string(s, i, end)))
                if out.title == nil, !title.isEmpty { out.title = title }
                i = (Bytes.find(0x3E, in: s, from: end, to: n).map { $0 + 1 }) ?? n
                continue
            }
            if !closing, name == "meta" {
                let key = (attribute("name", attrs) ?? attribute("property", attrs) ?? attribute("itemprop", attrs))?.lowercased()
                let content = attribute("content", attrs).map(HTMLEntities.decodeAll)
                if let key, let content, !content.isEmpty {
                    switch key {
                    case "author", "article:author": out.author = out.author ?? content
                    case "og:site_name": out.outlet = out.outlet ?? SiteRules.outlet(for: content)
                    case "article:published_time", "date", "pubdate", "publish-date", "datepublished", "dc.date":
                        out.published = out.published ?? DateParser.isoDate(content)
                    case "og:url": out.url = out.url ?? LinkPolicy.safeURL(content)
                    case "og:title": if out.title == nil { out.title = content }
                    default: break
                    }
                }
                continue
            }
            if !closing, name == "time", out.published == nil, let dt = attribute("datetime", attrs) {
                out.published = DateParser.isoDate(dt)
            }
            if !closing, name == "link", attribute("rel", attrs)?.lowercased() == "canonical", let href = attribute("href", attrs) {
                out.url = out.url ?? LinkPolicy.safeURL(HTMLEntities.decodeAll(href))
            }
            guard Self.blockElements.contains(name) else {
                if name == "img" || name == "input" { appendText(Bytes.space) }
                if !closing, (name == "span" || name == "a" || name == "em" || name == "strong") { } // inline: nothing
                continue
            }
            flush()
            let delta = closing ? -1 : 1
            func bump(_ v: inout Int) { v = max(0, v + delta) }
            switch name {
            case "article": bump(&article)
            case "main": bump(&main)
            case "nav", "aside": bump(&chrome)
            case "header", "footer": if article == 0 && main == 0 { bump(&chrome) }
            case "li", "dd", "dt": bump(&list)
            case "blockquote": bump(&quote)
            case "h1", "h2", "h3", "h4", "h5", "h6":
                if closing, heading > 0, firstH1 == nil, name == "h1", let last = blocks.last, last.kind == .heading {
                    firstH1 = String(decoding: last.text, as: UTF8.self)
                }
                bump(&heading)
            default: break
            }
        }
        flush()

        // Keep the article, else main, else everything that is not chrome.
        var chosen: [Block]
        if blocks.contains(where: { $0.inArticle }) { chosen = blocks.filter { $0.inArticle } }
        else if blocks.contains(where: { $0.inMain }) { chosen = blocks.filter { $0.inMain } }
        else { chosen = blocks }
        blocks = []

        // Exactly the room the text needs, and each block freed once written: a huge block is
        // then held twice at most, never three or four times while buffers grow.
        var b = TextBuilder(capacity: chosen.reduce(0) { $0 + $1.text.count + 2 })
        for index in chosen.indices {
            let block = chosen[index]
            chosen[index].text = []
            // A "Page last modified: 16-02-2021" paragraph is the page's date, not text: left in,
            // its year would date the events of the page (issue 13, item 5).
            if block.kind != .heading {
                let line = LineClass(block.text, 0, block.text.count)
                if line.isDate {
                    out.published = out.published ?? line.date
                    continue
                }
            }
            b.beginBlock()
            b.append(block.text, 0, block.text.count)
            if block.kind == .heading { b.section = String(decoding: block.text, as: UTF8.self) }
            b.endBlock(kind: block.kind)
        }
        out.text = b.out
        out.passages = b.passages
        out.whyEmpty = out.whyEmpty ?? "only markup: no text outside tags, scripts, styles and comments"
        if out.title == nil { out.title = firstH1 ?? out.passages.first.map { Bytes.string(b.out, $0.range.start, $0.range.end) } }
        return out
    }

    /// The value of attribute `name` within the tag's attribute bytes.
    private func attribute(_ name: String, _ range: (Int, Int)) -> String? {
        var from = range.0
        while let at = Bytes.find(name, in: s, from: from, to: range.1) {
            from = at + 1
            guard at == range.0 || Bytes.isSpace(s[at - 1]) else { continue }
            var v = at + name.utf8.count
            while v < range.1, Bytes.isSpace(s[v]) { v += 1 }
            guard v < range.1, s[v] == 0x3D else { continue }
            v += 1
            while v < range.1, Bytes.isSpace(s[v]) { v += 1 }
            guard v < range.1 else { return "" }
            let q = s[v]
            if q == 0x22 || q == 0x27 {
                let end = Bytes.find(q, in: s, from: v + 1, to: range.1) ?? range.1
                return Bytes.string(s, v + 1, end)
            }
            var end = v
            while end < range.1, !Bytes.isSpace(s[end]), s[end] != 0x2F || end + 1 < range.1 { end += 1 }
            return Bytes.string(s, v, end)
        }
        return nil
    }

    /// Whitespace runs collapsed to one space, ends trimmed.
    static func collapse(_ text: String) -> String {
        var out = [UInt8]()
        for b in text.utf8 {
            if Bytes.isSpace(b) { if let last = out.last, last != Bytes.space { out.append(Bytes.space) } } else { out.append(b) }
        }
        if out.last == Bytes.space { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
