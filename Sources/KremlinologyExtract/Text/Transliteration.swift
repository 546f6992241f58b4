import Foundation
import KremlinologyModel
import KremlinologySyntax

/// The extractor's use of ``KremlinologyModel/Transliteration``: token hashes of the folded
/// gazetteer, and a sentence's tokens with their capitalised words folded.
extension Transliteration {
    /// The hash a token of `word` gets in the folded gazetteer: its key's when it is a capitalised
    /// word of four letters or more, else the plain token hash.
    static func hash(_ word: String) -> UInt64 {
        guard let f = word.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(f), word.count >= minimumLength else {
            return WordHash.of(word)
        }
        return WordHash.of(key(word))
    }

    /// The sentence's tokens with the hash of every capitalised word replaced by its key's.
    static func fold(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        tokens.map { t in
            guard t.isWord, t.isCapitalized, t.end - t.start >= minimumLength else { return t }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[t.start..<t.end]), as: UTF8.self)
            var f = t
            f.hash = WordHash.of(key(word))
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
                givenNames[index, default: ([], [])].skeletons.insert(Transliteration.key(first))
                allGivenNames.insert(Transliteration.key(first))
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
