import KremlinologyModel

/// What makes documents one *source* (issue 13: six notes of one video are one source, not
/// six): a shared video id, else near-identical text, else a shared URL, else the document.
/// Claims are counted per source, and a claim's corroboration is the number of sources that
/// state it.
///
/// Near-identical text is found with MinHash (Broder 1997) over word 5-shingles: 32 minimum
/// hashes, in 8 bands of 4. Two documents whose bands agree anywhere are compared on all 32
/// values; an estimated Jaccard similarity of at least ``nearDuplicateThreshold`` (0.8, the
/// usual bar for "the same text, re-published or lightly edited") makes them one source.
/// With 8 bands of 4, a pair at similarity 0.8 is found with probability 1 − (1 − 0.8⁴)⁸ ≈ 0.98,
/// a pair at 0.5 only ≈ 0.40 of the time, and then rejected by the full comparison.
public struct SourceIdentity: Sendable, Hashable {
    public static let hashes = 32
    public static let bands = 8
    public static let nearDuplicateThreshold = 0.8
    /// Texts shorter than this many words have too few shingles to compare reliably.
    public static let minimumWords = 25

    /// The minimum hashes; empty for texts too short to compare.
    public var signature: [UInt64]

    public init(text: String) {
        signature = Self.minHashes(of: text)
    }

    init(signature: [UInt64]) { self.signature = signature }

    /// The band keys other documents are looked up by: `b<band>:<hex of its 4 values>`.
    public var bandKeys: [String] {
        guard signature.count == Self.hashes else { return [] }
        let rows = Self.hashes / Self.bands
        return (0..<Self.bands).map { band in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in signature[band * rows..<(band + 1) * rows] { h = (h ^ value) &* 0x100_0000_01b3 }
            return "b\(band):" + String(h, radix: 16)
        }
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets.
    public func similarity(to other: SourceIdentity) -> Double {
        guard signature.count == Self.hashes, other.signature.count == Self.hashes else { return 0 }
        let equal = zip(signature, other.signature).filter { $0 == $1 }.count
        return Double(equal) / Double(Self.hashes)
    }

    /// The signature as stored: 32 hex numbers separated by spaces.
    public var stored: String { signature.map { String($0, radix: 16) }.joined(separator: " ") }

    public init(stored: String) {
        let values = stored.split(separator: " ").compactMap { UInt64($0, radix: 16) }
        signature = values.count == Self.hashes ? values : []
    }

    /// The key of a document's own source before near-duplicates are looked for.
    public static func ownKey(of document: Document) -> String {
        if let video = document.videoID, !video.isEmpty { return "video:" + video }
        if let url = document.url, let normalised = normalisedURL(url) { return "url:" + normalised }
        return "document:" + document.id
    }

    /// `https://www.Example.org/a/?utm_source=x#top` → `example.org/a`: scheme, `www.`, a
    /// trailing slash, the fragment and tracking parameters do not make another source.
    static func normalisedURL(_ url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        guard let scheme = rest.range(of: "://") else { return nil }
        rest = rest[scheme.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: [Substring] = []
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...].split(separator: "&").filter { !$0.lowercased().hasPrefix("utm_") }
            rest = rest[..<mark]
        }
        var host = rest.prefix { $0 != "/" }.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = String(rest.drop { $0 != "/" })
        while path.hasSuffix("/") { path.removeLast() }
        guard !host.isEmpty else { return nil }
        return host + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// MinHash over word 5-shingles (lower-cased letters and digits).
    private static func minHashes(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        var h: UInt64 = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                let folded = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
                h = (inWord ? h : 0xcbf2_9ce4_8422_2325) ^ UInt64(folded)
                h = h &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                words.append(h)
                inWord = false
            }
        }
        if inWord { words.append(h) }
        guard words.count >= minimumWords else { return [] }
        var minima = [UInt64](repeating: .max, count: hashes)
        for start in 0...(words.count - 5) {
            var shingle: UInt64 = 0x9e37_79b9_7f4a_7c15
            for w in words[start..<start + 5] { shingle = mix(shingle ^ w) }
            for k in 0..<hashes {
                let value = mix(shingle &+ UInt64(k) &* 0x9e37_79b9_7f4a_7c15)
                if value < minima[k] { minima[k] = value }
            }
        }
        return minima
    }

    /// SplitMix64's finaliser: a fast, well-mixing 64-bit hash step.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
