import Foundation
import KremlinologyModel

/// Writing to the terminal: JSON for scripts, aligned text for people.
enum Output {
    /// Prints `value` as pretty, key-sorted JSON.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes a line to standard error (control characters removed).
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((terminalSafe(line) + "\n").utf8))
    }

    /// Prints a line of untrusted text (titles, file names, quotes) to standard output with
    /// its control characters removed, as ``terminalSafe(_:)`` does.
    /// After a listing: says how many of how many were shown and how to see the rest, so that
    /// no listing is ever cut silently.
    /// `total` is asked (a count query) only for a full page: a shorter one ends the listing,
    /// so its total is `offset + count`.
    static func shown(_ count: Int, offset: Int, limit: Int, noun: String, next: String, total: () throws -> Int) rethrows {
        let total = count < limit ? offset + count : try total()
        guard count < total else { return }
        let range = count == 0 ? "none" : "\(offset + 1)–\(offset + count)"
        line("\nShowing \(range) of \(total) \(noun)" + (offset + count < total ? "; the next ones with \(next) \(offset + count)" : "") + ".")
    }

    static func line(_ text: String = "", terminator: String = "\n") {
        print(terminalSafe(text), terminator: terminator)
    }

    /// `text` without control characters (C0 but tab and line feed, DEL, C1): document text
    /// is untrusted, and `ESC]0;…BEL` or `ESC[2J` would retitle or clear the user's terminal.
    static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isControl(scalar) { out.append(scalar) }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v)
    }

    /// Pads `text` to `width` characters (never cuts it).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Shortens `text` to at most `width` characters on one line.
    static func clip(_ text: String, _ width: Int) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…"
    }

    /// A byte count for people: 1.2 MB.
    static func bytes(_ count: Int) -> String {
        if count >= 1_000_000 { return String(format: "%.1f MB", Double(count) / 1_000_000) }
        if count >= 1_000 { return String(format: "%.1f kB", Double(count) / 1_000) }
        return "\(count) B"
    }

    /// The locator of a quote as printed next to it: `00:24:29 https://…&t=1469s`, or `¶3`.
    static func locator(_ locator: Locator) -> String {
        [locator.label, locator.url ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension Output {
    /// Writes `text` to the file at `path` and says so.
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("Wrote \(path)")
    }
}
