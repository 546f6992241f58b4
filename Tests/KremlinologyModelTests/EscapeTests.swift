import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KremlinologyModel
import Testing

/// The one escaper of each format, on the hostile text the views and exports meet.
@Suite struct EscapeTests {
    static let hostile = "<script>alert('x')</script> & \"quoted\" \u{1}\u{1B}[2J\u{2028}end\nline"

    @Test func htmlEscapesMarkupAndDropsControls() {
        let escaped = Escape.html(Self.hostile)
        #expect(escaped == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; [2J\u{2028}end\nline")
        #expect(!escaped.contains("<") && !escaped.contains("'") && !escaped.contains("\u{1B}"))
    }

    @Test func xmlUsesItsOwnApostropheAndStaysWellFormed() throws {
        let escaped = Escape.xml(Self.hostile)
        #expect(escaped.contains("&apos;x&apos;") && !escaped.contains("\u{1}"))
        let document = "<a v=\"\(escaped)\">\(escaped)</a>"
        let parsed = try XMLDocument(xmlString: document)
        #expect(parsed.rootElement()?.stringValue == Self.hostile.replacingOccurrences(of: "\u{1}", with: "")
            .replacingOccurrences(of: "\u{1B}", with: ""))
    }

    @Test func jsonRoundTripsEveryCharacter() throws {
        for text in [Self.hostile, "", "\\", "\u{0}\u{1F}", "Путин 😀", "\u{2029}"] {
            let literal = Escape.json(text)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(decoded == [text], "\(literal)")
            #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
        }
    }

    @Test func markdownTextCannotBecomeMarkup() {
        #expect(Escape.markdown("[x](javascript:alert(1)) *b* <i>\n# h") == "\\[x\\](javascript:alert(1)) \\*b\\* \\<i\\> \\# h")
    }

    @Test func dotQuotesAndEscapesLineBreaks() {
        #expect(Escape.dot("a \"b\"\\\nc") == "\"a \\\"b\\\"\\\\\\nc\"")
    }

    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        #expect(Escape.csv("plain") == "plain")
        #expect(Escape.csv("a,b \"c\"\nd") == "\"a,b \"\"c\"\"\nd\"")
        #expect(Escape.csv("crlf\r\n") == "\"crlf\r\n\"")
    }
}
