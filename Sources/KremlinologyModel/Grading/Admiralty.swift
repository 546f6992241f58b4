import Foundation

/// The NATO Admiralty code (STANAG 2511, also AJP-2.1): every source is graded for its
/// reliability (A–F) and every item of information for its credibility (1–6), independently.
/// A fact's grade is the two together, "B2" or "E5". docs/ANALYSIS.md ("Source grading") says
/// how Kremlinology computes both.

/// How far a source can be relied on, from its record: A (completely reliable) to E
/// (unreliable), and F when its reliability cannot be judged.
public enum Reliability: String, Sendable, Codable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    /// The meaning STANAG 2511 gives the letter.
    public var meaning: String {
        switch self {
        case .a: "completely reliable"
        case .b: "usually reliable"
        case .c: "fairly reliable"
        case .d: "not usually reliable"
        case .e: "unreliable"
        case .f: "reliability cannot be judged"
        }
    }

    /// The letter read case-insensitively ("e" is E); nil for anything else.
    public init?(letter: String) {
        self.init(rawValue: letter.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// A is the best: a grade passes a threshold letter when it is that letter or better.
    public static func < (a: Reliability, b: Reliability) -> Bool { a.rawValue < b.rawValue }

    /// What a user may type, for messages.
    public static let expectedForm = "one letter A–F (A completely reliable … E unreliable, F cannot be judged)"
}

/// How credible one item of information is: 1 (confirmed by other sources) to 5 (improbable),
/// and 6 when its truth cannot be judged.
public enum Credibility: Int, Sendable, Codable, CaseIterable, Comparable {
    case confirmed = 1, probablyTrue = 2, possiblyTrue = 3, doubtful = 4, improbable = 5, cannotBeJudged = 6

    /// The meaning STANAG 2511 gives the digit.
    public var meaning: String {
        switch self {
        case .confirmed: "confirmed by other sources"
        case .probablyTrue: "probably true"
        case .possiblyTrue: "possibly true"
        case .doubtful: "doubtful"
        case .improbable: "improbable"
        case .cannotBeJudged: "truth cannot be judged"
        }
    }

    /// 1 is the best: a grade passes a threshold digit when it is that digit or better.
    public static func < (a: Credibility, b: Credibility) -> Bool { a.rawValue < b.rawValue }
}

/// A fact's grade: its source's reliability and its own credibility, written "B2".
///
/// Encoded as that two-character string in JSON, so that `"grade": "E5"` reads as analysts write it.
public struct AdmiraltyGrade: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var reliability: Reliability
    public var credibility: Credibility

    public init(_ reliability: Reliability, _ credibility: Credibility) {
        self.reliability = reliability
        self.credibility = credibility
    }

    /// Reads "B3" (the letter in either case, then the digit); nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 2, let letter = trimmed.first, let digit = trimmed.last,
              let reliability = Reliability(letter: String(letter)),
              let value = Int(String(digit)), let credibility = Credibility(rawValue: value) else { return nil }
        self.init(reliability, credibility)
    }

    /// "B2".
    public var description: String { reliability.rawValue + String(credibility.rawValue) }

    /// "B2: source usually reliable, information probably true".
    public var meaning: String { "\(description): source \(reliability.meaning), information \(credibility.meaning)" }

    /// Whether this grade is at least as good as `minimum` on both scales: its letter is the
    /// minimum's or better AND its digit is the minimum's or better. `--min-grade B3` keeps
    /// A1 … B3 and drops C1 (a worse source) and A4 (a less credible item) alike.
    public func meets(_ minimum: AdmiraltyGrade) -> Bool {
        reliability <= minimum.reliability && credibility <= minimum.credibility
    }

    /// Ordered by reliability, then credibility: A1 first.
    public static func < (a: AdmiraltyGrade, b: AdmiraltyGrade) -> Bool {
        (a.reliability, a.credibility) < (b.reliability, b.credibility)
    }

    /// What a user may type for a minimum grade, for messages.
    public static let expectedForm = "a letter A–F (source reliability) then a digit 1–6 (credibility), e.g. B3"

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let grade = AdmiraltyGrade(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected \(Self.expectedForm), got \"\(text)\""))
        }
        self = grade
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
