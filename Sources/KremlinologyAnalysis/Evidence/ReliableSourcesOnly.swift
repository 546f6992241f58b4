import Foundation
import KremlinologyModel
import KremlinologyStore

/// What a view would say if only A–C sources counted (issue 15): how many of its claims
/// remain, how its balances change, and which outlets drop out with how many claims. Shown by
/// the dossier and the brief beside their figures, so that an analyst sees at once how much a
/// picture rests on unreliable or ungraded sources.
public struct ReliableSourcesOnly: Sendable, Codable, Hashable {
    /// A balance of the view, with every source and with A–C sources only.
    public struct BalanceChange: Sendable, Codable, Hashable {
        public var label: String
        public var all: PolarityBalance
        public var reliable: PolarityBalance
    }

    /// An outlet whose claims drop out, with its reliability.
    public struct LeftOut: Sendable, Codable, Hashable {
        public var outlet: String
        public var reliability: Reliability
        public var claims: Int
    }

    /// The worst reliability that still counts: C, fairly reliable.
    public static let worstCounted = Reliability.c

    /// Claims of the view (facts, once per source and statement).
    public var claims: Int
    /// Of them, the claims of A–C sources.
    public var remaining: Int
    public var balances: [BalanceChange]
    /// The outlets graded D–F, most claims first.
    public var leftOut: [LeftOut]

    /// The comparison for `relations` (denials are left out here), with one balance per
    /// `balances` entry (its label and which relations it counts); nil when the relations are
    /// not graded (no source catalog was given).
    public init?(_ relations: [StoredRelation], balances: [(label: String, counts: (StoredRelation) -> Bool)]) {
        let facts = Facts.only(relations).distinctClaims
        guard facts.allSatisfy({ $0.grade != nil }) else { return nil }
        let reliable = facts.filter(Self.counts)
        claims = facts.count
        remaining = reliable.count
        self.balances = balances.map { label, counts in
            BalanceChange(label: label, all: Tally.balance(facts.filter(counts)), reliable: Tally.balance(reliable.filter(counts)))
        }
        var dropped: [String: (Reliability, Int)] = [:]
        for stored in facts where !Self.counts(stored) {
            let outlet = stored.outlet ?? OutletGrade.noOutlet
            dropped[outlet, default: (stored.grade?.reliability ?? .f, 0)].1 += 1
        }
        leftOut = dropped.map { LeftOut(outlet: $0.key, reliability: $0.value.0, claims: $0.value.1) }
            .sorted { ($1.claims, $0.outlet) < ($0.claims, $1.outlet) }
    }

    /// Whether `stored` comes from an A–C source.
    static func counts(_ stored: StoredRelation) -> Bool { (stored.grade?.reliability ?? .f) <= worstCounted }

    /// "12 of 40 claims remain; Russia → Belarus net +3 → +1, score +12.0 → +5.0; left out: RT
    /// (D, 20 claims), bonus_professor (F, 8 claims)."
    public var details: String {
        var parts = ["\(remaining) of \(claims) claim\(claims == 1 ? " remains" : "s remain")"]
        for change in balances where change.all != change.reliable {
            parts.append("\(change.label) net \(Self.signed(change.all.net)) → \(Self.signed(change.reliable.net)), "
                         + "score \(Self.score(change.all.score)) → \(Self.score(change.reliable.score))")
        }
        if !leftOut.isEmpty {
            let shown = leftOut.prefix(8).map { "\($0.outlet) (\($0.reliability.rawValue), \($0.claims) claim\($0.claims == 1 ? "" : "s"))" }
            parts.append("left out: " + shown.joined(separator: ", ") + (leftOut.count > 8 ? ", … (\(leftOut.count) outlets)" : ""))
        }
        return parts.joined(separator: "; ") + "."
    }

    /// The line's label.
    public static let label = "Only A–C sources:"

    /// The whole line: ``label`` then ``details``.
    public var summary: String { Self.label + " " + details }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
    private static func score(_ value: Double) -> String { String(format: "%+.1f", value) }
}
