import ArgumentParser
import Foundation
import KremlinologyModel
import KremlinologyStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document: its metadata, then its passages with section and locator.",
        discussion: """
            DOC is a document id (or its first characters), a file name or a path.
            Examples:
              kremlinology show 000_e1470ed089bcd8ad.txt
              kremlinology show 000_e1470ed089bcd8ad.txt --text   # the text that every offset indexes
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Document id, id prefix, file name or path.") var doc: String
    @Flag(help: "Print only the normalised text that all offsets index.") var text = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        guard let stored = try corpus.document(matching: doc), let content = try corpus.content(ofDocument: stored.document.id) else {
            throw CommandError.notFound("no document matches \"\(doc)\"; list them with `kremlinology documents`")
        }
        if text {
            // The exact text the offsets index when piped; a terminal never gets its escapes.
            let shown = isatty(STDOUT_FILENO) != 0 ? Output.terminalSafe(content.text) : content.text
            return print(shown, terminator: content.text.hasSuffix("\n") ? "" : "\n")
        }
        let videoID = content.document.videoID
        if json {
            struct PassageView: Encodable {
                var index: Int, start: Int, end: Int, section: String?, kind: String, locator: Locator, topics: [String], text: String
            }
            struct DocumentView: Encodable { var document: StoredDocument, passages: [PassageView] }
            return try Output.json(DocumentView(document: stored, passages: content.passages.map { p in
                PassageView(index: p.index, start: p.range.start, end: p.range.end, section: p.section, kind: p.kind.rawValue,
                            locator: p.locator(at: p.range.start, videoID: videoID), topics: p.topicLinks.map(\.slug),
                            text: content.text.slice(p.range))
            }))
        }
        let d = content.document
        Output.line(d.title ?? d.fileName)
        for (label, value) in [("id", d.id), ("file", d.path), ("kind", d.kind.rawValue), ("outlet", d.outlet),
                               ("republisher", d.republisher), ("author", d.author), ("published", d.published), ("url", d.url)] {
            if let value { Output.line("  \(Output.pad(label + ":", 13))\(value)") }
        }
        Output.line("  \(Output.pad("size:", 13))\(Output.bytes(stored.byteCount)), \(stored.passageCount) passages, \(stored.relationCount) relations")
        var section: String?
        for passage in content.passages {
            if passage.section != section, let heading = passage.section {
                Output.line("\n## \(heading)")
            }
            section = passage.section
            let locator = passage.anchors.first.map { "[\($0.timestamp)]" } ?? "[¶\(passage.index + 1)]"
            let marker = passage.kind == .listItem ? "• " : passage.kind == .callout ? "> " : ""
            Output.line("\n\(locator) \(marker)\(content.text.slice(passage.range))")
            if !passage.topicLinks.isEmpty {
                Output.line("    topics: " + passage.topicLinks.map(\.slug).joined(separator: ", "))
            }
        }
    }
}
