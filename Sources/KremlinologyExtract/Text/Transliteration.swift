import Foundation
import KremlinologyModel
import KremlinologySyntax

/// Folds the common romanisations of Russian, Ukrainian and Belarusian names onto one skeleton,
/// by rule: diacritics (ë → e), yo/ye → e, kh → h, the endings y/i/ii/iy/yy/ey → i, -ev → -ov,
/// -enka → -enko (Belarusian and Russian forms), then double letters → one. So Gagloev and
/// Gagloyev, Zelensky, Zelenskyy and Zelenskiy, Kiriyenko and Kirienko share a skeleton.
/// Only words of four letters or more are folded; the given name is folded too, so a name whose
/// given name differs ("Valery Solovey", "Vladimir Solovyov") never shares a skeleton with it.
enum Transliteration {
    /// Words shorter than this are kept as they are.
    static let minimumLength = 4

    /// The skeleton of one word (any case).
    static func skeleton(_ word: String) -> String {
        var s = word.lowercased()
        if s.unicodeScalars.contains(where: { !$0.isASCII }) { s = s.folding(options: [.diacriticInsensitive], locale: nil) }
        guard s.count >= minimumLength, s.allSatisfy({ $0.isLetter }) else { return s }
        s = s.replacingOccurrences(of: "yo", with: "e").replacingOccurrences(of: "ye", with: "e")
            .replacingOccurrences(of: "kh", with: "h")
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

    /// The hash a token of `word` gets in the folded gazetteer: its skeleton's when it is a capitalised
    /// word of four letters or more, else the plain token hash.
    static func hash(_ word: String) -> UInt64 {
        guard let f = word.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(f), word.count >= minimumLength else {
            return WordHash.of(word)
        }
        return WordHash.of(skeleton(word))
    }

    /// The sentence's tokens with the hash of every capitalised word replaced by its skeleton's.
    static func fold(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        tokens.map { t in
            guard t.isWord, t.isCapitalized, t.end - t.start >= minimumLength else { return t }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[t.start..<t.end]), as: UTF8.self)
            var f = t
            f.hash = WordHash.of(skeleton(word))
            return f
        }
    }
}

/// People's names keyed by transliteration skeleton, built with the pack. A skeleton that two
/// people share is ambiguous and kept by neither: folding never merges different people.
struct FoldedNames {
    private var entries: [UInt64: (hashes: [UInt64], ref: AliasRef)] = [:]
    private var ambiguous: Set<UInt64> = []
    private(set) var table = PhraseTable<AliasRef>()
    private(set) var givenNames: [Int: (initials: Set<Character>, skeletons: Set<String>)] = [:]
    /// Skeletons of every given name in the pack: a capitalised word before a surname is a given name only if it is one of these.
    private(set) var allGivenNames: Set<String> = []

    /// Adds a person's name, aliases and surname (a weak alias, as in the exact gazetteer).
    mutating func add(person a: KremlinologyModel.Actor, index: Int, surname: String?, tokens: (String) -> [String]) {
        for name in [a.name] + a.aliases {
            let words = tokens(name)
            add(words, ref: AliasRef(actor: index, demonym: false, acronym: false, capitalMask: 0, weak: false, folded: true))
            // The given name: the first word of a name of two words or more ("Vladimir" of "Vladimir Solovyov").
            if words.count >= 2, let first = words.first, let letter = first.first, letter.isUppercase, first.count > 1 {
                givenNames[index, default: ([], [])].initials.insert(Character(letter.uppercased()))
                givenNames[index, default: ([], [])].skeletons.insert(Transliteration.skeleton(first))
                allGivenNames.insert(Transliteration.skeleton(first))
            }
        }
        if let surname {
            add(tokens(surname), ref: AliasRef(actor: index, demonym: false, acronym: false, capitalMask: 1, weak: true, folded: true))
        }
    }

    private mutating func add(_ words: [String], ref: AliasRef) {
        guard !words.isEmpty, words.contains(where: { $0.count >= Transliteration.minimumLength }) else { return }
        let hashes = words.map(Transliteration.hash)
        var key: UInt64 = 0
        for h in hashes { key = WordHash.combine(key, h) }
        if let old = entries[key] {
            if old.ref.actor != ref.actor { ambiguous.insert(key) }
            return
        }
        entries[key] = (hashes, ref)
    }

    /// Fills `table` with the skeletons that name one person only.
    mutating func finish() {
        for (key, e) in entries where !ambiguous.contains(key) { table.insert(e.hashes, e.ref) }
    }
}
