import Foundation
import KremlinologyModel
import KremlinologyStore

/// A static knowledge base: a page per actor, per dyad and per outlet, cross-linked.
///
/// Written twice into the output folder: Obsidian-compatible Markdown with `[[wikilinks]]`
/// at the top (`index.md`, `Vladimir Putin.md`, …) and HTML under `html/` (`html/index.html`).
/// Links point only at pages that are generated, so the wiki has no dead links.
public struct Wiki: Sendable {
    public static let indexName = "index"
    public var pages: [Page]

    /// Builds every page from `relations` (normally the whole corpus).
    public init(relations: [StoredRelation], directory: ActorDirectory) {
        var byActor: [String: [StoredRelation]] = [:]
        var byDyad: [String: (a: String, b: String, list: [StoredRelation])] = [:]
        var byOutlet: [String: [StoredRelation]] = [:]
        for stored in relations {
            let r = stored.relation
            byActor[r.source, default: []].append(stored)
            if r.target != r.source {
                byActor[r.target, default: []].append(stored)
                let name = PageLinker.dyad(r.source, r.target)
                let pair = [r.source, r.target].sorted()
                byDyad[name, default: (pair[0], pair[1], [])].list.append(stored)
            }
            byOutlet[stored.outlet ?? Tally.unknownOutlet, default: []].append(stored)
        }
        var existing: Set<String> = [Self.indexName]
        existing.formUnion(byActor.keys.map(PageLinker.actor))
        existing.formUnion(byDyad.keys)
        existing.formUnion(byOutlet.keys.map(PageLinker.outlet))
        let linker = PageLinker(existing: existing)
        var pages: [Page] = []
        for (name, list) in byActor.sorted(by: { $0.key < $1.key }) {
            var page = ViewPages.dossier(Dossier(actor: name, relations: list, directory: directory), linker: linker)
            let partners = Set(list.map { $0.relation.source == name ? $0.relation.target : $0.relation.source }).subtracting([name])
            page.blocks.append(.heading(2, "Relationships"))
            page.blocks.append(.bullets(partners.sorted().map { [linker.link(PageLinker.dyad(name, $0), "\(name) – \($0)")] }))
            pages.append(page)
        }
        for (_, dyad) in byDyad.sorted(by: { $0.key < $1.key }) {
            pages.append(ViewPages.brief(Brief(dyad.a, dyad.b, relations: dyad.list), linker: linker))
        }
        for (outlet, list) in byOutlet.sorted(by: { $0.key < $1.key }) {
            pages.append(Self.outletPage(outlet, list, linker))
        }
        pages.append(Self.index(actors: byActor.keys.sorted(), dyads: byDyad.values.map { ($0.a, $0.b) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) },
                                outlets: byOutlet.keys.sorted(), linker: linker))
        self.pages = pages
    }

    static func outletPage(_ outlet: String, _ list: [StoredRelation], _ linker: PageLinker) -> Page {
        let facts = Facts.only(list)
        var byDyad: [String: [StoredRelation]] = [:]
        for stored in facts { byDyad[stored.relation.source + "\u{1}" + stored.relation.target, default: []].append(stored) }
        let rows: [[[Inline]]] = byDyad.values.sorted { ($1.count, $0[0].relation.source) < ($0.count, $1[0].relation.source) }.map { group in
            let r = group[0].relation
            let b = Tally.balance(group)
            return [[linker.actor(r.source)], [linker.actor(r.target)], [.text("\(group.count)")], [.text(ViewPages.signed(b.net))],
                    [linker.link(PageLinker.dyad(r.source, r.target), "brief")], ViewPages.evidence(Tally.cite(group))]
        }
        let b = Tally.balance(facts)
        return Page(title: "Outlet: \(outlet)", name: PageLinker.outlet(outlet), blocks: [
            .paragraph(ViewPages.balance("\(outlet) tells \(facts.count) relations:", b)),
            .table(header: ["Source", "Target", "Relations", "Net", "Relationship", "Evidence"], rows: rows),
        ])
    }

    static func index(actors: [String], dyads: [(String, String)], outlets: [String], linker: PageLinker) -> Page {
        Page(title: "Kremlinology knowledge base", name: indexName, blocks: [
            .paragraph([.text("Generated from the corpus: every figure cites its quote, document and locator.")]),
            .heading(2, "Actors"), .bullets(actors.map { [linker.actor($0)] }),
            .heading(2, "Relationships"), .bullets(dyads.map { [linker.link(PageLinker.dyad($0.0, $0.1), "\($0.0) – \($0.1)")] }),
            .heading(2, "Outlets"), .bullets(outlets.map { [linker.link(PageLinker.outlet($0), $0)] }),
        ])
    }

    /// Writes `NAME.md` for every page into `folder` and `NAME.html` into `folder/html`.
    /// - Returns: the number of pages written.
    @discardableResult
    public func write(to folder: URL) throws -> Int {
        let html = folder.appendingPathComponent("html", isDirectory: true)
        try FileManager.default.createDirectory(at: html, withIntermediateDirectories: true)
        for page in pages {
            try Data(PageRenderer.markdown(page, linkPages: true).utf8).write(to: folder.appendingPathComponent(page.name + ".md"))
            let home = page.name == Self.indexName ? nil : Self.indexName
            try Data(PageRenderer.html(page, linkPages: true, home: home).utf8).write(to: html.appendingPathComponent(page.name + ".html"))
        }
        return pages.count
    }
}
