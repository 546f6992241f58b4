import Foundation

/// The query string of a request, decoded (`+` is a space, `%XX` a byte), with typed getters
/// that reject malformed values with a ``RequestError`` (400) naming the parameter.
public struct QueryParameters: Sendable {
    private var pairs: [(String, String)]

    /// Parses a raw query string (without the `?`).
    public init(_ raw: String?) {
        pairs = (raw ?? "").split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
        }
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    public func string(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.0 == name })?.1.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`, comma-separated values split, empty ones dropped.
    public func list(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.flatMap { $0.1.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every non-empty value of `name`, trimmed, not split (names may hold commas).
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A required string; a 400 naming it when absent.
    public func required(_ name: String) throws -> String {
        guard let value = string(name) else { throw RequestError.badRequest("missing query parameter '\(name)'") }
        return value
    }

    /// An integer in `range`, or `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = string(name) else { return defaultValue }
        guard let value = Int(raw) else {
            throw RequestError.badRequest("'\(name)' must be an integer, got '\(raw)'")
        }
        guard range.contains(value) else {
            throw RequestError.badRequest("'\(name)' must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    /// A value of a string enum, or nil when absent; a 400 listing the accepted values otherwise.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, uppercase: Bool = false) throws -> T?
    where T.RawValue == String {
        guard let raw = string(name) else { return nil }
        return try Self.parse(raw, name: name, as: type, uppercase: uppercase)
    }

    /// Every value of `name` parsed as `T`.
    public func choices<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, uppercase: Bool = false) throws -> [T]
    where T.RawValue == String {
        try list(name).map { try Self.parse($0, name: name, as: type, uppercase: uppercase) }
    }

    /// A boolean: `true`/`1`/`yes` or `false`/`0`/`no`.
    public func flag(_ name: String) throws -> Bool {
        guard let raw = string(name)?.lowercased() else { return false }
        switch raw {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw RequestError.badRequest("'\(name)' must be true or false, got '\(raw)'")
        }
    }

    /// `rollup=states` (or `true`/`1`, as the network page's checkbox sends): fold people into
    /// their states; absent, `false` or `0`: do not; anything else is a 400 naming the choices.
    /// `reviewed=only` hides open-world (unreviewed) actors and their relations; `reviewed=all`,
    /// or no parameter, shows them, marked.
    public func reviewedOnly() throws -> Bool {
        guard let raw = string("reviewed")?.lowercased() else { return false }
        switch raw {
        case "only": return true
        case "all": return false
        default: throw RequestError.badRequest("'reviewed' must be 'only' (hide unreviewed actors) or 'all', got '\(raw)'")
        }
    }

    public func rollUp() throws -> Bool {
        guard let raw = string("rollup")?.lowercased() else { return false }
        if raw == "states" { return true }
        if raw == "none" { return false }
        // Otherwise the words of a flag, as the network page's checkbox sends them.
        do {
            return try flag("rollup")
        } catch {
            throw RequestError.badRequest("'rollup' must be 'states' (fold people into their states) or 'false', got '\(raw)'")
        }
    }

    /// An ISO date prefix (`2014`, `2021-02`, `2024-11-08`) naming a real month and day, or
    /// nil when absent; `2014-13-45` is a 400 naming the parameter.
    public func datePrefix(_ name: String) throws -> String? {
        guard let raw = string(name) else { return nil }
        let pattern = #"^\d{4}(-\d{2}(-\d{2})?)?$"#
        let parts = raw.split(separator: "-").compactMap { Int($0) }
        guard raw.range(of: pattern, options: .regularExpression) != nil, Self.isCalendarDate(parts) else {
            throw RequestError.badRequest("'\(name)' must be a date such as 2014, 2021-02 or 2024-11-08, got '\(raw)'")
        }
        return raw
    }

    /// Whether year, month and day (the last two optional) exist in the Gregorian calendar.
    static func isCalendarDate(_ parts: [Int]) -> Bool {
        guard let year = parts.first else { return false }
        guard parts.count > 1 else { return true }
        let month = parts[1]
        guard (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(parts[2])
    }

    private static func parse<T: RawRepresentable & CaseIterable>(_ raw: String, name: String, as type: T.Type, uppercase: Bool) throws -> T
    where T.RawValue == String {
        let key = uppercase ? raw.uppercased() : raw.lowercased()
        guard let value = T(rawValue: key) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw RequestError.badRequest("unknown \(name) '\(raw)'; accepted: \(accepted)")
        }
        return value
    }
}
