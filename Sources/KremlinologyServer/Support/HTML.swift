import KremlinologyModel

/// A fragment of HTML whose interpolated strings are escaped.
///
/// Every view builds its markup as `HTML` values, so text from documents, actor names and
/// query parameters can only enter a page through ``Escape/html(_:)``:
///
/// ```swift
/// let name = "<script>alert(1)</script>"
/// let item: HTML = "<li>\(name)</li>"   // <li>&lt;script&gt;alert(1)&lt;/script&gt;</li>
/// let list: HTML = "<ul>\(items)</ul>"  // [HTML] and HTML are inserted as they are
/// ```
public struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Markup written by the program itself, inserted without escaping.
    public init(trusted markup: String) { rendered = markup }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    public var description: String { rendered }

    /// `url` when it is safe to put in an `href`: a path on this server or an http(s) link;
    /// `javascript:`, `data:` and any other scheme give nil.
    public static func safeURL(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return url }
        if url.hasPrefix("/"), !url.hasPrefix("//") { return url }
        return nil
    }

    /// Joins fragments with `separator` (trusted markup).
    public static func join(_ parts: [HTML], separator: String = "") -> HTML {
        HTML(trusted: parts.map(\.rendered).joined(separator: separator))
    }

    /// Builds markup where strings are escaped and `HTML` values inserted as they are.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ text: String) { output += Escape.html(text) }
        public mutating func appendInterpolation(_ text: String?) { output += Escape.html(text ?? "") }
        public mutating func appendInterpolation(_ markup: HTML) { output += markup.rendered }
        public mutating func appendInterpolation(_ markups: [HTML]) { for markup in markups { output += markup.rendered } }
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }
        public mutating func appendInterpolation(_ number: Double, decimals: Int = 1) {
            output += Escape.html(Formatting.number(number, decimals: decimals))
        }
    }
}

import Foundation

extension HTML: Equatable {}

/// Number and URL formatting shared by the views and the API.
public enum Formatting {
    /// `number` with `decimals` digits after the point, without locale effects.
    public static func number(_ number: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", number)
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    public static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// `path?key=value&…` with each value percent-encoded; nil values are left out.
    public static func link(_ path: String, _ query: [(String, String?)]) -> String {
        let parts = query.compactMap { key, value in value.map { "\(key)=\(queryValue($0))" } }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}
