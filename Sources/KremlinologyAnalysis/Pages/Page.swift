import Foundation
import KremlinologyModel

/// A piece of running text on a page. Text from the corpus is kept as data here and escaped
/// only by the renderer, so that no view can forget to escape it.
public enum Inline: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// Bold text.
    case strong(String)
    /// A quote from a document, shown in quotation marks.
    case quote(String)
    /// A link to another generated page (by its base file name), shown as `label`.
    case page(String, label: String)
    /// A link to the web.
    case link(url: String, label: String)
}

/// A block of a page.
public enum Block: Sendable, Hashable {
    case heading(Int, String)
    case paragraph([Inline])
    case bullets([[Inline]])
    case table(header: [String], rows: [[[Inline]]])
}

/// A page of a report or of the wiki, renderable as Markdown or HTML.
public struct Page: Sendable, Hashable {
    /// The title, shown as the first heading.
    public var title: String
    /// Base file name without extension, safe on every file system (see ``Page/safeName(_:)``).
    public var name: String
    public var blocks: [Block]

    public init(title: String, name: String? = nil, blocks: [Block]) {
        self.title = title
        self.name = name ?? Page.safeName(title)
        self.blocks = blocks
    }

    /// A file name for `title`: characters that file systems or wiki links reserve
    /// (`/ \ : * ? " < > | # ^ [ ]` and controls) become `-`; never empty, never hidden.
    public static func safeName(_ title: String) -> String {
        let reserved = Set("/\\:*?\"<>|#^[]%")
        var name = String(title.map { reserved.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? "-" : $0 })
            .trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { name = "untitled" }
        return String(name.prefix(120))
    }

    /// The inline parts that cite a quote: “quote” — file, locator (deep link), outlet.
    public static func cite(_ citation: Citation) -> [Inline] {
        var parts: [Inline] = [.quote(citation.quote), .text(" — \(citation.document)")]
        if let link = citation.link {
            parts.append(.text(", "))
            parts.append(.link(url: link, label: citation.locator.isEmpty ? "source" : citation.locator))
        } else if !citation.locator.isEmpty {
            parts.append(.text(", \(citation.locator)"))
        }
        var extra: [String] = []
        if let grade = citation.grade { extra.append(grade.description) }
        if let outlet = citation.outlet { extra.append(outlet) }
        if let published = citation.published { extra.append(published) }
        if citation.modality != .asserted { extra.append(citation.modality.rawValue) }
        if !extra.isEmpty { parts.append(.text(" (\(extra.joined(separator: ", ")))")) }
        return parts
    }
}

/// Renders pages. `linkPages` decides whether ``Inline/page(_:label:)`` becomes a link (in the
/// wiki, where every page exists) or plain text (in a standalone report).
public enum PageRenderer {
    /// Obsidian-compatible Markdown: page links as `[[name|label]]`; corpus text escaped so
    /// that it cannot become markup, links or HTML.
    public static func markdown(_ page: Page, linkPages: Bool = false) -> String {
        var out = "# \(Escape.markdown(page.title))\n"
        for block in page.blocks {
            out += "\n"
            switch block {
            case let .heading(level, text): out += String(repeating: "#", count: min(6, max(2, level))) + " \(Escape.markdown(text))\n"
            case let .paragraph(inlines): out += md(inlines, linkPages) + "\n"
            case let .bullets(items): for item in items { out += "- " + md(item, linkPages) + "\n" }
            case let .table(header, rows):
                out += "| " + header.map(Escape.markdown).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: header.count) + "\n"
                for row in rows { out += "| " + row.map { md($0, linkPages).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            }
        }
        return out
    }

    /// A self-contained HTML page (inline CSS, no scripts); every corpus string is escaped.
    public static func html(_ page: Page, linkPages: Bool = false, home: String? = nil) -> String {
        var body = ""
        if let home { body += "<p class=\"nav\"><a href=\"\(Escape.html(href(home)))\">Index</a></p>\n" }
        body += "<h1>\(Escape.html(page.title))</h1>\n"
        for block in page.blocks {
            switch block {
            case let .heading(level, text):
                let l = min(6, max(2, level))
                body += "<h\(l)>\(Escape.html(text))</h\(l)>\n"
            case let .paragraph(inlines): body += "<p>\(html(inlines, linkPages))</p>\n"
            case let .bullets(items): body += "<ul>\n" + items.map { "<li>\(html($0, linkPages))</li>\n" }.joined() + "</ul>\n"
            case let .table(header, rows):
                body += "<table>\n<tr>" + header.map { "<th>\(Escape.html($0))</th>" }.joined() + "</tr>\n"
                for row in rows { body += "<tr>" + row.map { "<td>\(html($0, linkPages))</td>" }.joined() + "</tr>\n" }
                body += "</table>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(Escape.html(page.title))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}\
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}\
            q{font-style:italic}.nav{margin-bottom:1em}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    /// The relative link of a generated HTML page.
    public static func href(_ name: String) -> String {
        (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#&;'"))) ?? name) + ".html"
    }

    static func md(_ inlines: [Inline], _ linkPages: Bool) -> String {
        inlines.map { inline in
            switch inline {
            case let .text(t): Escape.markdown(t)
            case let .strong(t): "**\(Escape.markdown(t))**"
            case let .quote(t): "“\(Escape.markdown(t))”"
            case let .page(name, label):
                linkPages ? "[[\(name)\(label == name ? "" : "|" + label.replacingOccurrences(of: "]", with: ")").replacingOccurrences(of: "|", with: "/"))]]" : Escape.markdown(label)
            case let .link(url, label) where !isWebLink(url): Escape.markdown(label)
            case let .link(url, label): "[\(Escape.markdown(label))](<\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: " ", with: "%20"))>)"
            }
        }.joined()
    }

    static func html(_ inlines: [Inline], _ linkPages: Bool) -> String {
        inlines.map { inline in
            switch inline {
            case let .text(t): Escape.html(t)
            case let .strong(t): "<strong>\(Escape.html(t))</strong>"
            case let .quote(t): "<q>\(Escape.html(t))</q>"
            case let .page(name, label):
                linkPages ? "<a href=\"\(Escape.html(href(name)))\">\(Escape.html(label))</a>" : Escape.html(label)
            case let .link(url, label):
                isWebLink(url) ? "<a href=\"\(Escape.html(url))\">\(Escape.html(label))</a>" : Escape.html(label)
            }
        }.joined()
    }

    /// Only http(s) links become anchors: a `javascript:` URL from the corpus stays text.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
