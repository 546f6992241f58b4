/// A lemmatiser: a lookup of training forms (form and tag → lemma) and, for every other word,
/// an averaged perceptron that picks an edit script (lower-case or not, strip a suffix, append one).
public struct Lemmatizer: Sendable {
    /// One edit from a form to its lemma.
    public struct Script: Sendable, Hashable {
        /// Lower-case the form first.
        public var lowercase: Bool
        /// Number of characters removed from the end.
        public var strip: Int
        /// Characters appended.
        public var append: String

        /// The script that turns `form` into `lemma`.
        init(form: String, lemma: String) {
            let f = Array(form), l = Array(lemma), lf = Array(form.lowercased())
            func common(_ a: [Character]) -> Int {
                var k = 0
                while k < a.count && k < l.count && a[k] == l[k] { k += 1 }
                return k
            }
            let keep = common(f), keepLower = common(lf)
            lowercase = keepLower > keep
            let k = lowercase ? keepLower : keep
            strip = f.count - k
            append = String(l[k...])
        }

        init(lowercase: Bool, strip: Int, append: String) {
            self.lowercase = lowercase; self.strip = strip; self.append = append
        }

        /// The lemma of `form` by this script.
        public func apply(_ form: String) -> String {
            let base = lowercase ? form.lowercased() : form
            guard strip <= base.count else { return base }
            return String(base.dropLast(strip)) + append
        }
    }

    /// Lemmas of training forms, keyed by the hash of the exact form and the tag class.
    public var lookup: [UInt64: String]
    /// Edit scripts, in class order.
    public var scripts: [Script]
    /// Script classifier weights.
    public var weights: WeightTable

    /// A lemmatiser from its parts.
    public init(lookup: [UInt64: String], scripts: [Script], weights: WeightTable) {
        self.lookup = lookup; self.scripts = scripts; self.weights = weights
    }

    static func key(_ lex: Lexeme, _ tag: UInt8) -> UInt64 { WordHash.combine(lex.exact, UInt64(tag)) }

    static let featureCount = 9

    static func features(_ lex: Lexeme, _ tag: UInt8, into f: inout [UInt64]) {
        let t = UInt64(tag)
        f[0] = feature(301, t)
        f[1] = feature(302, lex.suffix.0, t)
        f[2] = feature(303, lex.suffix.1, t)
        f[3] = feature(304, lex.suffix.2, t)
        f[4] = feature(305, lex.suffix.3, t)
        f[5] = feature(306, UInt64(lex.flags), t)
        f[6] = feature(307, lex.lower, t)
        f[7] = feature(308, UInt64(min(lex.length, 8)), lex.suffix.1)
        f[8] = feature(309, lex.shape, t)
    }

    /// The lemma of `form` (with lexeme `lex`) tagged `tag`.
    public func lemma(_ form: String, _ lex: Lexeme, tag: UInt8) -> String {
        if let known = lookup[Self.key(lex, tag)] { return known }
        var f = [UInt64](repeating: 0, count: Self.featureCount)
        Self.features(lex, tag, into: &f)
        var scores = [Float](repeating: 0, count: weights.classes)
        f.withUnsafeBufferPointer { fp in scores.withUnsafeMutableBufferPointer { weights.accumulate(fp, into: $0.baseAddress!) } }
        var b = 0
        for k in 1..<scores.count where scores[k] > scores[b] { b = k }
        let out = scripts[b].apply(form)
        return out.isEmpty ? form : out
    }

    /// Trains on the (form, gold tag, lemma) triples of `sentences`; forms seen at least
    /// `minCount` times go into the lookup, the scripts seen at least twice become classes.
    public static func train(_ sentences: [AnnotatedSentence], epochs: Int, seed: UInt64, minCount: Int = 1,
                             prune: Float = 0) -> Lemmatizer {
        var samples: [(form: String, lex: Lexeme, tag: UInt8, lemma: String, script: Script)] = []
        var formCounts: [UInt64: Int] = [:]
        var scriptCounts: [Script: Int] = [:]
        for s in sentences {
            for i in 0..<s.count {
                let lex = Lexeme(s.forms[i]), tag = Tagger.tagClass(s.tags[i])
                let script = Script(form: s.forms[i], lemma: s.lemmas[i])
                samples.append((s.forms[i], lex, tag, s.lemmas[i], script))
                formCounts[key(lex, tag), default: 0] += 1
                scriptCounts[script, default: 0] += 1
            }
        }
        var lookup: [UInt64: String] = [:]
        for x in samples where formCounts[key(x.lex, x.tag)]! >= minCount && lookup[key(x.lex, x.tag)] == nil {
            lookup[key(x.lex, x.tag)] = x.lemma
        }
        let scripts = Array(scriptCounts.filter { $0.value >= 2 }.keys.sorted {
            scriptCounts[$0]! != scriptCounts[$1]! ? scriptCounts[$0]! > scriptCounts[$1]!
                : ($0.lowercase ? 1 : 0, $0.strip, $0.append) < ($1.lowercase ? 1 : 0, $1.strip, $1.append)
        }.prefix(250))
        let index = Dictionary(uniqueKeysWithValues: scripts.enumerated().map { ($1, $0) })
        var p = PerceptronTrainer(classes: scripts.count)
        var rng = SeededRandom(seed: seed)
        var f = [UInt64](repeating: 0, count: featureCount)
        var scores = [Float](repeating: 0, count: scripts.count)
        // Rare forms teach the classifier most about the unknown words it will meet.
        let training = samples.filter { formCounts[key($0.lex, $0.tag)]! <= 3 && index[$0.script] != nil }
        var order = Array(training.indices)
        for _ in 0..<epochs {
            order = order.seededShuffle(&rng)
            for i in order {
                let x = training[i]
                features(x.lex, x.tag, into: &f)
                p.score(f, into: &scores)
                var b = 0
                for k in 1..<scores.count where scores[k] > scores[b] { b = k }
                p.update(f, truth: index[x.script]!, guess: b)
                p.tick()
            }
        }
        return Lemmatizer(lookup: lookup, scripts: scripts, weights: p.averaged(prune: prune))
    }
}
