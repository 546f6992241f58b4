import KremlinologyModel

/// The dossier laid out once: which sections an actor's page has, in which order, with
/// which title and what each shows when empty. The report renderer (``ViewPages/dossier(_:linker:limit:)``:
/// terminal, Markdown, HTML) and the server's actor page both walk these sections, so the two
/// never disagree on what a dossier contains.
public struct DossierLayout: Sendable {
    /// What a section shows.
    public enum Content: Sendable {
        case roles([Affiliation])
        case balance(out: PolarityBalance, in: PolarityBalance, denied: Int)
        case innerCircle([Dossier.CircleMember])
        case officials([Dossier.CircleMember])
        case ties([CitedTie])
        case relations([CounterpartGroup], outgoing: Bool)
        case instruments([InstrumentUse])
        case strongestQuotes([CitedRelation])
        case outlets([OutletView])
        case denied([CitedRelation])

        /// Whether there is nothing to show.
        public var isEmpty: Bool {
            switch self {
            case .roles(let items): items.isEmpty
            case .balance: false
            case .innerCircle(let items), .officials(let items): items.isEmpty
            case .ties(let items): items.isEmpty
            case .relations(let items, _): items.isEmpty
            case .instruments(let items): items.isEmpty
            case .strongestQuotes(let items): items.isEmpty
            case .outlets(let items): items.isEmpty
            case .denied(let items): items.isEmpty
            }
        }
    }

    /// One section: an id for anchors and tests, its title, and the note shown when it is
    /// empty (nil: an empty section is left out).
    public struct Section: Sendable {
        public var id: String
        public var title: String
        public var emptyNote: String?
        public var content: Content
    }

    /// The sections to show, in order.
    public let sections: [Section]

    public init(_ dossier: Dossier) {
        let name = dossier.profile.name
        let all = [
            Section(id: "roles", title: "Roles and affiliations", emptyNote: nil, content: .roles(dossier.profile.affiliations)),
            Section(id: "balance", title: "Balance", emptyNote: nil,
                    content: .balance(out: dossier.balanceOut, in: dossier.balanceIn, denied: dossier.denied.count)),
            Section(id: "inner-circle", title: "Inner circle", emptyNote: "No one the sources say this actor trusts or is advised by.",
                    content: .innerCircle(dossier.innerCircle)),
            // The pack's affiliations hold offices and other ties (opposition leader, analyst, oligarch):
            // the list says so, each person with their role, so that no one reads it as officials only.
            Section(id: "officials", title: "Officials and others affiliated with \(dossier.officialsOf ?? name) (roles from the pack; not the inner circle)",
                    emptyNote: nil,
                    content: .officials(dossier.officials)),
            Section(id: "ties", title: "Stated ties (adviser, spokesperson, …)", emptyNote: nil, content: .ties(dossier.ties)),
            Section(id: "relations-out", title: "\(name) acts on", emptyNote: "None found.",
                    content: .relations(dossier.relationsOut, outgoing: true)),
            Section(id: "relations-in", title: "Acts on \(name)", emptyNote: "None found.",
                    content: .relations(dossier.relationsIn, outgoing: false)),
            Section(id: "instruments", title: "Instruments used", emptyNote: nil, content: .instruments(dossier.instruments)),
            Section(id: "outlets", title: "Told by", emptyNote: nil, content: .outlets(dossier.outlets)),
            Section(id: "quotes", title: "Strongest quotes", emptyNote: "None found.", content: .strongestQuotes(dossier.strongestQuotes)),
            Section(id: "denied", title: "Denied or ruled out (never counted)", emptyNote: nil, content: .denied(dossier.denied)),
        ]
        sections = all.filter { !$0.content.isEmpty || $0.emptyNote != nil }
    }
}
