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

    /// A list of relation lines, cut at `limit` with a line that says how many were left out.
    static func relationList(_ relations: [CitedRelation], limit: Int?, more: String,
                             _ line: (CitedRelation) -> [Inline]) -> Block {
        let shown = limit.map { Array(relations.prefix($0)) } ?? relations
        var items = shown.map(line)
        if shown.count < relations.count {
            items.append([.text("… and \(relations.count - shown.count) more: \(more)")])
        }
        return .bullets(items)
    }

    static func evidence(_ citations: [Citation]) -> [Inline] {
        guard let first = citations.first else { return [.text("—")] }
        return Page.cite(first)
    }

    static func relationLine(_ r: CitedRelation, _ linker: PageLinker) -> [Inline] {
        [linker.actor(r.source), .text(" —\(r.type.rawValue)→ "), linker.actor(r.target),
         .text(" [\(r.when.label)\(support(r))]: ")] + Page.cite(r.citation)
    }

    /// `; in 6 notes of one source; 3 sources`: shown when a claim is repeated or corroborated.
    static func support(_ r: CitedRelation) -> String {
        (r.notes > 1 ? "; in \(r.notes) notes of one source" : "") + (r.corroboration > 1 ? "; \(r.corroboration) sources" : "")
    }

    /// What "net" and "score" mean, shown next to every balance: they may differ in sign.
    static let balanceKey: [Inline] = [.strong("Key:"), .text("""
         net = cooperative − conflictual claims (each claim once per source); score = the sum of \
        weight(type) × factor(modality) over them: asserted and reported ×1, expected and \
        hypothetical ×0.5, negated 0 (docs/WEIGHTS.md). Two consultations (+1 each) and one \
        attack (−10) are net +1, score −8.
        """)]

    static func balance(_ label: String, _ b: PolarityBalance) -> [Inline] {
        [.strong(label), .text(" \(b.cooperative) cooperative, \(b.conflictual) conflictual (net \(signed(b.net)), score \(score(b.score)))")]
    }

    static func outletTable(_ views: [OutletView], _ linker: PageLinker) -> Block {
        .table(header: ["Outlet", "Claims", "Cooperative", "Conflictual", "Net", "Evidence"], rows: views.map { v in
            [[linker.link(PageLinker.outlet(v.outlet), v.outlet)], [.text("\(v.relations)")], [.text("\(v.balance.cooperative)")],
             [.text("\(v.balance.conflictual)")], [.text(signed(v.balance.net))], evidence(v.citations)]
        })
    }

    static func instrumentList(_ uses: [InstrumentUse]) -> Block {
        .bullets(uses.map { [.strong($0.instrument.rawValue), .text(" ×\($0.count): ")] + evidence($0.citations) })
    }

    /// The dossier of an actor, section by section as ``DossierLayout`` orders them.
    /// - Parameter limit: the most relations listed in a list (nil: all), for the wiki.
    public static func dossier(_ d: Dossier, linker: PageLinker = PageLinker(existing: []), limit: Int? = nil) -> Page {
        let p = d.profile
        var who: [Inline] = [.strong("Kind:"), .text(" \(p.kind?.rawValue ?? "unknown")")]
        if !p.reviewed { who += [.text(" ("), .strong("unreviewed"), .text(": a name no pack knows, found acting in the text; its kind is a guess)")] }
        if let url = p.wikidataURL, let id = p.wikidata { who += [.text(". Wikidata: "), .link(url: url, label: id)] }
        if let country = p.country { who += [.text(". Country: \(country)")] }
        if !p.aliases.isEmpty { who += [.text(". Also called: \(p.aliases.joined(separator: ", "))")] }
        var blocks: [Block] = [.paragraph(who + [.text(".")])] + rolledUp(d.rollUp) + reliableOnly(d.reliableSourcesOnly)
        for section in DossierLayout(d).sections {
            blocks.append(.heading(2, section.title))
            if section.content.isEmpty, let note = section.emptyNote {
                blocks.append(.paragraph([.text(note)]))
                continue
            }
            blocks.append(dossierBlock(section.content, of: p.name, linker: linker, limit: limit))
        }
        return Page(title: p.name, name: PageLinker.actor(p.name), blocks: blocks)
    }

    private static func dossierBlock(_ content: DossierLayout.Content, of name: String, linker: PageLinker, limit: Int?) -> Block {
        switch content {
        case .roles(let affiliations):
            return .bullets(affiliations.map { a in
                [.text("\(a.role), "), linker.actor(a.organization)]
                    + (a.from != nil || a.until != nil ? [.text(" (\(a.from ?? "…")–\(a.until ?? ""))")] : [])
            })
        case .balance(let out, let into, let denied):
            return .bullets([balance("Acts:", out), balance("Is acted on:", into),
                             [.strong("Denied:"), .text(" \(denied) (never counted)")], balanceKey])
        case .innerCircle(let members):
            return .bullets(members.map { m in
                [linker.actor(m.name), .text(": \(m.tie) (\(m.sources) source\(m.sources == 1 ? "" : "s"))")]
                    + (m.citations.first.map { [.text(". ")] + Page.cite($0) } ?? [])
            })
        case .officials(let members):
            return .bullets(members.map { [linker.actor($0.name), .text(": \($0.tie)")] })
        case .ties(let ties):
            return .bullets(ties.prefix(limit ?? ties.count).map { t in
                [linker.actor(t.holder), .text(t.modality == .negated ? " is not \(t.role) " : " is \(t.role) "), linker.actor(t.principal), .text(". ")] + Page.cite(t.citation)
            })
        case .relations(let groups, let outgoing):
            // Standalone reports link nowhere: the column of brief links is left out there.
            let links = linker.existing.map { !$0.isEmpty } ?? true
            return .table(header: [outgoing ? "Target" : "Source", "Type", "Claims", "Sources", "Polarity"] + (links ? ["Relationship"] : []) + ["Evidence"],
                          rows: groups.map { g in
                [[linker.actor(g.counterpart)], [.text(g.type.rawValue)], [.text("\(g.count)")], [.text(g.evidence.summary)],
                 [.text(signed(g.polarity))]]
                    + (links ? [[linker.link(PageLinker.dyad(name, g.counterpart), "brief")]] : []) + [evidence(g.citations)]
            })
        case .instruments(let uses):
            return instrumentList(uses)
        case .strongestQuotes(let quotes):
            return .bullets(quotes.map { relationLine($0, linker) })
        case .outlets(let views):
            return outletTable(views, linker)
        case .denied(let denied):
            return relationList(denied, limit: limit, more: "`kremlinology relations --source \"\(name)\" --modality negated`") {
                relationLine($0, linker)
            }
        }
    }

    /// "Rolled up into states: Russia ← Sergei Lavrov, Vladimir Putin": what a rolled-up view folded in.
    static func rolledUp(_ rollUp: RollUp?) -> [Block] {
        guard let rollUp else { return [] }
        return [.paragraph([.strong("Rolled up into states:"),
                            .text(rollUp.isEmpty ? " no person of this view is affiliated with a state." : " \(rollUp.summary).")])]
    }

    /// "Only A–C sources: 12 of 40 claims remain; …": what the view rests on, when it is graded.
    static func reliableOnly(_ comparison: ReliableSourcesOnly?) -> [Block] {
        guard let comparison else { return [] }
        return [.paragraph([.strong(ReliableSourcesOnly.label), .text(" " + comparison.details)])]
    }

    /// The brief of a dyad.
    /// - Parameter limit: the most relations listed (nil: all), for the wiki.
    public static func brief(_ b: Brief, linker: PageLinker = PageLinker(existing: []), limit: Int? = nil) -> Page {
        var blocks: [Block] = [
            .paragraph([linker.actor(b.actorA), .text(" and "), linker.actor(b.actorB),
                        .text(": \(b.relations.count) claim\(b.relations.count == 1 ? "" : "s"), both ways (negated ones listed but never scored).")]),
            .bullets([balance("\(b.actorA) → \(b.actorB):", b.balanceAToB), balance("\(b.actorB) → \(b.actorA):", b.balanceBToA),
                      balanceKey]),
        ] + rolledUp(b.rollUp) + reliableOnly(b.reliableSourcesOnly)
        if !b.periods.isEmpty {
            blocks.append(.heading(2, "Cooperation and conflict by period"))
            blocks.append(.table(header: ["Period", "Claims", "Cooperation", "Conflict", "Score", "Evidence"], rows: b.periods.map { p in
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
            blocks.append(relationList(b.relations, limit: limit, more: "`kremlinology brief \"\(b.actorA)\" \"\(b.actorB)\"`") { r in
                (r.modality == .negated ? [.strong("NEGATED"), .text(" ")] : []) + relationLine(r, linker)
            })
        }
        return Page(title: "\(b.actorA) – \(b.actorB)", name: PageLinker.dyad(b.actorA, b.actorB), blocks: blocks)
    }

    /// A timeline as a page.
    public static func timeline(_ t: Timeline, linker: PageLinker = PageLinker(existing: [])) -> Page {
        let title = t.actors.isEmpty ? "Timeline" : "Timeline: " + t.actors.joined(separator: " – ")
        return Page(title: title, blocks: [
            .paragraph([.text("Dates marked (stated) are given by the text; (document date) ones are the publication date of the document.")]),
        ] + rolledUp(t.rollUp) + [
            .bullets(t.entries.map { relationLine($0, linker) }),
        ])
    }

    /// The timeline as CSV: one row per relation, with its date basis and citation.
    public static func timelineCSV(_ t: Timeline) -> String {
        var out = "date,date_basis,source,type,target,modality,document,locator,link,outlet,quote,grade\n"
        for e in t.entries {
            out += [e.when.date ?? "", e.when.basis.rawValue, e.source, e.type.rawValue, e.target, e.modality.rawValue,
                    e.citation.document, e.citation.locator, e.citation.link ?? "", e.citation.outlet ?? "", e.citation.quote,
                    e.citation.grade?.description ?? ""]
                .map(Escape.csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Outlets side by side.
    public static func comparison(_ c: OutletComparison, linker: PageLinker = PageLinker(existing: [])) -> Page {
        var blocks: [Block] = rolledUp(c.rollUp)
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
