import KremlinologyModel

/// An error of the analysis layer, written for the user of the tool.
public struct AnalysisError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
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
        guard !key.isEmpty else { throw AnalysisError("no actor given; name one, e.g. \"Vladimir Putin\"") }
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
        if prefixed.isEmpty {
            throw AnalysisError("no actor matches \"\(typed)\"; see `kremlinology actors` for the names the corpus knows")
        }
        let shown = prefixed.prefix(12).joined(separator: ", ") + (prefixed.count > 12 ? ", …" : "")
        throw AnalysisError("\"\(typed)\" matches \(prefixed.count) actors: \(shown); give the full name")
    }

    /// The Wikidata page of an id such as `Q7747`.
    public static func wikidataURL(_ id: String?) -> String? {
        guard let id, id.hasPrefix("Q"), id.dropFirst().allSatisfy(\.isNumber), id.count > 1 else { return nil }
        return "https://www.wikidata.org/wiki/\(id)"
    }
}
