import Foundation

/// Folds the common romanisations of Russian, Ukrainian and Belarusian names onto one key, by
/// rule (issue 11 item 5, issue 13 item 8): diacritics (ë → e), yo/ye → e, a soft sign written
/// as i before e (ie, iie → e), kh → h, the endings y/i/ii/iy/yy/ey → i, -ev → -ov, -enka →
/// -enko (Belarusian and Russian forms), then double letters → one. So Gagloev and Gagloyev,
/// Zelensky, Zelenskyy and Zelenskiy, Kiriyenko and Kirienko, Soloviev and Solovyov, Dmitriev and
/// Dmitryev, Lukashenka and Lukashenko share a key; Solovey (Соловей) and Solovyov (Соловьёв),
/// two surnames, do not. Words shorter than ``minimumLength`` are
/// kept as they are. Two words with one key may be one name; whether they are one *person* is
/// for the caller to decide from the rest of the name (the extractor folds the given name too,
/// so "Valery Solovey" and "Vladimir Solovyov" stay apart; the search groups spellings within
/// one actor only).
public enum Transliteration {
    /// Words shorter than this are kept as they are.
    public static let minimumLength = 4

    /// The key of one word (any case).
    public static func key(_ word: String) -> String {
        var s = word.lowercased()
        if s.unicodeScalars.contains(where: { !$0.isASCII }) { s = s.folding(options: [.diacriticInsensitive], locale: nil) }
        guard s.count >= minimumLength, s.allSatisfy({ $0.isLetter }) else { return s }
        s = s.replacingOccurrences(of: "yo", with: "e").replacingOccurrences(of: "ye", with: "e")
            .replacingOccurrences(of: "kh", with: "h")
        // Soloviev, Dmitriev, Kiriienko: the soft sign before e written i (after yo/ye, so Kiriyenko too).
        while s.contains("ie") { s = s.replacingOccurrences(of: "ie", with: "e") }
        // y/i endings: Zelensky, Zelenskyy, Zelenskiy, Zelenskii, Sergey, Sergei.
        var chars = Array(s)
        var end = chars.count
        while end > 2, chars[end - 1] == "y" || chars[end - 1] == "i" { end -= 1 }
        if end < chars.count { chars = Array(chars[..<end]) + ["i"] }
        s = String(chars)
        if s.hasSuffix("ev") { s = String(s.dropLast(2)) + "ov" }
        if s.hasSuffix("enka") { s = String(s.dropLast(1)) + "o" }
        var out = ""
        for c in s where out.last != c { out.append(c) }
        return out
    }

    /// The key of a name of one word or more: each word's key, in order, joined by spaces
    /// ("Valery Solovei" and "Valeriy Solovey" share one; "Valery Solovey" and "Vladimir Solovey"
    /// do not, so that a key never joins people whose given names disagree).
    public static func nameKey(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { key(String($0)) }.joined(separator: " ")
    }
}
