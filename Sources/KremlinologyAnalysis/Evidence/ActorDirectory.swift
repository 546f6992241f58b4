import KremlinologyModel

/// An error of the analysis layer, with cases a caller can act on and messages for the user
/// of the tool (no message names a CLI command; clients add their hints by case).
public enum AnalysisError: UserFacingError, Equatable {
    /// No actor name was given.
    case noActorGiven
    /// No actor of the store matches what was typed.
    case unknownActor(String)
    /// Several actors match what was typed.
    case ambiguousActor(String, candidates: [String])
    /// No document of the store comes from this outlet; `known` are the outlets it has.
    case unknownOutlet(String, known: [String])
    /// A parameter of a view is malformed.
    case invalidInput(String)
    /// The actor is an open-world (unreviewed) one, and the view hides those.
    case hiddenUnreviewed(String)

    public var kind: ErrorKind {
        switch self {
        case .noActorGiven, .invalidInput: .invalidInput
        case .unknownActor, .unknownOutlet, .hiddenUnreviewed: .notFound
        case .ambiguousActor: .ambiguous
        }
    }

    public var candidates: [String] {
        switch self {
        case .ambiguousActor(_, let candidates), .unknownOutlet(_, let candidates): candidates
        default: []
        }
    }

    public var description: String {
        switch self {
        case .noActorGiven: "no actor given; name one, e.g. \"Vladimir Putin\""
        case .unknownActor(let typed): "no actor matches \"\(typed)\"; the actors listing shows the names the corpus knows"
        case .ambiguousActor(let typed, let candidates):
            "\"\(typed)\" matches \(candidates.count) actors: "
                + candidates.prefix(12).joined(separator: ", ") + (candidates.count > 12 ? ", …" : "") + "; give the full name"
        case .unknownOutlet(let name, let known):
            "no document comes from the outlet \"\(name)\"; the corpus has " + (known.isEmpty ? "no outlet yet"
                : known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", … (\(known.count) in all)" : ""))
        case .invalidInput(let message): message
        case .hiddenUnreviewed(let name):
            "\"\(name)\" is an unreviewed actor (a name no pack knows), and this view hides unreviewed actors; ask without the reviewed-only switch"
        }
    }
}

/// The actors the store knows, by name, and the rules that fold people into states.
public struct ActorDirectory: Sendable {
    /// Actors by canonical name.
    public private(set) var byName: [String: Actor] = [:]

    /// A directory of `actors`; later entries with the same name win.
    public init(_ actors: [Actor]) {
        for actor in actors { byName[actor.name] = actor }
    }

    /// The actor named exactly `name`, if the store has a record of it.
    public subscript(name: String) -> Actor? { byName[name] }

    /// Whether `name` is an open-world actor: found acting in the text, in no pack
    /// (``Actor/reviewed`` false), for views that mark or hide such actors.
    public func isUnreviewed(_ name: String) -> Bool { byName[name].map { !$0.reviewed } ?? false }

    /// The state a person belongs to on `date` (ISO, nil for any): the first affiliation, held
    /// on that date, whose organisation is a known state. Nil for non-persons and stateless people.
    public func state(of name: String, on date: String? = nil) -> String? {
        guard let actor = byName[name], actor.kind == .person else { return nil }
        let held = actor.affiliations.filter { byName[$0.organization]?.kind == .state }
        return (held.first { $0.isHeld(on: date) } ?? held.first)?.organization
    }

    /// The state an actor stands for: itself when a state, its state when a person affiliated to one.
    public func homeState(of name: String) -> String? {
        if byName[name]?.kind == .state { return name }
        return state(of: name)
    }

    /// People whose affiliations point at `organization`, with their roles, by name.
    public func members(of organization: String) -> [(name: String, role: String)] {
        byName.values.filter { $0.kind == .person }.flatMap { person in
            person.affiliations.filter { $0.organization == organization }.map { (person.name, $0.role) }
        }.sorted { ($0.name, $0.role) < ($1.name, $1.role) }
    }

    /// Resolves what a user typed to one canonical name.
    ///
    /// Exact names match case-insensitively; otherwise a unique alias, or a unique name or
    /// alias prefix, or a unique name with a word that starts so (`putin`). `extraNames` are names seen in relations without an actor record.
    /// - Throws: ``AnalysisError`` listing the candidates when there are none or several.
    public func resolve(_ typed: String, extraNames: [String] = []) throws -> String {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { throw AnalysisError.noActorGiven }
        let names = Array(Set(byName.keys).union(extraNames)).sorted()
        if let exact = names.first(where: { $0.lowercased() == key }) { return exact }
        let aliased = names.filter { name in byName[name]?.aliases.contains { $0.lowercased() == key } ?? false }
        if aliased.count == 1 { return aliased[0] }
        var prefixed = aliased.isEmpty ? names.filter { name in
            name.lowercased().hasPrefix(key) || (byName[name]?.aliases.contains { $0.lowercased().hasPrefix(key) } ?? false)
        } : aliased
        if prefixed.isEmpty {
            // Last resort: a word of the name, e.g. `putin` for `Vladimir Putin`.
            prefixed = names.filter { $0.lowercased().split(separator: " ").contains { $0.hasPrefix(key) } }
        }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.isEmpty { throw AnalysisError.unknownActor(typed) }
        throw AnalysisError.ambiguousActor(typed, candidates: prefixed)
    }

    /// The Wikidata page of an id such as `Q7747`.
    public static func wikidataURL(_ id: String?) -> String? {
        guard let id, id.hasPrefix("Q"), id.dropFirst().allSatisfy(\.isNumber), id.count > 1 else { return nil }
        return "https://www.wikidata.org/wiki/\(id)"
    }
}
