import KremlinologyModel

/// Builds a normalised text and its passages together, so that every passage range is
/// exactly the bytes of its text. Readers that remove markup (Markdown, video notes,
/// HTML) write through it; blocks are separated by a blank line.
struct TextBuilder {
    /// The normalised text so far.
    var out: [UInt8] = []
    /// Passages so far.
    var passages: [Passage] = []
    /// The heading the next passages stand under.
    var section: String?

    private var blockStart = 0
    private var anchors: [TimestampAnchor] = []
    private var links: [TopicLink] = []

    init(capacity: Int) { out.reserveCapacity(capacity) }

    /// Starts a new block: a blank line after any text already written.
    mutating func beginBlock() {
        trimTrailingSpace()
        if !out.isEmpty {
            while let last = out.last, last == Bytes.newline { out.removeLast() }
            out.append(Bytes.newline)
            out.append(Bytes.newline)
        }
        blockStart = out.count
        anchors.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
    }

    /// Whether the current block has no text yet.
    var blockIsEmpty: Bool { out.count == blockStart }

    /// Appends one byte; a space is dropped at the start of a block or after another space.
    @inline(__always)
    mutating func append(_ b: UInt8) {
        if b == Bytes.space || b == Bytes.tab {
            if out.count == blockStart { return }
            let last = out[out.count - 1]
            if last == Bytes.space || last == Bytes.newline { return }
            out.append(Bytes.space)
            return
        }
        out.append(b)
    }

    /// Appends bytes one by one with the same space rule.
    mutating func append(_ s: [UInt8], _ lo: Int, _ hi: Int) {
        var i = lo
        while i < hi { append(s[i]); i += 1 }
    }

    /// Appends a string with the same space rule.
    mutating func append(_ s: String) {
        for b in s.utf8 { append(b) }
    }

    /// Starts a new line inside the current block (for multi-line paragraphs).
    mutating func newline() {
        trimTrailingSpace()
        if out.count > blockStart, out.last != Bytes.newline { out.append(Bytes.newline) }
    }

    /// Removes spaces at the end of the current block.
    mutating func trimTrailingSpace() {
        while out.count > blockStart, out[out.count - 1] == Bytes.space { out.removeLast() }
    }

    /// Records a timestamp at the current end of the text.
    mutating func addAnchor(timestamp: String, seconds: Int) {
        anchors.append(TimestampAnchor(offset: out.count, timestamp: timestamp, seconds: seconds))
    }

    /// Records a wiki link whose label was written from `start` to the current end.
    mutating func addLink(slug: String, labelStart: Int) {
        guard out.count > labelStart else { return }
        let label = Bytes.string(out, labelStart, out.count)
        links.append(TopicLink(slug: slug, label: label, range: TextRange(start: labelStart, end: out.count)))
    }

    /// Ends the current block as a passage of `kind` (nothing if it holds no text).
    /// A heading passage carries its own text as its section: set `section` first.
    mutating func endBlock(kind: PassageKind) {
        var end = out.count
        while end > blockStart, Bytes.isSpace(out[end - 1]) { end -= 1 }
        out.removeLast(out.count - end)
        guard end > blockStart else { return }
        let range = TextRange(start: blockStart, end: end)
        let clamped = anchors.map { a -> TimestampAnchor in
            var a = a
            a.offset = min(max(a.offset, blockStart), end)
            return a
        }
        passages.append(Passage(index: passages.count, range: range, section: section,
                                kind: kind, anchors: clamped, topicLinks: links))
        anchors.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        blockStart = out.count
    }

    /// The text of the last passage.
    var lastPassageText: String? {
        passages.last.map { Bytes.string(out, $0.range.start, $0.range.end) }
    }
}
