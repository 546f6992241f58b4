import KremlinologyModel
import KremlinologyStore

/// A document's text with every extracted fact highlighted, and the list of facts below,
/// each linked both ways (highlight ↔ fact) and to the source at its locator.
struct DocumentView {
    let detail: DocumentDetail

    var page: HTML {
        let doc = detail.document.document
        let relations = detail.relations.items
        let facts = relations.map { stored -> HTML in
            let r = stored.relation
            // The evidence is listed whatever the judgement; a fact judged wrong is struck through, with the note.
            let wrong = stored.judgement == .wrong
            let sentence: HTML = """
                \(Layout.actorLink(r.source)) \(Layout.typeBadge(r.type)) \(Layout.actorLink(r.target)) \(Layout.modalityBadge(r.modality))\
                \(r.time.map { HTML(" <span class=\"when\">\($0)</span>") } ?? "")\(r.location.map { HTML(" <span class=\"where\">at \($0)</span>") } ?? "")
                """
            let verdict: HTML = switch stored.judgement {
            case .wrong: " <span class=\"judged-wrong\">judged wrong\(stored.judgementNote.map { HTML(": \($0)") } ?? "")</span>"
            case .right: " <span class=\"confirmed\">✓ confirmed\(stored.judgementNote.map { HTML(": \($0)") } ?? "")</span>"
            case nil: ""
            }
            return """
                <li id="fact-\(Int(stored.id))" class="relation\(wrong ? " wrong" : "")">\(wrong ? HTML("<del>\(sentence)</del>") : sentence)\(verdict)
                <blockquote class="citation"><a class="quote" href="#r\(Int(stored.id))">“\(r.quote)”</a>
                <cite>\(r.attribution.map { HTML("according to \($0)") } ?? "") \(Layout.locatorLink(label: stored.locator.label, url: stored.locator.url))</cite>\
                \(CurationForms.judge(relationID: stored.id, documentID: detail.document.document.id))</blockquote></li>
                """
        }
        let source = HTML.safeURL(doc.url).map { HTML("<a href=\"\($0)\" rel=\"noopener noreferrer\">\($0)</a>") } ?? HTML("\(doc.url)")
        let body: HTML = """
            <h1>\(doc.title ?? doc.fileName)</h1>
            \(Layout.figures([("file", doc.fileName), ("kind", doc.kind.rawValue), ("outlet", doc.outlet ?? "–"),
                              ("published", doc.published ?? "–"), ("passages", "\(detail.passages.count)"), ("facts", "\(relations.count)")]))
            <p class="meta">\(Layout.outletLink(doc.outlet)) \(source)</p>
            <div class="document">
              <article class="doc-text">\(highlightedText)</article>
              <aside><h2>Extracted facts</h2><ol class="relations">\(facts)</ol></aside>
            </div>
            """
        return Layout.page(doc.title ?? doc.fileName, scripts: ["curation.js"], body)
    }

    /// The text, passage by passage, with fact quotes wrapped in `<mark>` (overlapping quotes
    /// keep the first; every fact is still listed).
    var highlightedText: HTML {
        let bytes = Array(detail.text.utf8)
        let marks = detail.relations.items.sorted { ($0.relation.range.start, $0.id) < ($1.relation.range.start, $1.id) }
        var parts: [HTML] = []
        var position = 0
        var markIndex = 0
        func text(_ from: Int, _ to: Int) -> String {
            let (a, b) = (max(0, min(from, bytes.count)), max(0, min(to, bytes.count)))
            return a < b ? String(decoding: bytes[a..<b], as: UTF8.self) : ""
        }
        let passageStarts = Dictionary(detail.passages.map { ($0.range.start, $0.index) }, uniquingKeysWith: { a, _ in a })
        let boundaries = Set(passageStarts.keys)
        // Walk the text once: emit passage anchors at their starts, marks at their ranges.
        var cuts = Array(boundaries.union(marks.map(\.relation.range.start))).sorted()
        cuts.append(bytes.count)
        for cut in cuts where cut >= position {
            while markIndex < marks.count, marks[markIndex].relation.range.start < position { markIndex += 1 }
            parts.append("\(text(position, cut))")
            position = cut
            if let index = passageStarts[cut] { parts.append("<a class=\"anchor\" id=\"p\(index)\"></a>") }
            if markIndex < marks.count, marks[markIndex].relation.range.start == cut {
                let stored = marks[markIndex]
                let r = stored.relation
                let end = max(cut, min(r.range.end, bytes.count))
                let polarity = r.polarity > 0 ? "pos" : "neg"
                parts.append("""
                    <mark id="r\(Int(stored.id))" class="fact \(polarity)" title="\(r.source) \(r.type.rawValue) \(r.target) (\(r.modality.rawValue))">\
                    <a href="#fact-\(Int(stored.id))">\(text(cut, end))</a></mark>
                    """)
                position = end
                markIndex += 1
            }
        }
        return HTML.join(parts)
    }
}
