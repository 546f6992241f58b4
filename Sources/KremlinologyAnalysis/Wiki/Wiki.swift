import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KremlinologyModel
import KremlinologyStore

/// A static knowledge base: a page per actor, per dyad and per outlet, cross-linked.
///
/// Written twice into the output folder: Obsidian-compatible Markdown with `[[wikilinks]]`
/// at the top (`index.md`, `Vladimir Putin.md`, …) and HTML under `html/` (`html/index.html`).
/// Links point only at pages that are generated, so the wiki has no dead links.
public struct Wiki: Sendable {
    public static let indexName = "index"
    /// The most relations a list on a wiki page shows; the page says how to see the rest.
    public static let listLimit = 200

    private var byActor: [String: [StoredRelation]] = [:]
    private var byDyad: [String: (a: String, b: String, list: [StoredRelation])] = [:]
    private var byOutlet: [String: [StoredRelation]] = [:]
    /// Structural ties by holder and by principal.
    private var tiesByActor: [String: [StoredTie]] = [:]
    private let directory: ActorDirectory
    private let linker: PageLinker

    /// Groups `relations` (normally the whole corpus) by actor, dyad and outlet in one pass;
    /// pages are built one at a time when written.
    public init(relations: [StoredRelation], ties: [StoredTie] = [], directory: ActorDirectory) {
        self.directory = directory
        for stored in ties {
            tiesByActor[stored.tie.holder, default: []].append(stored)
            tiesByActor[stored.tie.principal, default: []].append(stored)
        }
        for stored in relations {
            let r = stored.relation
            byActor[r.source, default: []].append(stored)
            if r.target != r.source {
                byActor[r.target, default: []].append(stored)
                let name = PageLinker.dyad(r.source, r.target)
                if byDyad[name] == nil {
                    let pair = [r.source, r.target].sorted()
                    byDyad[name] = (pair[0], pair[1], [])
                }
                byDyad[name]?.list.append(stored)
            }
            byOutlet[stored.outlet ?? Tally.unknownOutlet, default: []].append(stored)
        }
        var existing: Set<String> = [Self.indexName]
        existing.formUnion(byActor.keys.map(PageLinker.actor))
        existing.formUnion(byDyad.keys)
        existing.formUnion(byOutlet.keys.map(PageLinker.outlet))
        linker = PageLinker(existing: existing)
    }

    /// Number of pages: actors, dyads, outlets and the index.
    public var pageCount: Int { byActor.count + byDyad.count + byOutlet.count + 1 }

    /// Every page, built on demand (for tests and small corpora; ``write(to:)`` streams).
    public var pages: [Page] {
        var pages: [Page] = []
        forEachPage { pages.append($0) }
        return pages
    }

    /// Builds the pages one by one, in a stable order, and hands each to `body`.
    public func forEachPage(_ body: (Page) throws -> Void) rethrows {
        for (name, list) in byActor.sorted(by: { $0.key < $1.key }) {
            var page = ViewPages.dossier(Dossier(actor: name, relations: list, ties: tiesByActor[name] ?? [], directory: directory), linker: linker, limit: Self.listLimit)
            let partners = Set(list.map { $0.relation.source == name ? $0.relation.target : $0.relation.source }).subtracting([name])
            page.blocks.append(.heading(2, "Relationships"))
            page.blocks.append(.bullets(partners.sorted().map { [linker.link(PageLinker.dyad(name, $0), "\(name) – \($0)")] }))
            try body(page)
        }
        for (_, dyad) in byDyad.sorted(by: { $0.key < $1.key }) {
            try body(ViewPages.brief(Brief(dyad.a, dyad.b, relations: dyad.list), linker: linker, limit: Self.listLimit))
        }
        for (outlet, list) in byOutlet.sorted(by: { $0.key < $1.key }) {
            try body(Self.outletPage(outlet, list, linker))
        }
        try body(Self.index(actors: byActor.keys.sorted(), dyads: byDyad.values.map { ($0.a, $0.b) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) },
                            outlets: byOutlet.keys.sorted(), linker: linker))
    }

    static func outletPage(_ outlet: String, _ list: [StoredRelation], _ linker: PageLinker) -> Page {
        let facts = Facts.only(list).distinctClaims
        var byDyad: [String: [StoredRelation]] = [:]
        for stored in facts { byDyad[stored.relation.source + "\u{1}" + stored.relation.target, default: []].append(stored) }
        let groups = byDyad.values.sorted {
            ($1.count, $0[0].relation.source, $0[0].relation.target) < ($0.count, $1[0].relation.source, $1[0].relation.target)
        }
        let rows: [[[Inline]]] = groups.prefix(listLimit).map { group in
            let r = group[0].relation
            let b = Tally.balance(group)
            return [[linker.actor(r.source)], [linker.actor(r.target)], [.text("\(group.count)")], [.text(ViewPages.signed(b.net))],
                    [linker.link(PageLinker.dyad(r.source, r.target), "brief")], ViewPages.evidence(Tally.cite(group))]
        }
        let b = Tally.balance(facts)
        return Page(title: "Outlet: \(outlet)", name: PageLinker.outlet(outlet), blocks: [
            .paragraph(ViewPages.balance("\(outlet) tells \(facts.count) claims:", b)),
            .table(header: ["Source", "Target", "Claims", "Net", "Relationship", "Evidence"], rows: rows),
        ] + (groups.count > listLimit ? [.paragraph([.text("… and \(groups.count - listLimit) more dyads: `kremlinology relations --outlet \"\(outlet)\"`")])] : []))
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
        var count = 0
        try forEachPage { page in
            count += 1
            try Self.writeFile(PageRenderer.markdown(page, linkPages: true), to: folder.appendingPathComponent(page.name + ".md"))
            let home = page.name == Self.indexName ? nil : Self.indexName
            try Self.writeFile(PageRenderer.html(page, linkPages: true, home: home), to: html.appendingPathComponent(page.name + ".html"))
        }
        return count
    }

    /// Writes a page with plain `open`/`write`/`close`: Foundation's `Data.write` syncs every
    /// file to disk, which made a wiki of 8,417 pages (16,834 files) take 51 s. An export can
    /// be written again; it need not survive a power cut file by file.
    static func writeFile(_ text: String, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(errno == ENOSPC ? .fileWriteOutOfSpace : .fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
                offset += written
            }
        }
    }
}
