import KremlinologyModel
import KremlinologyStore

/// The analysis views over a store: loads only what each view needs (one actor's relations
/// through the indexed ``CorpusStore/relations(involving:)``; the whole corpus in one query
/// for the network, timeline and wiki) and hands it to the view's builder.
public struct CorpusAnalyzer: Sendable {
    public let store: any CorpusStore
    /// Every actor record of the store.
    public let directory: ActorDirectory
    /// Whether the views leave out open-world actors (names no pack knows, issue 11) and
    /// their relations: the one switch behind `--reviewed-only` and the API's `reviewed=only`.
    public var reviewedOnly = false
    /// How outlets and claims are graded (Admiralty code, issue 15); nil: the views show no
    /// grades. The CLI and the server always pass the pack's catalog.
    public let grading: SourceGrading?
    /// The views count only facts graded at least this well (``AdmiraltyGrade/meets(_:)``):
    /// the one switch behind `--min-grade` and the API's `min_grade`.
    public var minimumGrade: AdmiraltyGrade?

    /// - Parameter sources: the pack's outlet catalog, to grade every fact; nil grades none.
    /// - Throws: ``AnalysisError/invalidInput(_:)`` for a minimum grade without a catalog.
    public init(store: any CorpusStore, reviewedOnly: Bool = false, sources: SourceCatalog? = nil,
                minimumGrade: AdmiraltyGrade? = nil) throws {
        self.store = store
        directory = ActorDirectory(try store.actorRecords())
        self.reviewedOnly = reviewedOnly
        grading = try sources.map { try SourceGrading(catalog: $0, store: store) }
        if minimumGrade != nil, sources == nil {
            throw AnalysisError.invalidInput("a minimum grade needs the sources catalog (sources.yaml) to grade facts with")
        }
        self.minimumGrade = minimumGrade
    }

    /// The same analyzer with ``reviewedOnly`` set.
    public func reviewed(only: Bool) -> CorpusAnalyzer {
        var copy = self
        copy.reviewedOnly = only
        return copy
    }

    /// The same analyzer with ``minimumGrade`` set (ignored when it grades nothing).
    public func graded(atLeast minimum: AdmiraltyGrade?) -> CorpusAnalyzer {
        var copy = self
        copy.minimumGrade = grading == nil ? nil : minimum
        return copy
    }

    /// The canonical name of what the user typed (see ``ActorDirectory/resolve(_:extraNames:)``).
    /// Only actors are actors (issue 13): a name that occurs in relations but has no actor
    /// record ("officials", "nationalists", a capitalised fragment) is not one.
    public func resolve(_ typed: String) throws -> String {
        let name = try directory.resolve(typed)
        if !isShown(name) { throw AnalysisError.hiddenUnreviewed(name) }
        return name
    }

    /// Every relation of the corpus between two actors, in one query.
    public func allRelations() throws -> [StoredRelation] {
        try counted(try store.relations(RelationFilter(limit: StoreLimit.all)))
    }

    /// The relations whose two ends are actors of the store: what every view counts. A
    /// relation with "officials", "troops" or a capitalised fragment at one end (an unnamed
    /// fallback of the extractor) stays in the store and its exports, but never becomes a
    /// node, a counterpart, a wiki page or a figure. Open-world actors (names no pack knows
    /// that the extractor found acting, stored unreviewed) have records, so they are kept;
    /// ``ActorDirectory/isUnreviewed(_:)`` tells a view which they are.
    public func actorsOnly(_ relations: [StoredRelation]) -> [StoredRelation] {
        // A fact an analyst judged wrong is left out of every view (its listing shows it struck through).
        relations.filter { $0.judgement != .wrong && isShown($0.relation.source) && isShown($0.relation.target) }
    }

    /// What the views count of `relations`: the facts between actors (``actorsOnly(_:)``),
    /// graded, and of those only the ones that meet ``minimumGrade``. Every view loads its
    /// relations through here, so that one filter applies to all of them.
    public func counted(_ relations: [StoredRelation]) throws -> [StoredRelation] {
        SourceGrading.keeping(try graded(actorsOnly(relations)), atLeast: minimumGrade)
    }

    /// `relations` with their grades, when this analyzer grades (listings grade through here too).
    public func graded(_ relations: [StoredRelation]) throws -> [StoredRelation] {
        guard let grading else { return relations }
        return try grading.graded(relations, in: store)
    }

    /// Whether a view shows `name`: an actor of the store, and reviewed when ``reviewedOnly``.
    public func isShown(_ name: String) -> Bool {
        directory[name] != nil && !(reviewedOnly && directory.isUnreviewed(name))
    }

    /// Every relation between `name` and another actor.
    func involving(_ name: String) throws -> [StoredRelation] { try counted(try store.relations(involving: name)) }

    /// The dossier of `actor`; with `rollUp`, its people's relations are the state's (``RollUp``).
    public func dossier(_ actor: String, rollUp: Bool = false) throws -> Dossier {
        let name = try resolve(actor)
        let ties = try store.ties(involving: name)
        guard rollUp else { return Dossier(actor: name, relations: try involving(name), ties: ties, directory: directory) }
        let (relations, folded) = RollUp.states(try self.relations(involvingAnyOf: RollUp.members(of: name, directory: directory)),
                                                directory: directory) { $0.source == name || $0.target == name }
        var dossier = Dossier(actor: name, relations: relations, ties: ties, directory: directory)
        dossier.rollUp = folded
        return dossier
    }

    /// The brief of `a` and `b`; with `rollUp`, people count as their states (``RollUp``).
    public func brief(_ a: String, _ b: String, rollUp: Bool = false) throws -> Brief {
        let (first, second) = (try resolve(a), try resolve(b))
        guard rollUp else { return Brief(first, second, relations: try involving(first)) }
        let (relations, folded) = RollUp.states(try self.relations(involvingAnyOf: RollUp.members(of: first, directory: directory)),
                                                directory: directory) { Set([$0.source, $0.target]) == Set([first, second]) }
        var brief = Brief(first, second, relations: relations)
        brief.rollUp = folded
        return brief
    }

    /// Every relation involving any of `names`, once each; graded together, so that a state's
    /// many members cost one look-up of their evidence, not one each.
    func relations(involvingAnyOf names: [String]) throws -> [StoredRelation] {
        var seen = Set<Int64>()
        return try counted(names.flatMap { try store.relations(involving: $0) }.filter { seen.insert($0.id).inserted })
    }

    public func network(_ options: NetworkOptions) throws -> Network {
        var relations: [StoredRelation]
        if options.outlets.count == 1, let outlet = options.outlets.first {
            relations = try counted(try store.relations(RelationFilter(outlet: outlet, limit: StoreLimit.all)))
        } else {
            relations = try allRelations()
        }
        relations = relations.filter(options.admits)
        return Network(relations: relations, directory: directory, options: options)
    }

    public func timeline(actor: String? = nil, pair: (String, String)? = nil, rollUp: Bool = false) throws -> Timeline {
        let actorName = try actor.map(resolve)
        let pairNames = try pair.map { (try resolve($0.0), try resolve($0.1)) }
        let source = actorName ?? pairNames?.0
        guard rollUp else {
            let relations = try source.map { try involving($0) } ?? allRelations()
            return Timeline(relations: relations, actor: actorName, pair: pairNames)
        }
        let loaded = try source.map { try self.relations(involvingAnyOf: RollUp.members(of: $0, directory: directory)) } ?? allRelations()
        let (relations, folded) = RollUp.states(loaded, directory: directory) { r in
            (actorName.map { r.source == $0 || r.target == $0 } ?? true)
                && (pairNames.map { Set([r.source, r.target]) == Set([$0.0, $0.1]) } ?? true)
        }
        var timeline = Timeline(relations: relations, actor: actorName, pair: pairNames)
        timeline.rollUp = folded
        return timeline
    }

    /// - Throws: ``AnalysisError/unknownOutlet(_:known:)`` for an outlet no document comes from.
    public func compare(outlets: [String], actor: String? = nil, rollUp: Bool = false) throws -> OutletComparison {
        let known = try store.stats().outlets.keys.sorted()
        let lowered = Set(known.map { $0.lowercased() })
        if let unknown = outlets.first(where: { !lowered.contains($0.lowercased()) }) {
            throw AnalysisError.unknownOutlet(unknown, known: known)
        }
        let name = try actor.map(resolve)
        var relations: [StoredRelation] = []
        if let name {
            relations = try rollUp ? self.relations(involvingAnyOf: RollUp.members(of: name, directory: directory))
                                   : involving(name)
        } else {
            for outlet in outlets { relations += try counted(try store.relations(RelationFilter(outlet: outlet, limit: StoreLimit.all))) }
        }
        guard rollUp else { return OutletComparison(outlets: outlets, actor: name, relations: relations) }
        let (rolled, folded) = RollUp.states(relations, directory: directory) { r in
            name.map { r.source == $0 || r.target == $0 } ?? true
        }
        var comparison = OutletComparison(outlets: outlets, actor: name, relations: rolled)
        comparison.rollUp = folded
        return comparison
    }

    public func saysVsDoes(_ actor: String) throws -> SaysVsDoes {
        let name = try resolve(actor)
        var seen: Set<Int64> = []
        let relations = (try involving(name) + counted(store.relations(attributedTo: name))).filter { seen.insert($0.id).inserted }
        return SaysVsDoes(actor: name, relations: relations)
    }

    /// What one outlet tells (``OutletProfile``).
    public func outlet(_ name: String) throws -> OutletProfile {
        var profile = try OutletProfile(outlet: name, in: store)
        profile.grade = grading?.grade(ofOutlet: profile.outlet)
        profile.relations = try graded(profile.relations)
        return profile
    }

    public func wiki() throws -> Wiki { Wiki(relations: try allRelations(), ties: try store.ties(involving: nil), directory: directory) }
}
