/// What kind of source a document was read from; decides which reader handled it.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// Markdown notes made from a video transcript, with YAML front matter and timestamps.
    case videoNote = "video-note"
    /// A news or think-tank article saved as text.
    case article
    /// A reference web page saved as text, with navigation menus and banners.
    case webPage = "web-page"
    /// An HTML file.
    case html
    /// A Markdown file that is not a video note.
    case markdown
    /// Plain text of no recognised shape.
    case text
}

/// One ingested file, as ONTOLOGY.md defines it.
public struct Document: Sendable, Hashable, Codable {
    /// Stable id: the first 16 hex digits of the SHA-256 of the normalised text.
    public var id: String
    /// The path as it was given to `ingest`.
    public var path: String
    /// The file name without directories: what exports call `document`.
    public var fileName: String
    /// The title, from front matter, `<title>` or the first line.
    public var title: String?
    /// Which reader produced the document.
    public var kind: DocumentKind
    /// Who published it: a channel for video notes, a site or agency for articles.
    public var outlet: String?
    /// A site that republished an article first published by `outlet`.
    public var republisher: String?
    /// Author, when the source names one.
    public var author: String?
    /// Publication date as ISO 8601 (`2021-02-16`), when known.
    public var published: String?
    /// Where the document lives on the web; for a video note the video's page.
    public var url: String?
    /// The video id of a video note, used to build timestamp deep links.
    public var videoID: String?

    /// Creates a document record.
    public init(id: String, path: String, fileName: String, title: String? = nil, kind: DocumentKind,
                outlet: String? = nil, republisher: String? = nil, author: String? = nil,
                published: String? = nil, url: String? = nil, videoID: String? = nil) {
        self.id = id
        self.path = path
        self.fileName = fileName
        self.title = title
        self.kind = kind
        self.outlet = outlet
        self.republisher = republisher
        self.author = author
        self.published = published
        self.url = url
        self.videoID = videoID
    }
}
