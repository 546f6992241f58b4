import Foundation
import KremlinologyModel

/// What the analyst's curation decisions make of the actors: the decisions that hold, folded
/// in order over the actors the knowledge pack and the store know, and written as pack files
/// (``packFiles``) that the extractor loads after every other pack. So a decision reaches
/// every later `ingest`, `reextract` and upload the way any pack edit does, and
/// `curation export --pack DIR` is those same files: a colleague's store loads them with
/// `--pack DIR` and reads the documents the same way.
public struct CurationPlan: Sendable {
    /// The actors before any decision, by canonical name.
    public let base: [String: Actor]
    /// The actors after the decisions folded so far.
    public private(set) var actors: [String: Actor]
    /// Names whose mentions are no actors (``CurationAction/dismiss``), in decision order.
    public private(set) var notActors: [String] = []
    /// Decisions that no longer apply (an earlier one they build on was undone), with why.
    public private(set) var skipped: [(decision: CurationDecision, reason: String)] = []

    /// - Parameter known: the pack's actors first, then the store's records (open-world actors
    ///   the pack does not know); the first record of a name wins.
    public init(known: [Actor]) {
        var byName: [String: Actor] = [:]
        for actor in known where byName[actor.name] == nil { byName[actor.name] = actor }
        base = byName
        actors = byName
    }

    /// The plan of `decisions` (those that hold), skipping the ones that no longer apply.
    public init(known: [Actor], decisions: [CurationDecision]) {
        self.init(known: known)
        for decision in decisions where decision.holds {
            do { try apply(decision) } catch { skipped.append((decision, "\(error)")) }
        }
    }

    /// The canonical name of what the user typed: an actor's name, else the one actor with
    /// that alias (case-insensitive either way).
    public func resolve(_ typed: String) throws -> String {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if actors[typed] != nil { return typed }
        if let exact = actors.keys.first(where: { $0.lowercased() == key }) { return exact }
        let byAlias = actors.values.filter { $0.aliases.contains { $0.lowercased() == key } }.map(\.name).sorted()
        if byAlias.count == 1 { return byAlias[0] }
        if byAlias.count > 1 {
            throw CurationError("\"\(typed)\" is an alias of \(byAlias.joined(separator: ", ")); name one of them",
                                kind: .ambiguous, candidates: byAlias)
        }
        throw CurationError("no actor \"\(typed)\"; the actors listing (and its unreviewed part) names them", kind: .notFound)
    }

    /// Folds one decision into the actors.
    /// - Throws: ``CurationError`` when the decision does not apply to the actors as they are.
    public mutating func apply(_ decision: CurationDecision) throws {
        var actor = try existing(decision.actor)
        switch decision.action {
        case .merge:
            var into = try existing(try required(decision.other, "the actor to merge into"))
            guard into.name != actor.name else { throw CurationError("cannot merge \(actor.name) into itself") }
            into.aliases = Self.unique(into.aliases + [actor.name] + actor.aliases, except: into.name)
            // An affiliation to the actor itself (a person merged into their state) says nothing.
            into.affiliations = Array(Set(into.affiliations + actor.affiliations)).filter { $0.organization != into.name }
                .sorted { ($0.organization, $0.role) < ($1.organization, $1.role) }
            into.reviewed = into.reviewed || actor.reviewed
            into.wikidata = into.wikidata ?? actor.wikidata
            into.country = into.country ?? actor.country
            actors[actor.name] = nil
            if let name = decision.newName, name != into.name { try rename(&into, to: name) }
            actors[into.name] = into
        case .split:
            let alias = try required(decision.alias, "the alias to split off")
            let name = try required(decision.newName, "the new actor's name")
            guard alias.lowercased() != actor.name.lowercased() else {
                throw CurationError("\"\(alias)\" is \(actor.name)'s own name; `actors rename` changes it")
            }
            actor.aliases.removeAll { $0.lowercased() == alias.lowercased() }
            actors[actor.name] = actor
            var split = actors[name] ?? Actor(name: name, kind: decision.kind ?? actor.kind, reviewed: actor.reviewed)
            if alias.lowercased() != name.lowercased() { split.aliases = Self.unique(split.aliases + [alias], except: name) }
            actors[name] = split
        case .rename:
            let name = try required(decision.newName, "the new name")
            actors[actor.name] = nil
            try rename(&actor, to: name)
            actors[actor.name] = actor
        case .aliasAdd:
            let alias = try required(decision.alias, "the alias")
            if let owner = actors[alias], owner.name != actor.name {
                throw CurationError("\"\(alias)\" is the name of another actor; `actors merge` joins the two")
            }
            // An alias names one actor: it leaves any other that had it.
            for (name, var other) in actors where name != actor.name && other.aliases.contains(where: { $0.lowercased() == alias.lowercased() }) {
                other.aliases.removeAll { $0.lowercased() == alias.lowercased() }
                actors[name] = other
            }
            actor.aliases = Self.unique(actor.aliases + [alias], except: actor.name)
            actors[actor.name] = actor
        case .aliasRemove:
            let alias = try required(decision.alias, "the alias")
            guard actor.aliases.contains(where: { $0.lowercased() == alias.lowercased() }) else {
                throw CurationError("\"\(alias)\" is no alias of \(actor.name) (its aliases: \(actor.aliases.joined(separator: ", "))); "
                                    + "a surname matches on its own: `actors split` gives it to another actor")
            }
            actor.aliases.removeAll { $0.lowercased() == alias.lowercased() }
            actors[actor.name] = actor
        case .dismiss:
            actors[actor.name] = nil
            notActors += [actor.name] + actor.aliases
        case .promote:
            actor.reviewed = true
            actor.kind = decision.kind ?? actor.kind
            actors[actor.name] = actor
        }
    }

    /// The actors the decisions took out, and those they changed or made, as pack files:
    /// `actors/curation.yaml` (full entries; `removed: true` for the actors taken out) and
    /// `cues-curation.tsv` (`not-actor` lines).
    public var packFiles: [(path: String, text: String)] {
        var yaml = "# Curation decisions of a Kremlinology store, as a knowledge pack (`kremlinology curation export`).\n"
            + "# Load it after the packs it was made over: kremlinology ingest DIR --pack THIS-FOLDER\n"
        for name in base.keys.sorted() where actors[name] == nil {
            yaml += "- name: \(Self.quoted(name))\n  removed: true\n"
        }
        for name in actors.keys.sorted() where actors[name] != base[name] {
            yaml += Self.entry(actors[name]!)
        }
        var cues = "# Names an analyst dismissed: never actors (`kremlinology actors dismiss`).\n"
        for name in notActors { cues += "not-actor\t" + Self.cell(name) + "\n" }
        return [("actors/curation.yaml", yaml), ("cues-curation.tsv", cues)]
    }

    /// The written names whose matching differs between this plan and `other`: every name,
    /// alias and surname (people's surnames match on their own) of each actor whose entry
    /// differs, in either plan. The documents that contain one may read differently.
    public func changedPhrases(comparedTo other: CurationPlan) -> [String] {
        func names(of actor: Actor?) -> [String] {
            guard let actor else { return [] }
            var names = [actor.name] + actor.aliases
            if actor.kind == .person, let surname = actor.name.split(separator: " ").last, surname.count >= 4 {
                // The surname, and its first five letters: the pack folds spellings of a name
                // (Soloviev, Solovyov), which no exact substring finds; a stem over-selects
                // documents, which costs time, never a fact.
                names += [String(surname), String(surname.prefix(5))]
            }
            return names
        }
        var phrases = Set<String>()
        for name in Set(actors.keys).union(other.actors.keys) where actors[name] != other.actors[name] {
            phrases.formUnion(names(of: actors[name]) + names(of: other.actors[name]))
        }
        phrases.formUnion(Set(notActors).symmetricDifference(other.notActors))
        return phrases.sorted()
    }

    private func existing(_ name: String) throws -> Actor {
        guard let actor = actors[name] else {
            throw CurationError("no actor \"\(name)\" (an earlier decision it builds on may have been undone)")
        }
        return actor
    }

    private func required(_ value: String?, _ what: String) throws -> String {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw CurationError("\(what) is missing", kind: .invalidInput)
        }
        return value
    }

    private func rename(_ actor: inout Actor, to name: String) throws {
        if actors[name] != nil { throw CurationError("an actor \"\(name)\" exists already; `actors merge` joins the two") }
        actor.aliases = Self.unique(actor.aliases + [actor.name], except: name)
        actor.name = name
    }

    private static func unique(_ names: [String], except own: String) -> [String] {
        var seen: Set<String> = [own.lowercased()]
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    private static func entry(_ actor: Actor) -> String {
        var lines = ["- name: \(quoted(actor.name))", "  kind: \(actor.kind.rawValue)"]
        if let wikidata = actor.wikidata { lines.append("  wikidata: \(quoted(wikidata))") }
        if let country = actor.country { lines.append("  country: \(quoted(country))") }
        lines.append("  aliases: [\(actor.aliases.map(quoted).joined(separator: ", "))]")
        if !actor.affiliations.isEmpty {
            lines.append("  affiliations:")
            for a in actor.affiliations {
                var fields = ["organization: \(quoted(a.organization))", "role: \(quoted(a.role))"]
                if let from = a.from { fields.append("from: \(quoted(from))") }
                if let until = a.until { fields.append("until: \(quoted(until))") }
                lines.append("    - {\(fields.joined(separator: ", "))}")
            }
        }
        if !actor.reviewed { lines.append("  reviewed: false") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A TSV cell: tabs and line breaks would split it.
    private static func cell(_ text: String) -> String {
        text.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
    }
}

/// A curation decision that cannot apply, with what to do instead.
public struct CurationError: UserFacingError {
    public let description: String
    public let kind: ErrorKind
    public let candidates: [String]

    public init(_ description: String, kind: ErrorKind = .conflict, candidates: [String] = []) {
        self.description = description
        self.kind = kind
        self.candidates = candidates
    }
}
