import Foundation

/// What kind of outlet a source is; each kind has a default reliability in the catalog.
public enum OutletType: String, Sendable, Codable, CaseIterable {
    case stateMedia = "state-media", independentMedia = "independent-media", thinkTank = "think-tank"
    case government, reference, videoChannel = "video-channel"
}

/// The outlets a knowledge pack knows (`sources.yaml`): each one's type and, where the pack
/// gives one, its own reliability, and a default reliability for each type. Defaults are a
/// starting point for the analyst, never a verdict: `outlets grade` overrides any of them.
public struct SourceCatalog: Sendable, Hashable {
    /// One outlet of the pack.
    public struct Entry: Sendable, Hashable, Codable {
        /// The outlet as documents name it (a document's `outlet`; for video notes, the channel).
        public var name: String
        /// Other names documents use for it ("Rt.com", "Russia Today"), matched case-insensitively.
        public var aliases: [String]
        public var type: OutletType
        /// The pack's grade for this outlet; nil takes its type's default.
        public var reliability: Reliability?
        /// ISO 3166-1 alpha-3 code of the country it belongs to, when known.
        public var country: String?
        /// Why the pack grades it so.
        public var note: String?

        public init(name: String, aliases: [String] = [], type: OutletType, reliability: Reliability? = nil,
                    country: String? = nil, note: String? = nil) {
            self.name = name
            self.aliases = aliases
            self.type = type
            self.reliability = reliability
            self.country = country
            self.note = note
        }
    }

    /// The reliability of an outlet of each type that has no grade of its own.
    public var typeDefaults: [OutletType: Reliability]
    /// The reliability of an outlet the catalog does not list and whose type cannot be told.
    public var unlisted: Reliability
    public private(set) var entries: [Entry]
    private var index: [String: Int]

    public init(typeDefaults: [OutletType: Reliability] = [:], unlisted: Reliability = .f, entries: [Entry] = []) {
        self.typeDefaults = typeDefaults
        self.unlisted = unlisted
        self.entries = []
        index = [:]
        for entry in entries { add(entry) }
    }

    /// Adds `entry`, replacing an entry of the same name (a later pack overrides an earlier one).
    public mutating func add(_ entry: Entry) {
        if let existing = index[Self.key(entry.name)], entries[existing].name.lowercased() == entry.name.lowercased() {
            for alias in entries[existing].aliases { index[Self.key(alias)] = nil }
            entries[existing] = entry
            for name in [entry.name] + entry.aliases { index[Self.key(name)] = existing }
            return
        }
        let position = entries.count
        entries.append(entry)
        for name in [entry.name] + entry.aliases { index[Self.key(name)] = position }
    }

    /// The entry named `outlet` or with it as an alias, compared case-insensitively.
    public func entry(for outlet: String) -> Entry? { index[Self.key(outlet)].map { entries[$0] } }

    /// How `outlet` is graded and why: the analyst's grade when there is one, else the pack's
    /// entry (its own grade, else its type's default), else — for an outlet whose documents are
    /// video notes — the default of a video channel, else ``unlisted``.
    public func grade(of outlet: String?, analyst: AnalystGrade?, isVideoChannel: Bool) -> OutletGrade {
        let name = outlet ?? OutletGrade.noOutlet
        let entry = outlet.flatMap(entry(for:))
        let type = entry?.type ?? (isVideoChannel ? .videoChannel : nil)
        var grade = OutletGrade(outlet: name, type: type, reliability: unlisted, origin: .unlisted, note: entry?.note,
                                country: entry?.country)
        if let own = entry?.reliability {
            (grade.reliability, grade.origin) = (own, .pack)
        } else if let type, let byType = typeDefaults[type] {
            (grade.reliability, grade.origin) = (byType, .typeDefault)
        }
        if let analyst, let reliability = analyst.reliability {
            (grade.reliability, grade.origin, grade.note) = (reliability, .analyst, analyst.note)
            (grade.gradedBy, grade.gradedAt) = (analyst.author, analyst.gradedAt)
        }
        return grade
    }

    private static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }
}

/// Where an outlet's reliability comes from.
public enum GradeOrigin: String, Sendable, Codable, CaseIterable {
    /// An analyst graded it in the store (`outlets grade`).
    case analyst
    /// The pack's `sources.yaml` grades this outlet by name.
    case pack
    /// The pack's default for the outlet's type.
    case typeDefault = "type-default"
    /// Neither the pack nor an analyst knows it: reliability cannot be judged.
    case unlisted
}

/// An analyst's grade of an outlet as the store keeps it: who, when, which letter, why.
/// A nil ``reliability`` takes the outlet back to the pack's default.
public struct AnalystGrade: Sendable, Hashable, Codable {
    public var outlet: String
    public var reliability: Reliability?
    public var note: String?
    public var author: String?
    /// ISO 8601 date and time.
    public var gradedAt: String

    public init(outlet: String, reliability: Reliability?, note: String?, author: String?, gradedAt: String) {
        self.outlet = outlet
        self.reliability = reliability
        self.note = note
        self.author = author
        self.gradedAt = gradedAt
    }
}

/// An outlet's reliability as the views apply it, with where it comes from.
public struct OutletGrade: Sendable, Hashable, Codable {
    public var outlet: String
    /// The outlet's type; nil when neither the pack nor its documents tell it.
    public var type: OutletType?
    public var reliability: Reliability
    public var origin: GradeOrigin
    /// The analyst's note, else the pack's.
    public var note: String?
    public var country: String?
    /// Who graded it and when, for an analyst's grade.
    public var gradedBy: String?
    public var gradedAt: String?

    public init(outlet: String, type: OutletType?, reliability: Reliability, origin: GradeOrigin, note: String? = nil,
                country: String? = nil, gradedBy: String? = nil, gradedAt: String? = nil) {
        self.outlet = outlet
        self.type = type
        self.reliability = reliability
        self.origin = origin
        self.note = note
        self.country = country
        self.gradedBy = gradedBy
        self.gradedAt = gradedAt
    }

    /// The name listings use for documents without an outlet.
    public static let noOutlet = "(no outlet)"
}
