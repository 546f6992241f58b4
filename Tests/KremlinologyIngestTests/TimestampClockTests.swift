import KremlinologyIngest
import KremlinologyModel
import Testing

/// Deep links that land: `MM:SS:00` notes are read as minutes and seconds, per document.
@Suite struct TimestampClockTests {
    static func note(_ stamps: [String]) throws -> IngestedDocument {
        let lines = stamps.enumerated().map { index, stamp in
            "- Point \(index) about Russia <a class=\"yt-timestamp\" data-t=\"\(stamp)\">[\(stamp)]</a>."
        }
        let text = "---\ntitle: Clock\nvideoId: abcdefghijk\n---\n\nFrom: [[chan]]\n\n" + lines.joined(separator: "\n") + "\n"
        return try Support.read(text, "clock.md")
    }

    static func seconds(_ doc: IngestedDocument) -> [Int] { doc.passages.flatMap(\.anchors).map(\.seconds) }

    @Test func minutesSecondsZeroNotesAreReadAsMinutesAndSeconds() throws {
        let doc = try Self.note(["02:10:00", "14:00:00", "27:45:00", "39:05:00"])
        #expect(Self.seconds(doc) == [130, 840, 1665, 2345])
        #expect(doc.passages.flatMap(\.anchors).map(\.timestamp) == ["00:02:10", "00:14:00", "00:27:45", "00:39:05"])
        let link = try #require(doc.passages.first?.locator(at: doc.passages[0].range.start, videoID: "abcdefghijk").url)
        #expect(link.hasSuffix("t=130s"), "\(link)")
    }

    /// Stamps whose hour reading runs past any video's length are minutes and seconds even
    /// when their last field is not 00.
    @Test func stampsPastSixHoursAreMinutesAndSeconds() throws {
        #expect(Self.seconds(try Self.note(["04:34:36", "07:50:09", "05:23:42"])) == [274, 470, 323])
    }

    @Test func ordinaryHoursMinutesSecondsStayAsTheyAre() throws {
        #expect(Self.seconds(try Self.note(["00:02:10", "00:14:03", "01:27:45"])) == [130, 843, 5265])
    }

    /// Stamps that could be either reading keep the hour reading: no single stamp decides.
    @Test func ambiguousWholeMinuteStampsKeepTheHourReading() throws {
        #expect(Self.seconds(try Self.note(["00:05:00", "00:12:00"])) == [300, 720])
        #expect(Self.seconds(try Self.note(["01:00:00"])) == [3600])
    }
}
