/// Which links found in a document may become its URL. The URL is shown as a link by the
/// server and the CLI, so only what cannot lead a reader somewhere unexpected is kept:
/// absolute `http(s)` URLs with a host, and relative references that stay on the site that
/// shows them. Everything else is dropped (the document is still read, without a URL):
/// other schemes (`javascript:`, `data:`), protocol-relative `//host`, and anything with a
/// backslash, a space or a control character, which browsers rewrite (`/\host` and `/<TAB>/host`
/// both become `//host`).
enum LinkPolicy {
    /// `raw` if it is safe to show as a link, else nil.
    static func safeURL(_ raw: String) -> String? {
        let s = Array(raw.utf8)
        guard !s.isEmpty, s.count <= 4096 else { return nil }
        for b in s where b <= 0x20 || b == 0x7F || b == 0x5C { return nil } // controls, space, backslash
        if let colon = schemeEnd(s) {
            let scheme = String(decoding: s[0..<colon].map(Bytes.lower), as: UTF8.self)
            guard scheme == "http" || scheme == "https" else { return nil }
            let rest = colon + 1
            guard rest + 2 < s.count, s[rest] == 0x2F, s[rest + 1] == 0x2F else { return nil } // "https:host" is relative to the page
            let host = s[rest + 2]
            guard host != 0x2F, host != 0x3F, host != 0x23 else { return nil } // "https:///x": no host
            return raw
        }
        if s.count >= 2, s[0] == 0x2F, s[1] == 0x2F { return nil } // protocol-relative: another host
        return raw
    }

    /// The index of the colon that ends a URL scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), or nil.
    private static func schemeEnd(_ s: [UInt8]) -> Int? {
        guard let first = s.first, Bytes.isLetter(first) else { return nil }
        var i = 1
        while i < s.count {
            let b = s[i]
            if b == 0x3A { return i }
            guard Bytes.isLetter(b) || Bytes.isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E else { return nil }
            i += 1
        }
        return nil
    }

    /// `raw` if it can be a YouTube video id (letters, digits, `-` and `_`, at most 64), else nil:
    /// the id is put into the video's URL and every deep link.
    static func videoID(_ raw: String) -> String? {
        let s = Array(raw.utf8)
        guard !s.isEmpty, s.count <= 64 else { return nil }
        for b in s where !(Bytes.isLetter(b) || Bytes.isDigit(b) || b == 0x2D || b == 0x5F) { return nil }
        return raw
    }
}
