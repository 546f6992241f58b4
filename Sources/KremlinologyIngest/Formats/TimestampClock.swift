import KremlinologyModel

/// Reads a note's timestamps on the clock its writer used.
///
/// About 8% of the notes write minutes and seconds with a third field, `MM:SS:00` (or
/// `MM:SS:SS`): `data-t="14:00:00"` in a 40-minute video, which read as hours sends a deep
/// link hours past the video's end. The reading is decided per document, from all its
/// timestamps together, never from one. A note is read as minutes and seconds when every
/// timestamp has three fields, the middle one a valid seconds value, and either
///   - read as hours, some timestamp would lie past ``plausibleVideoSeconds`` (6 h), or
///   - every timestamp ends in `00`, none starts above 59, and the first fields are too
///     spread for hours (the largest is 6 or more, or three distinct values in three or more).
/// Notes whose stamps could be either (`00:05:00`, `00:12:00`, one `01:00:00`) keep hours.
enum TimestampClock {
    /// No video of the corpus is longer: a timestamp past it is misread.
    static let plausibleVideoSeconds = 6 * 3600

    /// `passages` with their anchors read as minutes and seconds when the document's
    /// timestamps follow that pattern; unchanged otherwise.
    static func normalised(_ passages: [Passage]) -> [Passage] {
        let fields = passages.flatMap(\.anchors).map { $0.timestamp.split(separator: ":").compactMap { Int($0) } }
        guard !fields.isEmpty, fields.allSatisfy({ $0.count == 3 && $0[1] <= 59 }) else { return passages }
        let pastPlausible = fields.contains { $0[0] * 3600 + $0[1] * 60 + $0[2] > plausibleVideoSeconds }
        let firsts = fields.map { $0[0] }
        let wholeMinutes = fields.allSatisfy { $0[2] == 0 && $0[0] <= 59 }
            && ((firsts.max() ?? 0) >= 6 || (fields.count >= 3 && Set(firsts).count >= 3))
        guard pastPlausible || wholeMinutes else { return passages }
        return passages.map { passage in
            var passage = passage
            passage.anchors = passage.anchors.map { anchor in
                let parts = anchor.timestamp.split(separator: ":").compactMap { Int($0) }
                let seconds = parts[0] * 60 + parts[1]
                return TimestampAnchor(offset: anchor.offset, timestamp: TimestampAnchor.clock(seconds), seconds: seconds)
            }
            return passage
        }
    }
}
