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

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
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
