/// Spelling variants of names transliterated from Cyrillic, folded by rule (issue 11 item 5,
/// issue 13 item 8): Zelensky = Zelenskyy = Zelenskiy, Gagloev = Gagloyev, Kiriyenko =
/// Kirienko, Lukashenka = Lukashenko, Khodorkovsky = Hodorkovsky, Pyotr = Petr. Two words with
/// the same ``key(_:)`` may be one name; whether they are one *person* is for the caller to
/// decide from the rest of the name (a disagreeing given name keeps people apart).
public enum Transliteration {
    /// The folded form of one word: lower case without diacritics; `ë`, `yo` and `ye` as `e`;
    /// `kh` as `h`; doubled letters once; a final `iy`, `yy`, `ii`, `y` or `i` as `i`; a final
    /// `-enka` as `-enko` (Belarusian against Russian and Ukrainian forms); a final `-ov` as `-ev`.
    public static func key(_ word: String) -> String {
        var letters = Array(word.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "ë", "é", "è", "ê": return "e"
            case "á", "à", "â", "ä": return "a"
            case "í", "ì", "î", "ï": return "i"
            case "ó", "ò", "ô", "ö": return "o"
            case "ú", "ù", "û", "ü": return "u"
            case "ý", "ÿ": return "y"
            case "č": return "c"
            case "š": return "s"
            case "ž": return "z"
            default: return Character(scalar)
            }
        })
        letters = replacing(letters, ["y", "o"], with: ["e"])
        letters = replacing(letters, ["y", "e"], with: ["e"])
        letters = replacing(letters, ["k", "h"], with: ["h"])
        var single: [Character] = []
        for c in letters where single.last != c || !c.isLetter { single.append(c) }
        var folded = String(single)
        for (ending, replacement) in [("iy", "i"), ("yi", "i"), ("y", "i"), ("enka", "enko"), ("ov", "ev")]
        where folded.hasSuffix(ending) && folded.count > ending.count + 2 {
            folded = String(folded.dropLast(ending.count)) + replacement
            break
        }
        return folded
    }

    private static func replacing(_ letters: [Character], _ pattern: [Character], with replacement: [Character]) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(letters.count)
        var i = 0
        while i < letters.count {
            if i + pattern.count <= letters.count, Array(letters[i..<i + pattern.count]) == pattern {
                out += replacement
                i += pattern.count
            } else {
                out.append(letters[i])
                i += 1
            }
        }
        return out
    }
}
