import Foundation
import KremlinologyModel

/// Issue 13 item 8: a search for "Lukashenka" finds "Lukashenko" where the pack knows the
/// actor. The words of every actor's name and aliases are grouped by their transliteration
/// key (``Transliteration/key(_:)``); a searched word that is one of them is looked for in
/// all the spellings the pack gives that actor's name, and only those, so that ordinary
/// words never change meaning.
struct NameVariants: Sendable {
    /// For each spelling (lower case) the other spellings of the same name in the pack.
    private var variants: [String: [String]] = [:]

    init(_ actors: [Actor] = []) {
        var byKey: [String: Set<String>] = [:]
        for actor in actors {
            var words = Set<String>()
            for name in [actor.name] + actor.aliases {
                for word in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where word.count >= 4 {
                    words.insert(word.lowercased())
                }
            }
            // Variants are grouped within one actor: two actors never lend each other spellings.
            var mine: [String: Set<String>] = [:]
            for word in words { mine[Transliteration.key(word), default: []].insert(word) }
            for (key, spellings) in mine where spellings.count > 1 {
                byKey[actor.name + "\u{1}" + key, default: []].formUnion(spellings)
            }
        }
        for spellings in byKey.values {
            for word in spellings { variants[word, default: []] += spellings.subtracting([word]).sorted() }
        }
        for (word, list) in variants { variants[word] = Array(Set(list)).sorted() }
    }

    /// The other spellings of `word` that the pack gives one of its actors, in order.
    func alternatives(of word: String) -> [String] { variants[word.lowercased()] ?? [] }
}

/// The name variants of the actors a store holds, rebuilt when the store changes.
final class NameVariantsCache: @unchecked Sendable {
    private var token: String?
    private var value = NameVariants()
    private let lock = NSLock()

    func variants(token: String, load: () throws -> [Actor]) rethrows -> NameVariants {
        lock.lock()
        defer { lock.unlock() }
        if self.token != token {
            value = NameVariants(try load())
            self.token = token
        }
        return value
    }
}
