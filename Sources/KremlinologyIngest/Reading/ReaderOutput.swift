import KremlinologyModel

/// What a format reader hands back to ``DocumentReader``: the normalised text, the
/// passages that index it, and the metadata it found.
struct ReaderOutput {
    var text: [UInt8]
    var passages: [Passage]
    var title: String?
    var outlet: String?
    var republisher: String?
    var author: String?
    var published: String?
    var url: String?
    var videoID: String?
    /// Why the text would come out empty, for the ``IngestError/noText(path:reason:)`` message.
    var whyEmpty: String?
}
