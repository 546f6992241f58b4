import KremlinologyModel

/// What makes two documents the same document, for a store deciding whether a file is a
/// duplicate of another. `Document.id` is the hash of the normalised text alone, so two
/// notes with one body but different videos, channels or timestamps share it, and the
/// second outlet's attribution would be lost if the store treated equal ids as duplicates.
/// This key covers the text and every piece of source metadata the reader found.
///
/// ```swift
/// let key = DocumentIdentity.key(of: ingested)  // 64 hex digits
/// ```
public enum DocumentIdentity {
    /// SHA-256 (hex) of the text, the kind, the metadata fields and every passage's timestamps
    /// and topic links, each field length-prefixed so that no two different documents can
    /// run together into the same bytes.
    public static func key(of ingested: IngestedDocument) -> String {
        let doc = ingested.document
        var bytes: [UInt8] = []
        func field(_ value: String?) {
            let utf8 = Array((value ?? "").utf8)
            bytes += Array(String(value == nil ? -1 : utf8.count).utf8) + [0x3A] + utf8 + [0x0A]
        }
        field(ingested.text)
        for value in [doc.kind.rawValue, doc.title, doc.outlet, doc.republisher, doc.author, doc.published, doc.url, doc.videoID] {
            field(value)
        }
        for passage in ingested.passages {
            for anchor in passage.anchors { field("\(passage.index) \(anchor.offset) \(anchor.seconds)") }
            for link in passage.topicLinks { field("\(passage.index) \(link.range.start) \(link.range.end) \(link.slug)") }
        }
        return SHA256.hex(of: bytes)
    }
}
