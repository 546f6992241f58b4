import KremlinologyModel

/// A passage's timestamp anchors as the `anchors` column keeps them: `OFFSET@SECONDS`, space
/// separated, when every timestamp is the canonical `HH:MM:SS` of its seconds (what the
/// readers write); JSON otherwise, and in rows written before this form (issue 14, item 5:
/// the JSON was 42 MB of the whole corpus's store, 6 MB in this form).
enum AnchorText {
    static func encode(_ anchors: [TimestampAnchor]) -> String {
        guard anchors.allSatisfy({ $0.timestamp == TimestampAnchor.clock($0.seconds) && $0.offset >= 0 && $0.seconds >= 0 }) else {
            return JSONText.anchors(anchors)
        }
        return anchors.map { "\($0.offset)@\($0.seconds)" }.joined(separator: " ")
    }

    /// The anchors of a stored value; none for a value that is neither form.
    static func decode(_ stored: String?) -> [TimestampAnchor] {
        guard let stored, !stored.isEmpty else { return [] }
        if stored.hasPrefix("[") { return JSONText.decode([TimestampAnchor].self, from: stored) ?? [] }
        var anchors: [TimestampAnchor] = []
        for pair in stored.split(separator: " ") {
            let parts = pair.split(separator: "@")
            guard parts.count == 2, let offset = Int(parts[0]), let seconds = Int(parts[1]) else { return [] }
            anchors.append(TimestampAnchor(offset: offset, timestamp: TimestampAnchor.clock(seconds), seconds: seconds))
        }
        return anchors
    }
}
