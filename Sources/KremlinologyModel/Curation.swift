import Foundation

/// What an analyst decided about an actor (issue 15): the kinds of curation decision.
public enum CurationAction: String, Sendable, Codable, CaseIterable {
    /// `actor` and its names become `other`'s (`other` renamed to `newName` when given).
    case merge
    /// The mentions written `alias` leave `actor` for a new actor `newName`.
    case split
    /// `actor` is called `newName`; its old name stays an alias.
    case rename
    /// `alias` becomes a name of `actor`.
    case aliasAdd = "alias-add"
    /// `alias` stops being a name of `actor`.
    case aliasRemove = "alias-remove"
    /// `actor` is not an actor: its names stop being actors everywhere.
    case dismiss
    /// `actor` (an unreviewed, open-world actor, or any other) becomes a reviewed actor of `kind`.
    case promote
}

/// One curation decision: who decided what about which actor, when and why. Decisions are
/// annotations kept beside the evidence, which stays as it was read; the extractor applies
/// the decisions that are not undone, in order, to every document it reads.
public struct CurationDecision: Sendable, Hashable, Codable {
    /// Row id in the store; nil before the decision is recorded.
    public var id: Int64?
    public var action: CurationAction
    /// The actor decided about (canonical name at the time of the decision).
    public var actor: String
    /// For a merge: the actor that `actor` goes into.
    public var other: String?
    /// For a merge (optional), a split or a rename: the name of the resulting actor.
    public var newName: String?
    /// For a split and the alias actions: the name as written.
    public var alias: String?
    /// For a promotion (and optionally a split): the kind of the actor.
    public var kind: ActorKind?
    /// Why, in the analyst's words.
    public var note: String?
    public var author: String?
    /// ISO 8601 timestamp of the decision.
    public var decidedAt: String
    /// ISO 8601 timestamp of its undoing; nil while it holds.
    public var undoneAt: String?
    /// The records of the actors it acts on as extraction made them, before any decision:
    /// once a decision has changed what the store holds of them, these are what the decisions
    /// are folded over again (after an undo, say).
    public var snapshot: [Actor]

    public init(id: Int64? = nil, action: CurationAction, actor: String, other: String? = nil, newName: String? = nil,
                alias: String? = nil, kind: ActorKind? = nil, note: String? = nil, author: String? = nil,
                decidedAt: String = Date().formatted(.iso8601), undoneAt: String? = nil, snapshot: [Actor] = []) {
        self.id = id
        self.action = action
        self.actor = actor
        self.other = other
        self.newName = newName
        self.alias = alias
        self.kind = kind
        self.note = note
        self.author = author
        self.decidedAt = decidedAt
        self.undoneAt = undoneAt
        self.snapshot = snapshot
    }

    /// Whether the decision holds (it was not undone).
    public var holds: Bool { undoneAt == nil }

    /// Every canonical name and written name the decision touches: the documents that mention
    /// or contain one of them are the ones whose facts it can change.
    public var names: [String] {
        [actor, other, newName, alias].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// One line saying what was decided, for logs and listings.
    public var summary: String {
        switch action {
        case .merge: "merge \(actor) into \(other ?? "?")" + (newName.map { " as \($0)" } ?? "")
        case .split: "split \"\(alias ?? "?")\" out of \(actor) as \(newName ?? "?")"
        case .rename: "rename \(actor) to \(newName ?? "?")"
        case .aliasAdd: "add alias \"\(alias ?? "?")\" to \(actor)"
        case .aliasRemove: "remove alias \"\(alias ?? "?")\" from \(actor)"
        case .dismiss: "dismiss \(actor) (not an actor)"
        case .promote: "promote \(actor) to a reviewed \(kind?.rawValue ?? "actor")"
        }
    }
}
