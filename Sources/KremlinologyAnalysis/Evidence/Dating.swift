import KremlinologyStore

/// When a relation happened, and how we know.
public struct Dating: Sendable, Codable, Hashable, Comparable {
    /// Where the date comes from.
    public enum Basis: String, Sendable, Codable {
        /// The text states when the event happened (`relation.time`).
        case stated
        /// The text does not say: the document's publication date stands in.
        case published
        /// Neither is known.
        case undated
    }

    /// The date as given (`2014`, `2024-11-08`), or nil when undated.
    public var date: String?
    /// Stated, publication date, or undated.
    public var basis: Basis

    /// Dates a stored relation: the stated time, else the document's date, else undated.
    public init(_ stored: StoredRelation) {
        if let time = stored.relation.time?.trimmingCharacters(in: .whitespaces), !time.isEmpty {
            self.init(date: time, basis: .stated)
        } else if let published = stored.published, !published.isEmpty {
            self.init(date: published, basis: .published)
        } else {
            self.init(date: nil, basis: .undated)
        }
    }

    public init(date: String?, basis: Basis) {
        self.date = date
        self.basis = basis
    }

    /// The year (four digits from 1800 to 2199 found in the date), else `undated`.
    public var period: String {
        guard let date else { return Self.undated }
        let chars = Array(date)
        var index = 0
        while index + 4 <= chars.count {
            let slice = chars[index..<index + 4]
            let boundaryBefore = index == 0 || !chars[index - 1].isNumber
            let boundaryAfter = index + 4 == chars.count || !chars[index + 4].isNumber
            if boundaryBefore, boundaryAfter, slice.allSatisfy(\.isASCII), slice.allSatisfy(\.isNumber),
               let year = Int(String(slice)), (1800...2199).contains(year) {
                return String(year)
            }
            index += 1
        }
        return Self.undated
    }

    /// The label of relations whose period is not known.
    public static let undated = "undated"

    /// What a timeline prints: `2014 (stated)`, `2021-02-16 (document date)`, `undated`.
    public var label: String {
        switch basis {
        case .stated: "\(date ?? "") (stated)"
        case .published: "\(date ?? "") (document date)"
        case .undated: Self.undated
        }
    }

    /// Sort key: a parsable year or ISO date first, in order; undated last.
    var sortKey: String {
        guard let date else { return "~" }
        let period = self.period
        if period == Self.undated { return "9999" + date }
        // `2014` sorts before `2014-03-18`; a stated time with words sorts after its year.
        return date.hasPrefix(period) ? date : period + " " + date
    }

    public static func < (lhs: Dating, rhs: Dating) -> Bool { lhs.sortKey < rhs.sortKey }
}
