import Foundation
import KremlinologyModel
import KremlinologySyntax
import Yams

/// How one alias of the gazetteer points at an actor.
struct AliasRef: Sendable {
    /// Index into `KnowledgePack.actors`.
    var actor: Int
    /// A demonym or adjective (`Russian`, `Chinese`): names the state, and may be followed by a role.
    var demonym: Bool
    /// Short all-caps acronym (`US`, `UK`, `EU`, `IT`): only matches text in capitals.
    var acronym: Bool
    /// Token positions (bit set) that must be capitalised in the text (`the West`, `Turkey`).
    var capitalMask: UInt32
    /// Generated automatically (a person's surname), used only when nothing else matches.
    var weak: Bool
    /// The capital rule comes from being an organisation's name, and lapses in lower-case documents.
    var relaxable = false
    /// Matched through the transliteration skeleton ("Gagloyev" for "Gagloev"), not as written.
    var folded = false
}

/// Everything the extractor knows: actors, the relation lexicon, cues and instruments.
///
/// Loaded from readable files under `Resources/` (bundled) and from `--pack DIR`
/// directories with the same layout, which extend and override the bundled pack:
/// `actors/*.yaml`, `relations*.tsv`, `cues.tsv`, `instruments.tsv`.
public struct KnowledgePack: Sendable {
    /// The tables, shared by reference so that copying a pack (into every sentence's analysis) costs one retain.
    private let storage: PackStorage

    /// Every known actor, canonical names unique.
    public var actors: [Actor] { storage.actors }
    var actorIndex: [String: Int] { storage.actorIndex }
    var gazetteer: PhraseTable<AliasRef> { storage.gazetteer }
    /// People's names by transliteration skeleton (`Transliteration`), for spellings the pack does not list.
    var foldedNames: PhraseTable<AliasRef> { storage.foldedNames }
    /// First letters and skeletons of each person's given names, by actor index: a name whose given
    /// name or initial disagrees ("Valery Solovyov", "O. Zelensky") is another person.
    var givenNames: [Int: (initials: Set<Character>, skeletons: Set<String>)] { storage.givenNames }
    /// Skeletons of every given name of the pack's people.
    var allGivenNames: Set<String> { storage.allGivenNames }
    var lexicon: Lexicon { storage.lexicon }
    var cues: Cues { storage.cues }
    var instruments: PhraseTable<Instrument> { storage.instruments }
    /// People by role: role name → (actor index, affiliation), for role descriptions.
    var roleHolders: [String: [(actor: Int, affiliation: Affiliation)]] { storage.roleHolders }
    /// Number of places in the places list (cues-places.tsv).
    public var placeCount: Int { storage.cues.places.values.count }
    /// Number of lexicon entries (all word forms).
    public var lexiconSize: Int { storage.lexicon.count }

    /// The pack shipped inside the library.
    public static func bundled() throws -> KnowledgePack {
        try load(includingBundled: true, extraDirectories: [])
    }

    /// The bundled pack (unless `includingBundled` is false) extended by each directory in turn,
    /// then by `extraFiles` (relative path, contents: a store's curation, written as pack files).
    public static func load(includingBundled: Bool = true, extraDirectories: [URL],
                            extraFiles: [(String, String)] = []) throws -> KnowledgePack {
        var dirs: [URL] = []
        if includingBundled {
            guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
                throw PackError(file: "Resources", line: nil, message: "the bundled knowledge pack is missing from the build")
            }
            dirs.append(url)
        }
        dirs += extraDirectories
        var builder = PackBuilder()
        for dir in dirs { try builder.read(directory: dir) }
        for (name, text) in extraFiles { try builder.read(file: name, text: text) }
        return try builder.build()
    }

    /// The bundled pack extended by files given as text (relative path, contents): for tests and tools.
    public static func fromFilesForTesting(_ files: [(String, String)]) throws -> KnowledgePack {
        try fromFiles(files)
    }

    /// A pack made from files given as text, for tests: keys are relative paths (`cues.tsv`, `actors/x.yaml`).
    static func fromFiles(_ files: [(String, String)], includingBundled: Bool = true) throws -> KnowledgePack {
        var builder = PackBuilder()
        if includingBundled, let url = Bundle.module.url(forResource: "Resources", withExtension: nil) {
            try builder.read(directory: url)
        }
        for (name, text) in files { try builder.read(file: name, text: text) }
        return try builder.build()
    }

    /// The actor with this canonical name.
    public func actor(named name: String) -> Actor? {
        actorIndex[name].map { actors[$0] }
    }

    func demonyms(of index: Int) -> [String] { storage.demonymsByActor[index] ?? [] }

    fileprivate init(actors: [Actor], demonyms: [Int: [String]], gazetteer: PhraseTable<AliasRef>, folded: FoldedNames,
                     lexicon: Lexicon, cues: Cues, instruments: PhraseTable<Instrument>) {
        storage = PackStorage(actors: actors, demonyms: demonyms, gazetteer: gazetteer, folded: folded, lexicon: lexicon,
                              cues: cues, instruments: instruments)
    }
}

/// The immutable tables of a pack.
final class PackStorage: Sendable {
    let actors: [Actor]
    let demonymsByActor: [Int: [String]]
    let actorIndex: [String: Int]
    let gazetteer: PhraseTable<AliasRef>
    let foldedNames: PhraseTable<AliasRef>
    let givenNames: [Int: (initials: Set<Character>, skeletons: Set<String>)]
    let allGivenNames: Set<String>
    let lexicon: Lexicon
    let cues: Cues
    let instruments: PhraseTable<Instrument>
    let roleHolders: [String: [(actor: Int, affiliation: Affiliation)]]

    init(actors: [Actor], demonyms: [Int: [String]], gazetteer: PhraseTable<AliasRef>, folded: FoldedNames, lexicon: Lexicon,
         cues: Cues, instruments: PhraseTable<Instrument>) {
        self.actors = actors
        self.demonymsByActor = demonyms
        var index: [String: Int] = [:]
        var holders: [String: [(actor: Int, affiliation: Affiliation)]] = [:]
        for (i, a) in actors.enumerated() {
            index[a.name] = i
            if a.kind == .person { for aff in a.affiliations { holders[aff.role, default: []].append((i, aff)) } }
        }
        self.actorIndex = index
        self.roleHolders = holders
        self.gazetteer = gazetteer
        self.foldedNames = folded.table
        self.givenNames = folded.givenNames
        self.allGivenNames = folded.allGivenNames
        self.lexicon = lexicon
        self.cues = cues
        self.instruments = instruments
    }
}

/// Collects the files of one or more pack directories, then builds the lookup tables.
private struct PackBuilder {
    var actors: [Actor] = []
    var demonyms: [String: [String]] = [:]
    var byName: [String: Int] = [:]
    /// Actors a later file took out with `removed: true`.
    var removed: Set<String> = []
    var relationLines: [(file: String, line: Int, columns: [String], curated: Bool)] = []
    var cueLines: [(file: String, line: Int, columns: [String])] = []
    var instrumentLines: [(file: String, line: Int, columns: [String])] = []

    mutating func read(directory: URL) throws {
        let fm = FileManager.default
        let actorsDir = directory.appendingPathComponent("actors")
        if let names = try? fm.contentsOfDirectory(atPath: actorsDir.path) {
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                try read(file: "actors/" + name, text: try text(of: actorsDir.appendingPathComponent(name), name: "actors/" + name))
            }
        }
        let top = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in top where name.hasSuffix(".tsv") {
            try read(file: name, text: try text(of: directory.appendingPathComponent(name), name: name))
        }
    }

    func text(of url: URL, name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PackError(file: name, line: nil, message: "cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    mutating func read(file: String, text: String) throws {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        if file.hasPrefix("actors/") || base.hasSuffix(".yaml") || base.hasSuffix(".yml") {
            try readActors(file: file, text: text)
        } else if base.hasPrefix("relations") {
            try readTSV(file: file, text: text, minColumns: 3) { relationLines.append(($0, $1, $2, !base.contains("cameo"))) }
        } else if base.hasPrefix("cues") {
            try readTSV(file: file, text: text, minColumns: 2) { cueLines.append(($0, $1, $2)) }
        } else if base.hasPrefix("instruments") {
            try readTSV(file: file, text: text, minColumns: 2) { instrumentLines.append(($0, $1, $2)) }
        }
    }

    /// Lines of TAB-separated columns, read on UTF-8 bytes: the relation lexicon alone is
    /// 30,000 lines, and splitting and trimming them as Characters took a quarter of a
    /// second of every start.
    func readTSV(file: String, text: String, minColumns: Int, _ add: (String, Int, [String]) -> Void) throws {
        var text = text
        try text.withUTF8 { bytes in
            var lineNo = 0, start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNo += 1
                let columns = Self.columns(bytes, start, end)
                defer { start = end + 1 }
                // Blank lines and comments ('#' after nothing but blanks).
                if columns.isEmpty || columns[0].hasPrefix("#") { continue }
                if columns.count < minColumns {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    throw PackError(file: file, line: lineNo,
                                    message: "expected \(minColumns) tab-separated columns, found \(columns.count): \"\(line.prefix(60))\"")
                }
                add(file, lineNo, columns)
            }
        }
    }

    /// The non-empty columns of `bytes[start..<end]`, split on TABs, each trimmed of spaces (and a CR).
    private static func columns(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [String] {
        var columns: [String] = []
        var i = start
        while i < end {
            var j = i
            while j < end, bytes[j] != 0x09 { j += 1 }
            var lo = i, hi = j
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x0D { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x0D { hi -= 1 }
            if hi > lo { columns.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)) }
            i = j + 1
        }
        return columns
    }

    mutating func readActors(file: String, text: String) throws {
        let root: Node?
        do {
            // Every value is read as the text it is: the basic resolver skips the regular expressions
            // that type each scalar (a sixth of the pack's load time), whose types we never use.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw PackError(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
        }
        guard let root else { return }
        guard let list = root.sequence else {
            throw PackError(file: file, line: root.mark?.line, message: "expected a list of actors (each item starting with `- name:`)")
        }
        for item in list {
            guard let map = item.mapping else {
                throw PackError(file: file, line: item.mark?.line, message: "expected a mapping with `name` and `kind`")
            }
            func string(_ key: String) throws -> String? {
                guard let node = map[key] else { return nil }
                guard let s = node.scalar?.string else {
                    throw PackError(file: file, line: node.mark?.line, message: "`\(key)` must be a single value")
                }
                return s.isEmpty ? nil : s
            }
            func strings(_ key: String) throws -> [String] {
                guard let node = map[key] else { return [] }
                if node.scalar?.string == "" || node.scalar?.string == "null" { return [] }
                guard let seq = node.sequence else {
                    throw PackError(file: file, line: node.mark?.line, message: "`\(key)` must be a list, e.g. [Putin, V. Putin]")
                }
                return try seq.map { n in
                    guard let s = n.scalar?.string else {
                        throw PackError(file: file, line: n.mark?.line, message: "`\(key)` items must be plain strings")
                    }
                    return s
                }
            }
            guard let name = try string("name") else {
                throw PackError(file: file, line: item.mark?.line, message: "actor without a `name`")
            }
            // `removed: true` takes an actor of an earlier pack out (a curation's merge or dismissal).
            if try string("removed") == "true" {
                removed.insert(name)
                continue
            }
            removed.remove(name)
            let kindText = try string("kind") ?? ""
            guard let kind = ActorKind(rawValue: kindText) else {
                throw PackError(file: file, line: (map["kind"]?.mark ?? item.mark)?.line,
                                message: "`kind` of \(name) must be one of state, person, organization, bloc, group (found \"\(kindText)\")")
            }
            var affiliations: [Affiliation] = []
            if let affNode = map["affiliations"], affNode.scalar == nil {
                guard let seq = affNode.sequence else {
                    throw PackError(file: file, line: affNode.mark?.line, message: "`affiliations` must be a list of mappings")
                }
                for a in seq {
                    guard let am = a.mapping, let org = am["organization"]?.scalar?.string else {
                        throw PackError(file: file, line: a.mark?.line, message: "an affiliation needs an `organization`")
                    }
                    affiliations.append(Affiliation(organization: org, role: am["role"]?.scalar?.string ?? "official",
                                                    from: am["from"]?.scalar?.string.nonEmpty,
                                                    until: am["until"]?.scalar?.string.nonEmpty))
                }
            }
            // `reviewed: false`: a name curated (merged, renamed) but not yet promoted by an analyst.
            let actor = Actor(name: name, kind: kind, wikidata: try string("wikidata"), country: try string("country"),
                              aliases: try strings("aliases"), affiliations: affiliations, reviewed: try string("reviewed") != "false")
            let dem = try strings("demonyms")
            if let existing = byName[name] {
                actors[existing] = actor   // a later pack overrides
            } else {
                byName[name] = actors.count
                actors.append(actor)
            }
            if !dem.isEmpty { demonyms[name] = dem }
        }
    }

    func yamlLine(_ e: YamlError) -> Int? {
        switch e {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return nil
        }
    }

    func yamlProblem(_ e: YamlError) -> String {
        switch e {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
        default: return "\(e)"
        }
    }

    func build() throws -> KnowledgePack {
        let cues = try Cues.build(cueLines)
        // A place's relations go to its state: the state must be an actor of the pack (a curation
        // may take the state out later; its places' relations then name no actor).
        for place in cues.placeLines where byName[place.state].map({ self.actors[$0].kind != .state }) ?? true {
            throw PackError(file: place.file, line: place.line,
                            message: "the place's state \"\(place.state)\" is no state of the pack; write a state's canonical name (states.yaml) in the third column")
        }
        let actors = self.actors.filter { !removed.contains($0.name) }
        var gazetteer = PhraseTable<AliasRef>()
        var demonymsByIndex: [Int: [String]] = [:]
        // States first, so that an alias shared with a person resolves to the state.
        let order = actors.indices.sorted { a, b in
            let ra = rank(actors[a].kind), rb = rank(actors[b].kind)
            return ra != rb ? ra < rb : a < b
        }
        var taken: Set<UInt64> = []
        func add(_ text: String, _ index: Int, demonym: Bool, weak: Bool = false) {
            for variant in Set([text, folded(text)]) {
                let hashes = PhraseTable<AliasRef>.hashes(of: variant)
                guard !hashes.isEmpty else { continue }
                var key: UInt64 = 0
                for h in hashes { key = WordHash.combine(key, h) }
                if taken.contains(key) { continue }
                taken.insert(key)
                let words = variant.split(whereSeparator: { $0 == " " || $0 == "-" })
                let acronym = words.count == 1 && variant.count <= 3 && variant.uppercased() == variant
                    && variant.lowercased() != variant
                var mask: UInt32 = 0
                var relaxable = false
                // Groups ("the West") and common-word names ("Turkey") keep their capitals; so do organisations'
                // names of several words ("Foreign Policy"), except in lower-case documents.
                let tokens = tokenStrings(variant)
                let kind = actors[index].kind
                for (n, t) in tokens.enumerated() where n < 32 {
                    guard let f = t.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(f) else { continue }
                    if kind == .group || cues.capitalOnly.contains(t.lowercased()) || cues.capitalOnly.contains(variant.lowercased()) {
                        mask |= 1 << UInt32(n)
                    } else if (kind == .organization || kind == .bloc) && tokens.count > 1 && !demonym {
                        mask |= 1 << UInt32(n); relaxable = true
                    }
                }
                if weak { mask |= 1 }
                var ref = AliasRef(actor: index, demonym: demonym, acronym: acronym, capitalMask: mask, weak: weak)
                ref.relaxable = relaxable && mask != 0
                gazetteer.insert(hashes, ref)
            }
        }
        for i in order {
            let a = actors[i]
            add(a.name, i, demonym: false)
            for alias in a.aliases { add(alias, i, demonym: false) }
            if let dem = demonyms[a.name] {
                demonymsByIndex[i] = dem
                for d in dem { add(d, i, demonym: true) }
            }
        }
        // Surnames of people as weak aliases ("Kiriyenko"), unless they clash with something else.
        var surnames: [Int: String] = [:]
        for i in order where actors[i].kind == .person {
            let parts = actors[i].name.split(separator: " ")
            // Not for epithets ("Peter the Great"); and a surname matches only when capitalised.
            if parts.count >= 2, let last = parts.last, last.count >= 4, last.first?.isUppercase == true,
               !cues.capitalOnly.contains(last.lowercased()), !parts.contains("the") {
                add(String(last), i, demonym: false, weak: true)
                surnames[i] = String(last)
            }
        }
        var foldedNames = FoldedNames()
        for i in order where actors[i].kind == .person {
            foldedNames.add(person: actors[i], index: i, surname: surnames[i], tokens: tokenStrings)
        }
        foldedNames.finish()
        var lexicon = Lexicon()
        for (file, line, cols, curated) in relationLines {
            try addRelation(&lexicon, file: file, line: line, columns: cols, curated: curated)
        }
        lexicon.finish()
        var instruments = PhraseTable<Instrument>()
        for (file, line, cols) in instrumentLines {
            guard let ins = Instrument(rawValue: cols[1]) else {
                throw PackError(file: file, line: line, message: "unknown instrument \"\(cols[1])\"")
            }
            instruments.insert(phrase: cols[0], ins)
        }
        return KnowledgePack(actors: actors, demonyms: demonymsByIndex, gazetteer: gazetteer, folded: foldedNames, lexicon: lexicon,
                             cues: cues, instruments: instruments)
    }

    func rank(_ k: ActorKind) -> Int {
        switch k { case .state: 0; case .bloc: 1; case .organization: 2; case .person: 3; case .group: 4 }
    }

    func tokenStrings(_ text: String) -> [String] {
        var copy = text
        let bytes = Array(text.utf8)
        return copy.withUTF8 { buf in
            Tokenizer.tokenize(buf).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        }
    }

    func folded(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// `TYPE  KIND  PATTERN  [OPTIONS]`; PATTERN's head may carry irregular forms in braces.
    func addRelation(_ lexicon: inout Lexicon, file: String, line: Int, columns: [String], curated: Bool) throws {
        guard let type = RelationType(rawValue: columns[0].uppercased()) else {
            throw PackError(file: file, line: line, message: "unknown relation type \"\(columns[0])\" (expected one of ONTOLOGY.md's 24, e.g. ASSAULT)")
        }
        guard let kind = PredicateKind(rawValue: columns[1].lowercased()) else {
            throw PackError(file: file, line: line, message: "unknown pattern kind \"\(columns[1])\" (expected verb, noun or phrase)")
        }
        let pattern = columns[2]
        let options = columns.count > 3 ? Set(columns[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) : []
        // Split the head (with {irregular,forms}) from the rest.
        var headText = pattern
        var restText = ""
        var irregular: [String] = []
        if let brace = pattern.firstIndex(of: "{"), let close = pattern.firstIndex(of: "}"), brace < close,
           !pattern[..<brace].contains(" ") {
            headText = String(pattern[..<brace])
            irregular = pattern[pattern.index(after: brace)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            restText = String(pattern[pattern.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        } else if let space = pattern.firstIndex(of: " ") {
            headText = String(pattern[..<space])
            restText = String(pattern[pattern.index(after: space)...])
        }
        headText = headText.lowercased()
        var rest: [PatternItem] = []
        for word in restText.split(separator: " ") {
            if word == "*" { rest.append(.gap); continue }
            for h in PhraseTable<Int>.hashes(of: String(word)) { rest.append(.word(h)) }
        }
        let specificity = 1 + rest.filter { $0 != .gap }.count
        let id = "\(file):\(line) \(pattern)"
        // A head of several tokens ("anti-western" is anti, -, western) is keyed by its first token,
        // and its other tokens must follow it: keyed by the first alone, "anti-western" matched
        // every "anti-tank" and "anti-aircraft".
        func add(_ form: String, participle: Bool, gerund: Bool) {
            let hashes = PhraseTable<Int>.hashes(of: form)
            guard let first = hashes.first else { return }
            let lead = hashes.dropFirst().map { PatternItem.word($0) }
            lexicon.add(head: first, PredicateEntry(
                id: id, type: type, kind: kind, rest: lead + rest, participle: participle, gerund: gerund,
                symmetric: options.contains("sym"), specificity: specificity + lead.count, curated: curated,
                active: options.contains("active")))
        }
        switch kind {
        case .verb:
            for (form, participle, gerund) in Lexicon.verbForms(headText, irregular: irregular) {
                add(form, participle: participle, gerund: gerund)
            }
        case .noun:
            for form in Lexicon.nounForms(headText, irregular: irregular) { add(form, participle: false, gerund: false) }
        case .phrase:
            add(headText, participle: headText.hasSuffix("ed"), gerund: false)
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
