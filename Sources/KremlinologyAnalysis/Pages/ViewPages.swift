import Foundation
import KremlinologyModel

/// Names of the wiki's pages, and which exist: views link a name only when its page exists.
public struct PageLinker: Sendable {
    /// Base names of the pages that exist; nil links every name (no dead-link check).
    public var existing: Set<String>?

    public init(existing: Set<String>? = nil) { self.existing = existing }

    /// The page of an actor.
    public static func actor(_ name: String) -> String { Page.safeName(name) }
    /// The page of the unordered dyad of `a` and `b`.
    public static func dyad(_ a: String, _ b: String) -> String {
        let pair = [a, b].sorted()
        return Page.safeName("\(pair[0]) – \(pair[1])")
    }
    /// The page of an outlet.
    public static func outlet(_ name: String) -> String { Page.safeName("outlet \(name)") }

    /// A link to `page` labelled `label`, or the plain label when the page does not exist.
    public func link(_ page: String, _ label: String) -> Inline {
        if let existing, !existing.contains(page) { return .text(label) }
        return .page(page, label: label)
    }
    func actor(_ name: String) -> Inline { link(Self.actor(name), name) }
}

/// Turns the view models into pages. Every figure row carries its strongest quote.
public enum ViewPages {
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
    static func score(_ value: Double) -> String { String(format: "%+.1f", value) }

    static func evidence(_ citations: [Citation]) -> [Inline] {
        guard let first = citations.first else { return [.text("—")] }
        return Page.cite(first)
    }

    static func relationLine(_ r: CitedRelation, _ linker: PageLinker) -> [Inline] {
        [linker.actor(r.source), .text(" —\(r.type.rawValue)→ "), linker.actor(r.target),
         .text(" [\(r.when.label)]: ")] + Page.cite(r.citation)
    }

    static func balance(_ label: String, _ b: PolarityBalance) -> [Inline] {
        [.strong(label), .text(" \(b.cooperative) cooperative, \(b.conflictual) conflictual (net \(signed(b.net)), score \(score(b.score)))")]
    }

    static func outletTable(_ views: [OutletView], _ linker: PageLinker) -> Block {
        .table(header: ["Outlet", "Relations", "Cooperative", "Conflictual", "Net", "Evidence"], rows: views.map { v in
            [[linker.link(PageLinker.outlet(v.outlet), v.outlet)], [.text("\(v.relations)")], [.text("\(v.balance.cooperative)")],
             [.text("\(v.balance.conflictual)")], [.text(signed(v.balance.net))], evidence(v.citations)]
        })
    }

    static func instrumentList(_ uses: [InstrumentUse]) -> Block {
        .bullets(uses.map { [.strong($0.instrument.rawValue), .text(" ×\($0.count): ")] + evidence($0.citations) })
    }

    /// The dossier of an actor.
    public static func dossier(_ d: Dossier, linker: PageLinker = PageLinker(existing: [])) -> Page {
        let p = d.profile
        var blocks: [Block] = []
        var who: [Inline] = [.strong("Kind:"), .text(" \(p.kind?.rawValue ?? "unknown")")]
        if let url = p.wikidataURL, let id = p.wikidata { who += [.text(". Wikidata: "), .link(url: url, label: id)] }
        if let country = p.country { who += [.text(". Country: \(country)")] }
        if !p.aliases.isEmpty { who += [.text(". Also called: \(p.aliases.joined(separator: ", "))")] }
        blocks.append(.paragraph(who + [.text(".")]))
        if !p.affiliations.isEmpty {
            blocks.append(.heading(2, "Affiliations and roles"))
            blocks.append(.bullets(p.affiliations.map { a in
                [.text("\(a.role), "), linker.actor(a.organization)]
                    + (a.from != nil || a.until != nil ? [.text(" (\(a.from ?? "…")–\(a.until ?? ""))")] : [])
            }))
        }
        blocks.append(.heading(2, "Balance"))
        blocks.append(.bullets([balance("Acts:", d.balanceOut), balance("Is acted on:", d.balanceIn)]))
        for (title, groups, outgoing) in [("Relations out", d.relationsOut, true), ("Relations in", d.relationsIn, false)] where !groups.isEmpty {
            blocks.append(.heading(2, title))
            // Standalone reports link nowhere: the column of brief links is left out there.
            let links = linker.existing.map { !$0.isEmpty } ?? true
            blocks.append(.table(header: [outgoing ? "Target" : "Source", "Type", "Count", "Polarity"] + (links ? ["Relationship"] : []) + ["Evidence"],
                                 rows: groups.map { g in
                [[linker.actor(g.counterpart)], [.text(g.type.rawValue)], [.text("\(g.count)")], [.text(signed(g.polarity))]]
                    + (links ? [[linker.link(PageLinker.dyad(p.name, g.counterpart), "brief")]] : []) + [evidence(g.citations)]
            }))
        }
        if !d.instruments.isEmpty {
            blocks.append(.heading(2, "Instruments used"))
            blocks.append(instrumentList(d.instruments))
        }
        if !d.innerCircle.isEmpty {
            blocks.append(.heading(2, "Inner circle"))
            blocks.append(.bullets(d.innerCircle.map { m in
                [linker.actor(m.name), .text(": \(m.tie)")] + (m.citations.first.map { [.text(". ")] + Page.cite($0) } ?? [])
            }))
        }
        if !d.strongestQuotes.isEmpty {
            blocks.append(.heading(2, "Strongest quotes"))
            blocks.append(.bullets(d.strongestQuotes.map { relationLine($0, linker) }))
        }
        if !d.outlets.isEmpty {
            blocks.append(.heading(2, "Outlets"))
            blocks.append(outletTable(d.outlets, linker))
        }
        if !d.denied.isEmpty {
            blocks.append(.heading(2, "Denied (negated, never counted)"))
            blocks.append(.bullets(d.denied.map { relationLine($0, linker) }))
        }
        return Page(title: p.name, name: PageLinker.actor(p.name), blocks: blocks)
    }

    /// The brief of a dyad.
    public static func brief(_ b: Brief, linker: PageLinker = PageLinker(existing: [])) -> Page {
        var blocks: [Block] = [
            .paragraph([linker.actor(b.actorA), .text(" and "), linker.actor(b.actorB),
                        .text(": \(b.relations.count) relations, both ways (negated ones listed but never scored).")]),
            .bullets([balance("\(b.actorA) → \(b.actorB):", b.balanceAToB), balance("\(b.actorB) → \(b.actorA):", b.balanceBToA)]),
        ]
        if !b.periods.isEmpty {
            blocks.append(.heading(2, "Cooperation and conflict by period"))
            blocks.append(.table(header: ["Period", "Relations", "Cooperation", "Conflict", "Score", "Evidence"], rows: b.periods.map { p in
                [[.text(p.period + (p.usesDocumentDates ? " *" : ""))], [.text("\(p.relations)")], [.text(score(p.cooperation))],
                 [.text(score(p.conflict))], [.strong(score(p.score))], evidence(p.citations)]
            }))
            blocks.append(.paragraph([.text("* some relations of the period are dated by their document, not by the text. Weights: docs/WEIGHTS.md.")]))
        }
        if !b.instruments.isEmpty {
            blocks.append(.heading(2, "Instruments"))
            blocks.append(instrumentList(b.instruments))
        }
        if !b.outlets.isEmpty {
            blocks.append(.heading(2, "What each outlet says"))
            blocks.append(outletTable(b.outlets, linker))
        }
        if !b.contradictions.isEmpty {
            blocks.append(.heading(2, "Contradicting statements"))
            blocks.append(.bullets(b.contradictions.map { c in
                [.strong("\(c.kind.rawValue) (\(c.period)):"), .text(" ")] + relationLine(c.first, linker) + [.text(" ⟷ ")] + relationLine(c.second, linker)
            }))
        }
        if !b.relations.isEmpty {
            blocks.append(.heading(2, "Every relation"))
            blocks.append(.bullets(b.relations.map { r in
                (r.modality == .negated ? [.strong("NEGATED"), .text(" ")] : []) + relationLine(r, linker)
            }))
        }
        return Page(title: "\(b.actorA) – \(b.actorB)", name: PageLinker.dyad(b.actorA, b.actorB), blocks: blocks)
    }

    /// A timeline as a page.
    public static func timeline(_ t: Timeline, linker: PageLinker = PageLinker(existing: [])) -> Page {
        let title = t.actors.isEmpty ? "Timeline" : "Timeline: " + t.actors.joined(separator: " – ")
        return Page(title: title, blocks: [
            .paragraph([.text("Dates marked (stated) are given by the text; (document date) ones are the publication date of the document.")]),
            .bullets(t.entries.map { relationLine($0, linker) }),
        ])
    }

    /// The timeline as CSV: one row per relation, with its date basis and citation.
    public static func timelineCSV(_ t: Timeline) -> String {
        var out = "date,date_basis,source,type,target,modality,document,locator,link,outlet,quote\n"
        for e in t.entries {
            out += [e.when.date ?? "", e.when.basis.rawValue, e.source, e.type.rawValue, e.target, e.modality.rawValue,
                    e.citation.document, e.citation.locator, e.citation.link ?? "", e.citation.outlet ?? "", e.citation.quote]
                .map(Escape.csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Outlets side by side.
    public static func comparison(_ c: OutletComparison, linker: PageLinker = PageLinker(existing: [])) -> Page {
        var blocks: [Block] = []
        if c.dyads.isEmpty { blocks.append(.paragraph([.text("No dyad is told by more than one of these outlets.")])) }
        for d in c.dyads {
            blocks.append(.heading(2, "\(d.source) → \(d.target)"))
            blocks.append(outletTable(d.outlets, linker))
            if !d.disagreements.isEmpty {
                blocks.append(.bullets(d.disagreements.map { x in
                    [.strong("\(x.kind):"), .text(" ")] + relationLine(x.first, linker) + [.text(" ⟷ ")] + relationLine(x.second, linker)
                }))
            }
        }
        return Page(title: "Compare " + c.outlets.joined(separator: ", ") + (c.actor.map { " on \($0)" } ?? ""), blocks: blocks)
    }

    /// Words against deeds.
    public static func saysVsDoes(_ s: SaysVsDoes, linker: PageLinker = PageLinker(existing: [])) -> Page {
        var blocks: [Block] = []
        if s.targets.isEmpty { blocks.append(.paragraph([.text("The corpus records no statement by \(s.actor).")])) }
        for t in s.targets {
            blocks.append(.heading(2, "Toward \(t.target)"))
            blocks.append(.paragraph([.strong("Says")]))
            blocks.append(.bullets(t.says.map { relationLine($0, linker) }))
            blocks.append(.paragraph([.strong("Does (material conflict)")]))
            blocks.append(t.does.isEmpty ? .paragraph([.text("No conflict event recorded.")]) : .bullets(t.does.map { relationLine($0, linker) }))
        }
        return Page(title: "\(s.actor): says vs does", blocks: blocks)
    }
}
