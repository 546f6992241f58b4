/// What the plain-text readers know about sites: outlet names for site names, and the lines
/// that are site furniture rather than text. Kept together here so an analyst can read and
/// extend the lists; the readers hold only the mechanisms.
enum SiteRules {
    /// Site or agency names as printed (lower case, without `www.`) → outlet name.
    static let outletNames: [String: String] = [
        "rt.com": "RT", "rt": "RT", "russia today": "RT",
        "21cir.com": "The 21st Century", "21cir": "The 21st Century", "the 21st century": "The 21st Century",
        "unn": "UNN", "unn.ua": "UNN", "unn.com.ua": "UNN",
        "tass": "TASS", "tass.com": "TASS", "tass.ru": "TASS",
        "sputniknews.com": "Sputnik", "sputnik": "Sputnik",
        "globalsecurity.org": "GlobalSecurity", "understandingwar.org": "ISW",
        "institute for the study of war": "ISW", "meduza.io": "Meduza",
        "reuters.com": "Reuters", "apnews.com": "AP", "bbc.com": "BBC", "bbc.co.uk": "BBC",
        "theguardian.com": "The Guardian", "aljazeera.com": "Al Jazeera",
        "kyivindependent.com": "The Kyiv Independent", "rferl.org": "RFE/RL",
        "ukrinform.net": "Ukrinform", "interfax.com": "Interfax", "kommersant.ru": "Kommersant",
    ]

    /// Prefixes (lower case) of lines that name the publisher: `Published by Rt.com`.
    static let publishedByPrefixes = ["published by ", "originally published by ", "originally published at ",
                                      "originally published on ", "first published by ", "source: "]
    /// Prefixes (lower case) of lines that name a republisher: `Republished by The 21st Century`.
    static let republishedByPrefixes = ["republished by ", "reposted by ", "reprinted by "]

    /// Prefixes (lower case) of lines that are site furniture: no passage is made of them.
    static let boilerplatePrefixes = [
        "sharing is caring", "leave a reply", "leave a comment", "share this", "share on ",
        "the views expressed in this article", "the views expressed are", "the opinions expressed",
        "subscribe to", "follow us", "join the mailing list", "click here", "related posts",
        "related articles", "read more", "you may also like", "all rights reserved", "copyright ©",
        "page last modified", "last modified:", "advertisement",
    ]

    /// Endings (lower case) of a site's banner line: `… Jobs - JOIN NOW`.
    static let bannerSuffixes = ["- join now", "- sign up", "- subscribe", "- subscribe now", "- register now", "- learn more"]

    /// Whether the line `s[a..<e]` ends like a banner (ASCII case ignored).
    static func isBanner(_ s: [UInt8], _ a: Int, _ e: Int) -> Bool {
        guard e - a <= 200 else { return false }
        return bannerSuffixes.contains { suffix in
            let count = suffix.utf8.count
            return e - a >= count && Bytes.hasPrefix(s, at: e - count, suffix, end: e)
        }
    }

    /// Prefixes (lower case) of lines that carry the page's date.
    static let datePrefixes = ["page last modified:", "last modified:", "published:", "published on",
                               "date:", "posted on", "updated:"]

    /// The first two bytes of every furniture prefix: a line starting otherwise is none of them,
    /// which lets the readers skip the costlier test on almost every line.
    static let furnitureLeads: Set<UInt16> = {
        let prefixes = publishedByPrefixes + republishedByPrefixes + boilerplatePrefixes + datePrefixes
        return Set(prefixes.map { prefix in
            let b = Array(prefix.utf8)
            return UInt16(Bytes.lower(b[0])) << 8 | UInt16(Bytes.lower(b[1]))
        })
    }()

    /// The outlet name for a site or agency as printed.
    static func outlet(for printed: String) -> String {
        var key = printed.trimmingASCIISpaces.lowercased()
        while key.hasSuffix(".") { key.removeLast() }
        if key.hasPrefix("www.") { key.removeFirst(4) }
        if key.hasPrefix("https://") { key.removeFirst(8) } else if key.hasPrefix("http://") { key.removeFirst(7) }
        if key.hasPrefix("www.") { key.removeFirst(4) }
        if let slash = key.firstIndex(of: "/") { key = String(key[..<slash]) }
        if let name = outletNames[key] { return name }
        var name = printed.trimmingASCIISpaces
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}
