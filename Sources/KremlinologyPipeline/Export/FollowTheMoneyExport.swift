import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

/// `kremlinology export ftm`: the corpus as FollowTheMoney entities, one JSON object a line,
/// loadable by the `followthemoney` library, OCCRP Aleph and the tools built on them.
///
/// - Actors are Person, Organization, PublicBody (states and state bodies, with their country
///   code) or LegalEntity (groups), as ``FollowTheMoneyMapping`` says, with name, aliases,
///   Wikidata id and country.
/// - Each relation between two actors is an interval entity: Associate for the person-to-person
///   types the mapping names, else UnknownLink; it carries the relation type (`role`,
///   `relationship`), the quote (`description`), a summary with modality and grade, the stated
///   date, the outlet (`publisher`), the deep link (`sourceUrl`) and its Document (`proof`).
///   Denied relations and facts judged wrong are left out: an FtM link states a fact.
/// - Each document with a relation is a Document (file name, title, publisher, date, URL).
///
/// Ids are stable: a hash of the actor's canonical name, of the document id, and of what and
/// where a relation states (document, quote range, source, type, target), so that a second
/// export, after `reextract` too, updates the same entities.
public struct FollowTheMoneyExport {
    public var store: any CorpusStore
    public var mapping: FollowTheMoneyMapping
    /// Grades for the relations' summaries; nil writes none.
    public var grading: SourceGrading?

    public init(store: any CorpusStore, mapping: FollowTheMoneyMapping, grading: SourceGrading? = nil) {
        self.store = store
        self.mapping = mapping
        self.grading = grading
    }

    /// One entity: `{"id", "schema", "properties": {name: [values]}}`.
    struct Entity: Encodable {
        var id: String
        var schema: String
        var properties: [String: [String]]

        init(id: String, schema: String, _ properties: [String: String?]) {
            self.id = id
            self.schema = schema
            self.properties = properties.compactMapValues { $0.flatMap { $0.isEmpty ? nil : [$0] } }
        }
    }

    /// Writes every entity as a JSON line (no newline) to `line`.
    public func write(to line: (String) -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func emit(_ entity: Entity) throws { line(String(decoding: try encoder.encode(entity), as: UTF8.self)) }
        let actors = Dictionary(try store.actorRecords().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let evidence = grading == nil ? StatementEvidence() : try store.statementEvidence(sourceActors: nil)
        var used = Set(try store.actors(kind: nil, limit: StoreLimit.all).map(\.actor.name))
        var written = Set<String>()
        for id in try store.documentIDs() {
            let linked = try store.relations(RelationFilter(documentID: id, includeNegated: false, limit: StoreLimit.all)).filter {
                $0.judgement != .wrong && actors[$0.relation.source] != nil && actors[$0.relation.target] != nil
            }
            guard !linked.isEmpty, let document = try store.document(matching: id)?.document else { continue }
            try emit(documentEntity(document))
            // Two patterns may read the same fact from one quote (with two modalities): one entity.
            for stored in linked where written.insert(Self.key(of: stored)).inserted {
                let grade = grading?.grade(stored, evidence: evidence)
                try emit(link(stored, grade: grade, actors: actors))
                used.formUnion([stored.relation.source, stored.relation.target])
            }
        }
        for name in used.sorted() {
            if let actor = actors[name] { try emit(actorEntity(actor)) }
        }
    }

    /// A stable entity id: a prefix naming what it is and a hash of its key.
    static func id(_ prefix: String, _ key: String) -> String { "kremlinology-\(prefix)-" + SHA256.hex(of: Array(key.utf8)).prefix(32) }

    /// The id of the actor with this canonical name.
    public static func actorID(_ name: String) -> String { id("actor", name) }

    func actorEntity(_ actor: Actor) -> Entity {
        var entity = Entity(id: Self.actorID(actor.name), schema: mapping.schema(of: actor), [
            "name": actor.name, "wikidataId": actor.wikidata, "country": mapping.country(actor.country),
        ])
        let aliases = actor.aliases.filter { !$0.isEmpty && $0 != actor.name }
        if !aliases.isEmpty { entity.properties["alias"] = aliases }
        return entity
    }

    func documentEntity(_ document: Document) -> Entity {
        Entity(id: Self.id("document", document.id), schema: "Document", [
            "fileName": document.fileName, "title": document.title, "publisher": document.outlet,
            "publishedAt": document.published.flatMap(Self.isoDate), "sourceUrl": document.url.flatMap(Self.webURL),
        ])
    }

    /// What and where a relation states: document, quote range, source, type, target (the key
    /// a judgement has too), the same after `reextract`.
    static func key(of stored: StoredRelation) -> String {
        let r = stored.relation
        return "\(stored.documentID)|\(r.range.start)|\(r.range.end)|\(r.source)|\(r.type.rawValue)|\(r.target)"
    }

    func link(_ stored: StoredRelation, grade: AdmiraltyGrade?, actors: [String: Actor]) -> Entity {
        let r = stored.relation
        let key = Self.key(of: stored)
        let between = [r.source, r.target].map { actors[$0]?.kind }
        let personLink = between == [.person, .person] ? mapping.personLinks[r.type] : nil
        let summary = "\(r.source) \(r.type.rawValue) \(r.target) (" + ([r.modality.rawValue] + (grade.map { ["grade \($0)"] } ?? []))
            .joined(separator: "; ") + ")"
        var properties: [String: String?] = [
            "summary": summary, "description": r.quote, "date": r.time.flatMap(Self.isoDate), "publisher": stored.outlet,
            "sourceUrl": stored.locator.url.flatMap(Self.webURL), "proof": Self.id("document", stored.documentID), "recordId": key,
        ]
        if let personLink {
            properties["person"] = Self.actorID(r.source)
            properties["associate"] = Self.actorID(r.target)
            properties["relationship"] = r.type.rawValue
            return Entity(id: Self.id("relation", key), schema: personLink, properties)
        }
        properties["subject"] = Self.actorID(r.source)
        properties["object"] = Self.actorID(r.target)
        properties["role"] = r.type.rawValue
        return Entity(id: Self.id("relation", key), schema: "UnknownLink", properties)
    }

    /// `2014`, `2014-03` or `2014-03-18` as given; otherwise the first year 1800–2199 standing
    /// alone in the text ("in the spring of 2019" → `2019`); nil when there is none.
    static func isoDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil { return trimmed }
        guard let range = trimmed.range(of: #"(?<!\d)(18|19|20|21)\d{2}(?!\d)"#, options: .regularExpression) else { return nil }
        return String(trimmed[range])
    }

    /// `url` when it is an http(s) address (FtM's url type takes nothing else).
    static func webURL(_ url: String) -> String? {
        url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
    }
}
