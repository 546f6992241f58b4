import KremlinologyModel

/// Decides which reader handles a file, by its content. The extension counts only for
/// `.html`/`.htm`/`.xhtml`: the saved articles and pages of the corpus are all `.txt`.
///
/// In order: HTML (extension, or text starting `<!DOCTYPE html` / `<html`); video note (front
/// matter with `videoId`, a `From: [[channel]]` line, or `yt-timestamp` citations); Markdown
/// with front matter; web page
/// (a `Page last modified` line, or a navigation menu of five or more short bullet lines on a
/// page with site chrome: furniture lines, a banner, or link entries);
/// Markdown (`#` headings or code fences); article (a publisher line, a dateline such as
/// `Kyiv • UNN`, or a headline over several paragraphs of prose); text otherwise.
public enum FormatDetector {
    /// The kind of document that `bytes` (UTF-8) hold.
    public static func detect(bytes: [UInt8], fileName: String) -> DocumentKind {
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") || lowerName.hasSuffix(".xhtml") { return .html }
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < n, Bytes.isSpace(bytes[i]) { i += 1 }
        if Bytes.hasPrefix(bytes, at: i, "<!doctype html") || Bytes.hasPrefix(bytes, at: i, "<html") { return .html }

        let features = Features(bytes)
        if features.videoNote { return .videoNote }
        if features.frontMatter { return .markdown }
        if features.lastModifiedLine || features.longestMenuRun >= 5 && features.hasSiteChrome { return .webPage }
        if features.markdownHeadings > 0 || features.fences > 0 { return .markdown }
        if features.publisherLine || features.dateline || features.boilerplate >= 2 { return .article }
        if features.headline && features.proseLines >= 3 { return .article }
        return .text
    }

    /// The kind of document that `text` holds.
    public static func detect(text: String, fileName: String) -> DocumentKind {
        detect(bytes: Array(text.utf8), fileName: fileName)
    }

    /// What one pass over the lines finds.
    struct Features {
        var videoNote = false
        var frontMatter = false
        var longestMenuRun = 0
        /// Menu-like bullet lines that hold a link.
        var menuLinks = 0
        /// Lines that are a site's banner (`… - JOIN NOW`).
        var banners = 0
        var lastModifiedLine = false
        var markdownHeadings = 0
        var fences = 0
        var publisherLine = false
        var dateline = false
        var boilerplate = 0
        var headline = false
        var proseLines = 0

        /// Whether the page shows a site's chrome: furniture lines, a banner, or menu entries that are
        /// links. Short bullet lines alone are a list, not a menu.
        var hasSiteChrome: Bool { boilerplate > 0 || banners > 0 || menuLinks > 0 }

        /// Whether the line starts `key:` as a YAML mapping does.
        static func isYAMLKey(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
            var j = a
            while j < e, Bytes.isLetter(s[j]) || Bytes.isDigit(s[j]) || s[j] == 0x5F || s[j] == 0x2D { j += 1 }
            return j > a && j < e && s[j] == 0x3A
        }

        init(_ s: [UInt8]) {
            let n = s.count
            var start = 0
            if n >= 3, s[0] == 0xEF, s[1] == 0xBB, s[2] == 0xBF { start = 3 }
            var menuRun = 0
            var lineNumber = 0
            var nonBlank = 0
            var inFrontMatter = false
            var i = start
            while i < n {
                let lineEnd = Bytes.find(Bytes.newline, in: s, from: i, to: n) ?? n
                let (a, e) = Bytes.trim(s, i, lineEnd)
                defer { i = lineEnd + 1; lineNumber += 1 }
                if videoNote { return } // the first rule decides; the rest does not matter
                if lineNumber == 0, e - a == 3, Bytes.hasPrefix(s, at: a, "---", end: e) { inFrontMatter = true; continue }
                if inFrontMatter {
                    if e - a == 3, Bytes.hasPrefix(s, at: a, "---", end: e) { inFrontMatter = false; continue }
                    if Bytes.hasPrefix(s, at: a, "videoid:", end: e) { videoNote = true }
                    if lineNumber == 1, Self.isYAMLKey(s, a, e) { frontMatter = true }
                    continue
                }
                if a == e { continue } // blank lines do not break a menu
                nonBlank += 1
                let first = s[a]
                if first == 0x46, Bytes.hasPrefix(s, at: a, "From:", end: e, caseInsensitive: false),
                   Bytes.find("[[", in: s, from: a, to: e) != nil { videoNote = true }
                if first == 0x3C || Bytes.find(0x3C, in: s, from: a, to: e) != nil,
                   Bytes.find("class=\"yt-timestamp\"", in: s, from: a, to: e) != nil { videoNote = true }
                if first == 0x23 {
                    var h = 0
                    while a + h < e, s[a + h] == 0x23 { h += 1 }
                    if h <= 6, a + h < e, s[a + h] == Bytes.space { markdownHeadings += 1 }
                }
                if Bytes.hasPrefix(s, at: a, "```", end: e) { fences += 1 }
                if let item = PlainTextReader.bulletContent(s, a, e), PlainTextReader.isMenuLike(s, item, e) {
                    menuRun += 1
                    longestMenuRun = max(longestMenuRun, menuRun)
                    if PlainTextReader.hasLinkSyntax(s, item, e) { menuLinks += 1 }
                } else {
                    menuRun = 0
                }
                let line = LineClass(s, a, e)
                if line.isDate && line.lower.hasPrefix("page last modified") || line.lower.hasPrefix("last modified:") { lastModifiedLine = true }
                if line.publisher != nil || line.republisher != nil { publisherLine = true }
                if line.boilerplate { boilerplate += 1 }
                if SiteRules.isBanner(s, a, e) { banners += 1 }
                if nonBlank <= 4, PlainTextReader.datelineOutlet(s, a, e) != nil { dateline = true }
                if nonBlank == 1 { headline = e - a <= 250 && !PlainTextReader.endsSentence(s, a, e) }
                if e - a >= 200, PlainTextReader.endsSentence(s, a, e) { proseLines += 1 }
            }
        }
    }
}

/// What a line of plain text says about the page: publisher, republisher, date, furniture.
struct LineClass {
    /// The first 80 bytes of the line, lower-cased; empty when no furniture prefix can start the line.
    let lower: String
    var publisher: String?
    var republisher: String?
    var isDate = false
    var date: String?
    var boilerplate = false

    init(_ s: [UInt8], _ a: Int, _ e: Int) {
        // Almost no line starts like a furniture prefix: those are settled on two bytes, without strings.
        guard e - a >= 2, SiteRules.furnitureLeads.contains(UInt16(Bytes.lower(s[a])) << 8 | UInt16(Bytes.lower(s[a + 1]))) else {
            lower = ""
            return
        }
        let head = Bytes.string(s, a, min(e, a + 80))
        lower = head.lowercased()
        guard e - a <= 200 else { return }
        for p in SiteRules.republishedByPrefixes where lower.hasPrefix(p) {
            republisher = SiteRules.outlet(for: Bytes.string(s, a + p.utf8.count, e))
            return
        }
        for p in SiteRules.publishedByPrefixes where lower.hasPrefix(p) {
            publisher = SiteRules.outlet(for: Bytes.string(s, a + p.utf8.count, e))
            return
        }
        for p in SiteRules.datePrefixes where lower.hasPrefix(p) {
            if let d = DateParser.isoDate(Bytes.string(s, a + p.utf8.count, e)) {
                isDate = true
                date = d
                return
            }
        }
        for p in SiteRules.boilerplatePrefixes where lower.hasPrefix(p) {
            boilerplate = true
            return
        }
    }
}
