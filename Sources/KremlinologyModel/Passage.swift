/// The role a passage plays in its document.
public enum PassageKind: String, Sendable, Codable {
    case paragraph
    case listItem = "list-item"
    /// An Obsidian callout (`> [!INFO]`) or a block quote.
    case callout
    case heading
}

/// A video timestamp that closed a sentence in the source, anchored in the normalised text.
public struct TimestampAnchor: Sendable, Hashable, Codable {
    /// Byte offset in the normalised text where the timestamp stood (the end of its sentence).
    public var offset: Int
    /// The timestamp as written, `HH:MM:SS`.
    public var timestamp: String
    /// The timestamp in seconds from the start of the video.
    public var seconds: Int

    public init(offset: Int, timestamp: String, seconds: Int) {
        self.offset = offset
        self.timestamp = timestamp
        self.seconds = seconds
    }

    /// The canonical `HH:MM:SS` of `seconds`, as the readers write timestamps.
    public static func clock(_ seconds: Int) -> String {
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}

/// Where in the source a piece of evidence is: a video timestamp or a paragraph number.
public struct Locator: Sendable, Hashable, Codable {
    /// `HH:MM:SS` for video notes.
    public var timestamp: String?
    /// Seconds from the start of the video.
    public var seconds: Int?
    /// 1-based paragraph number, for sources without timestamps.
    public var paragraph: Int?
    /// A link that opens the source at this place (`…watch?v=ID&t=768s`).
    public var url: String?

    public init(timestamp: String? = nil, seconds: Int? = nil, paragraph: Int? = nil, url: String? = nil) {
        self.timestamp = timestamp
        self.seconds = seconds
        self.paragraph = paragraph
        self.url = url
    }

    /// The short form printed next to quotes: the timestamp, else `¶N`.
    public var label: String {
        if let timestamp { return timestamp }
        if let paragraph { return "¶\(paragraph)" }
        return ""
    }

    /// The deep link to a YouTube video at `seconds`.
    public static func youTubeLink(videoID: String, seconds: Int) -> String {
        "https://www.youtube.com/watch?v=\(videoID)&t=\(seconds)s"
    }
}

/// An Obsidian wiki link `[[slug | label]]`: the label stays in the text, the slug is kept here.
public struct TopicLink: Sendable, Hashable, Codable {
    /// The link target, e.g. `geopolitical_tensions_and_russias_international_relationships`.
    public var slug: String
    /// The text shown, e.g. `hybrid warfare`.
    public var label: String
    /// Where the label stands in the normalised text.
    public var range: TextRange

    public init(slug: String, label: String, range: TextRange) {
        self.slug = slug
        self.label = label
        self.range = range
    }
}

/// A paragraph, list item or callout of a document, with its exact place in the normalised text.
public struct Passage: Sendable, Hashable, Codable {
    /// 0-based position among the document's passages.
    public var index: Int
    /// Byte range in the normalised text.
    public var range: TextRange
    /// The heading the passage stands under, if any.
    public var section: String?
    /// Paragraph, list item, callout or heading.
    public var kind: PassageKind
    /// Video timestamps that close the passage's sentences, in text order.
    public var anchors: [TimestampAnchor]
    /// Wiki links inside the passage.
    public var topicLinks: [TopicLink]

    public init(index: Int, range: TextRange, section: String? = nil, kind: PassageKind = .paragraph,
                anchors: [TimestampAnchor] = [], topicLinks: [TopicLink] = []) {
        self.index = index
        self.range = range
        self.section = section
        self.kind = kind
        self.anchors = anchors
        self.topicLinks = topicLinks
    }

    /// The locator of the text at byte `offset`: the first timestamp at or after it in this
    /// passage (the one that closes its sentence), else the last one, else the paragraph number.
    public func locator(at offset: Int, videoID: String?) -> Locator {
        let anchor = anchors.first(where: { $0.offset >= offset }) ?? anchors.last
        guard let anchor else { return Locator(paragraph: index + 1) }
        return Locator(timestamp: anchor.timestamp, seconds: anchor.seconds, paragraph: index + 1,
                       url: videoID.map { Locator.youTubeLink(videoID: $0, seconds: anchor.seconds) })
    }
}

/// The result of reading one file: the document, its normalised text and its passages.
public struct IngestedDocument: Sendable, Hashable {
    /// Metadata.
    public var document: Document
    /// The normalised text that every range indexes.
    public var text: String
    /// The file's text as read, before any markup was removed.
    public var rawText: String
    /// SHA-256 of the file's bytes, hex: decides whether a re-ingest is a no-op.
    public var contentHash: String
    /// Paragraphs, list items and callouts, in order, boilerplate excluded.
    public var passages: [Passage]

    public init(document: Document, text: String, rawText: String, contentHash: String, passages: [Passage]) {
        self.document = document
        self.text = text
        self.rawText = rawText
        self.contentHash = contentHash
        self.passages = passages
    }

    /// The passage containing byte `offset`, if any.
    public func passage(containing offset: Int) -> Passage? {
        var low = 0, high = passages.count
        while low < high {
            let mid = (low + high) / 2
            if passages[mid].range.end <= offset { low = mid + 1 } else { high = mid }
        }
        guard low < passages.count, passages[low].range.start <= offset else { return nil }
        return passages[low]
    }
}
