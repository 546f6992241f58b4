import Foundation
import KremlinologyModel
import KremlinologySyntax
/// A region, city or territory of the places list, and the state it belongs to (as the pack names it).
struct Place: Sendable, Hashable {
    /// The name a relation's location takes (the first spelling of its line).
    var name: String
    /// The canonical name of the state, an actor of the pack.
    var state: String
}

/// The closed word lists of `cues.tsv`: modality, negation, attribution, roles, generic agents
/// and the function words that clause analysis needs. Each kind is a phrase table or a word set.
struct Cues: Sendable {
    var negation = PhraseTable<Int>()
    var reported = PhraseTable<Int>()
    var expected = PhraseTable<Int>()
    var hypothetical = PhraseTable<Int>()
    /// Speech and belief verbs and phrases; value 1 = the speaker follows (`according to X`).
    var speech = PhraseTable<Int>()
    /// Role nouns → role names of `Affiliation.role` (`president` → `head of state`).
    var roles = PhraseTable<String>()
    /// Generic agents (police, rebels, officials) usable as unnamed actors.
    var agents = PhraseTable<String>()
    /// The agents (lower-case phrases) that name a body, office or people of some actor ("government",
    /// "troops", "leaders"): an actor only through the owner the parse gives them.
    var ownedAgents: [String: Ownership] = [:]

    /// Who may own an owned agent: any actor, or (`private`) none through a demonym alone.
    enum Ownership: Sendable { case byState, privately }
    /// Phrases naming a video's narrator (`the speaker`).
    var speaker = PhraseTable<Int>()
    var personPronouns: U64Set = []
    var groupPronouns: U64Set = []
    /// Words that end a clause for source/target search (`but`, `while`, `;`).
    var boundaries: U64Set = []
    /// Relative pronouns (`who`, `which`, `whom`): their antecedent can stand in for them.
    var relatives: U64Set = []
    var prepositions: U64Set = []
    /// Topic prepositions (`regarding`, `with respect to`): a mention after one may be the target of an otherwise target-less predicate.
    var topics = PhraseTable<Int>()
    var beAux: U64Set = []
    /// Words skipped inside a noun phrase (determiners, quantifiers).
    var determiners: U64Set = []
    /// Capitalised words that are not names (sentence openers, days, function words).
    var stopwords: U64Set = []
    /// Lower-cased words that are names only when capitalised (`turkey`, `chad`).
    var capitalOnly: Set<String> = []
    /// Abbreviations whose '.' does not end a sentence (`mr`, `gen`, `jan`).
    var abbreviations: U64Set = []
    /// Month names and abbreviations → 1...12.
    var months = U64Map<Int>()
    /// Coordinators that join actors in a list (`and`, `or`, `as well as`).
    var coordinators = PhraseTable<Int>()
    /// Pledges ("will", "pledged to"): with a cooperative predicate they state intent to cooperate (AGREE).
    var intent = PhraseTable<Int>()
    /// Obligation modals ("must", "should"): in reported speech they make a demand.
    var obligation = PhraseTable<Int>()
    /// Quantity nouns before "of" ("thousands of students"): the phrase after them can be a subject.
    var quantifiers: U64Set = []
    /// Last words of capitalised phrases that name events, places or documents, not actors ("… War", "… Day").
    var nonActorHeads: U64Set = []
    /// Given names: a capitalised name the pack does not know that starts with one names a person.
    var givenNames: U64Set = []
    /// Words that make a capitalised name an organisation (`Ministry`, `Party`, `Bank`) or a state (`Republic`).
    var organizationHeads: U64Set = []
    var stateHeads: U64Set = []
    /// Words that set the modality of the predicate they modify, or of a predicate under the word they
    /// modify, read in the dependency tree ("did *not* invade", "*could* attack", "*no* invasion").
    var scopeModifiers: [String: Modality] = [:]
    /// Verbs and nouns whose complement a predicate is, keyed `lemma`, `lemma preposition` or
    /// `lemma particle`: "*refused* to invade", "*opted against* an invasion", "*denied* that …".
    var scopeGovernors: [String: ScopeEffect] = [:]
    /// Marks of condition clauses (`if`, `unless`).
    var conditions: Set<String> = []
    /// Roles (values of the `role` kind) that state a structural tie: `adviser` → ADVISER_OF.
    var ties: [String: StructuralTieType] = [:]
    /// Relation types whose events are mutual ("A and B signed a memorandum"): with coordinated subjects
    /// and no target, the first subject relates to the others, whatever the entry's own `sym` option.
    var symmetricTypes: Set<RelationType> = []
    /// Words joining a tie's role to its principal: "adviser *to* Putin".
    var tieLinks: U64Set = []
    /// Verbs stating that the holder has the role: "X *is* an adviser", "X *served as* an aide".
    var tieCopulas = PhraseTable<Int>()
    /// Modifiers that put a tie in the past: "a *former* adviser", "a *one-time* aide".
    var tiePast = PhraseTable<Int>()
    /// Regions, cities and territories → the state they belong to (`cues-places.tsv`): places,
    /// never open-world actors ("Crimea", "Bakhmut", "Kaliningrad"). A relation whose target is
    /// one goes to its state, with the place as its location.
    var places = PhraseTable<Place>()
    /// Where each place line stands and the state it names, for the pack to check that the
    /// state is one of its actors.
    var placeLines: [(file: String, line: Int, state: String)] = []
    /// Nouns (lemmas) whose place stands for itself, not for its state: "the *independence* of
    /// Luhansk", "Bougainville's *referendum*", "on Gaza's *behalf*".
    var placeItself: Set<String> = []
    /// Names an analyst dismissed (`curation dismiss`): never open-world actors.
    var notActors = PhraseTable<Int>()

    static func build(_ lines: [(file: String, line: Int, columns: [String])]) throws -> Cues {
        var c = Cues()
        for (file, line, cols) in lines {
            let kind = cols[0].lowercased(), phrase = cols[1], value = cols.count > 2 ? cols[2] : ""
            // Kinds read as sets of single tokens: a phrase of several tokens there would stand for its
            // first word alone ("with respect to" making every "with" a topic), so it is refused.
            func word() throws -> UInt64 {
                let hashes = PhraseTable<Int>.hashes(of: phrase)
                guard hashes.count == 1 else {
                    throw PackError(file: file, line: line, message: "a \(kind) cue is one word, but \"\(phrase)\" is \(hashes.count) tokens; "
                                    + "write it as words of their own, or under a kind that takes phrases (topic, tie-past, negation, speech, …)")
                }
                return hashes[0]
            }
            switch kind {
            case "negation": c.negation.insert(phrase: phrase, 1)
            case "reported": c.reported.insert(phrase: phrase, 1)
            case "expected": c.expected.insert(phrase: phrase, 1)
            case "hypothetical": c.hypothetical.insert(phrase: phrase, 1)
            case "speech": c.speech.insert(phrase: phrase, value == "speaker-after" ? 1 : 0)
            case "role": c.roles.insert(phrase: phrase, value.isEmpty ? phrase : value)
            case "agent": c.agents.insert(phrase: phrase, value.isEmpty ? phrase : value)
            case "owned-agent":
                guard value.isEmpty || value == "private" else {
                    throw PackError(file: file, line: line, message: "an owned agent takes no value, or \"private\" (a demonym does not make a state its owner)")
                }
                c.agents.insert(phrase: phrase, phrase)
                c.ownedAgents[phrase.lowercased()] = value == "private" ? .privately : .byState
            case "speaker": c.speaker.insert(phrase: phrase, 1)
            case "pronoun-person": c.personPronouns.insert(try word())
            case "pronoun-group": c.groupPronouns.insert(try word())
            case "boundary": c.boundaries.insert(try word())
            case "relative": c.relatives.insert(try word())
            case "preposition": c.prepositions.insert(try word())
            case "topic": c.topics.insert(phrase: phrase, 1)
            case "be": c.beAux.insert(try word())
            case "determiner": c.determiners.insert(try word())
            case "stopword": c.stopwords.insert(try word())
            case "capital-only": c.capitalOnly.insert(phrase.lowercased())
            case "abbreviation": c.abbreviations.insert(try word())
            case "coordinator": c.coordinators.insert(phrase: phrase, 1)
            case "intent": c.intent.insert(phrase: phrase, 1)
            case "obligation": c.obligation.insert(phrase: phrase, 1)
            case "quantifier": c.quantifiers.insert(try word())
            case "non-actor-head": c.nonActorHeads.insert(try word())
            case "given-name": c.givenNames.insert(try word())
            case "organization-head": c.organizationHeads.insert(try word())
            case "state-head": c.stateHeads.insert(try word())
            case "scope-modifier":
                guard let m = Modality(rawValue: value) else {
                    throw PackError(file: file, line: line, message: "a scope modifier needs a modality (negated, hypothetical, expected, reported) in the third column")
                }
                c.scopeModifiers[phrase.lowercased()] = m
            case "scope-governor":
                guard let e = ScopeEffect(value) else {
                    throw PackError(file: file, line: line, message: "a scope governor needs a modality, \"speaker\" or \"no-event\" in the third column")
                }
                c.scopeGovernors[phrase.lowercased()] = e
            case "scope-condition": c.conditions.insert(phrase.lowercased())
            case "tie":
                guard let type = StructuralTieType(rawValue: value) else {
                    throw PackError(file: file, line: line, message: "a tie needs a structural tie type of ONTOLOGY.md (ADVISER_OF, SPOKESPERSON_OF, …) in the third column")
                }
                c.ties[phrase.lowercased()] = type
            case "symmetric-type":
                guard let type = RelationType(rawValue: phrase.uppercased()) else {
                    throw PackError(file: file, line: line, message: "a symmetric type needs a relation type of ONTOLOGY.md (AGREE, CONSULT, …) in the second column")
                }
                c.symmetricTypes.insert(type)
            case "not-actor": c.notActors.insert(phrase: phrase, 1)
            case "tie-link": c.tieLinks.insert(try word())
            case "tie-copula": c.tieCopulas.insert(phrase: phrase, 1)
            case "tie-past": c.tiePast.insert(phrase: phrase, 1)
            case "place":
                guard !value.isEmpty else {
                    throw PackError(file: file, line: line, message: "a place needs the state it belongs to in the third column")
                }
                // "Donbas|Donbass": spellings of one place; the first is the name a location takes.
                let spellings = phrase.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard let name = spellings.first else {
                    throw PackError(file: file, line: line, message: "a place needs its name in the second column")
                }
                for spelling in spellings { c.places.insert(phrase: spelling, Place(name: name, state: value)) }
                c.placeLines.append((file, line, value))
            case "place-itself": c.placeItself.insert(phrase.lowercased())
            case "month":
                guard let n = Int(value), (1...12).contains(n) else {
                    throw PackError(file: file, line: line, message: "a month needs its number 1–12 in the third column")
                }
                c.months[try word()] = n
            default:
                throw PackError(file: file, line: line, message: "unknown cue kind \"\(cols[0])\"")
            }
        }
        return c
    }
}
