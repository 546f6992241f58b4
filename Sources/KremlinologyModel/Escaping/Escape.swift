/// The escapers of every text format Kremlinology writes, one per format. Document text is
/// untrusted: every string from the corpus that enters an export, a report, a page or a JSON
/// document passes through one of these, and nowhere else is escaping written.
public enum Escape {
    /// XML character data and attribute values: `& < > " '` become entities, and characters
    /// XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF) are dropped.
    public static func xml(_ text: String) -> String {
        entities(text, apostrophe: "&apos;")
    }

    /// HTML text and quoted attribute values: `& < > " '` become entities (`'` as `&#39;`,
    /// which every HTML version reads), and the control characters HTML forbids are dropped.
    public static func html(_ text: String) -> String {
        entities(text, apostrophe: "&#39;")
    }

    /// A JSON string literal, quotes included: `"` `\` and controls escaped, and U+2028/U+2029
    /// too, so that the JSON is also safe inside a `<script>` or a JavaScript string.
    public static func json(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Markdown text that stays text: the characters Markdown (and Obsidian) read as syntax
    /// are backslash-escaped, and line breaks become spaces so that no text starts a block.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A Graphviz double-quoted ID: backslashes and quotes escaped, line breaks as `\n`.
    public static func dot(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": continue
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An RFC 4180 CSV field: quoted when it holds a comma, quote or line break, quotes doubled.
    public static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    private static func entities(_ text: String, apostrophe: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
