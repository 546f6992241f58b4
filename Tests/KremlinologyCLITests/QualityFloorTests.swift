import Foundation
import Testing

/// The extraction quality gate: the real binary on every shared gold set, scored by the shared
/// scorers (`../shared/eval/run-all.sh`, which runs `score.py` and `score_plover.py`).
///
/// Two kinds of floor:
/// - `regressionFloors`: what the extractor reaches today, less 0.01. A change that loses quality
///   fails here. Raise them when the figures rise.
/// - `issueFloors`: what issue 11 asks for. Recorded as known issues until they are met, so that
///   CI stays green and the gap stays visible (as `ShippedModelTests` does for the parser).
@Suite struct QualityFloorTests {
    /// One figure of `run-all.sh`'s output.
    enum Figure: String, CaseIterable, Sendable {
        case seedsRelationF1 = "seeds relation F1"
        case seedsActorF1 = "seeds actor F1"
        case notesRelationF1 = "notes relation F1"
        case notesActorF1 = "notes actor F1"
        case ploverEventRecall = "PLOVER event recall"
        case ploverTripleRecall = "PLOVER triple recall"
        case ploverEventPrecision = "PLOVER event precision"
    }

    /// The figures of this branch (debug build), less 0.01: seeds relation F1 0.623 when the gate
    /// was set (0.616 since modality is read from the parse, which misreads one seed sentence;
    /// 0.633 since a hyphenated pattern head must stand whole, 0.636 since conjunct verbs and reduced
    /// passives are read from the parse), actor F1 0.890 (0.893 since a role held by several, or by a
    /// citizen of another state, names no one); notes 0.350 (0.388 since coordinated verbs keep their
    /// events and subjects, and reduced passives their direction) / 0.814; PLOVER 0.603 / 0.494 (0.500) /
    /// 0.705 (0.714).
    ///
    /// Since owned agents ("the military", "troops", "leaders") need an owner in the parse: seeds
    /// 0.648, notes 0.413, PLOVER 0.571 / 0.494 / 0.705. The PLOVER event recall floor was lowered
    /// from 0.599 to 0.561, on purpose: the scorer counts a record's type as found whatever the
    /// relation's endpoints, and five of the seven records lost had it only through an endpoint that
    /// named no actor or the wrong one ("France AGREE troops" for "France is ready to contribute
    /// troops to a force in Liberia", "Egypt THREATEN police", "Algeria PROTEST parliament",
    /// "Palestine ASSAULT police"). The other two were triple hits: "Hundreds of thousands of people
    /// … in Hong Kong" ("people" has no owner in the parse) and "UN REJECT East Timor", reached
    /// before only because the unnamed "its forces" yielded to a later name. "Opposition groups in
    /// Zimbabwe" was gained, so triple recall went 0.500 → 0.494.
    static let regressionFloors: [Figure: Double] = [
        .seedsRelationF1: 0.638, .seedsActorF1: 0.883,
        .notesRelationF1: 0.403, .notesActorF1: 0.804,
        .ploverEventRecall: 0.561, .ploverTripleRecall: 0.484, .ploverEventPrecision: 0.695,
    ]

    /// Issue 11's floors.
    static let issueFloors: [Figure: Double] = [
        .seedsRelationF1: 0.70, .seedsActorF1: 0.90,
        .notesRelationF1: 0.55, .notesActorF1: 0.85,
        .ploverEventRecall: 0.70, .ploverTripleRecall: 0.55, .ploverEventPrecision: 0.75,
    ]

    static let shared = CLIHarness.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// What `run-all.sh` reads: the scripts, the gold sets, the seeds and the corpus archive (for the six notes).
    static let needed = ["eval/run-all.sh", "eval/score.py", "eval/score_plover.py", "eval/gold-seeds.json",
                         "eval/gold-notes.json", "eval/plover-dev.jsonl", "seeds", "corpus/tubegraph-notes.tar.gz"]
    static var missing: [String] {
        needed.filter { !FileManager.default.fileExists(atPath: shared.appendingPathComponent($0).path) }
    }
    static var python3: Bool {
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var runs: Bool { missing.isEmpty && python3 }
    static let skipped: Comment = "../shared/eval (gold sets and scorers), ../shared/seeds or ../shared/corpus/tubegraph-notes.tar.gz is absent, or python3 is missing: the extraction quality gate is skipped"

    @Test(.enabled(if: QualityFloorTests.runs, QualityFloorTests.skipped), .timeLimit(.minutes(5)))
    func extractionHoldsItsFloorsOnEveryGoldSet() throws {
        let output = try Self.runAll()
        let figures = Self.parse(output)
        for figure in Figure.allCases {
            guard let value = figures[figure] else {
                Issue.record("run-all.sh printed no \(figure.rawValue); its output:\n\(output)")
                continue
            }
            let floor = Self.regressionFloors[figure]!
            #expect(value >= floor, "\(figure.rawValue) \(value) fell below \(floor) (today's figure less 0.01)")
            let goal = Self.issueFloors[figure]!
            if value < goal {
                withKnownIssue("issue 11: \(figure.rawValue) ≥ \(goal) not reached yet (\(value))") {
                    #expect(value >= goal, "\(figure.rawValue) \(value)")
                }
            }
        }
    }

    @Test func parsesTheScorersOutput() {
        let sample = """
            == seeds (gold-seeds.json)
            actors: precision 0.835 recall 0.947 f1 0.887
            relations: precision 0.710 recall 0.555 f1 0.623 (tp 66, fp 27, fn 53, type accuracy 0.894)
            == six dev notes of the corpus (gold-notes.json)
            actors: precision 0.818 recall 0.811 f1 0.814
            relations: precision 0.432 recall 0.292 f1 0.348 (tp 35, fp 46, fn 85, type accuracy 0.514)
            == PLOVER dev sentences (plover-dev.jsonl)
            plover: records 156 event recall 0.603 triple recall 0.494 event precision 0.705
            """
        let f = Self.parse(sample)
        #expect(f[.seedsRelationF1] == 0.623 && f[.seedsActorF1] == 0.887)
        #expect(f[.notesRelationF1] == 0.348 && f[.notesActorF1] == 0.814)
        #expect(f[.ploverEventRecall] == 0.603 && f[.ploverTripleRecall] == 0.494 && f[.ploverEventPrecision] == 0.705)
    }

    /// Runs `run-all.sh` on the binary under test and returns what it printed; fails on a non-zero exit.
    static func runAll() throws -> String {
        let process = Process()
        // At the lowest priority: the scores do not depend on speed, and the tests of the live
        // server that run beside it must not starve on a 2-core machine.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments = ["-n", "19", "/bin/bash", shared.appendingPathComponent("eval/run-all.sh").path, CLIHarness.binary.path]
        process.currentDirectoryURL = CLIHarness.packageRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VERBOSE")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = ReadAll(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: outData, as: UTF8.self), stderr = String(decoding: errData.wait(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "run-all.sh exited \(process.terminationStatus):\n\(stdout)\n\(stderr)")
        return stdout
    }

    /// The figures of `run-all.sh`'s output: `actors:`/`relations:` lines under the seeds and notes
    /// headings, the `plover:` line under the PLOVER one.
    static func parse(_ output: String) -> [Figure: Double] {
        var figures: [Figure: Double] = [:]
        var section = ""
        for line in output.split(separator: "\n").map(String.init) {
            if line.hasPrefix("== ") { section = line.lowercased(); continue }
            let words = line.split(separator: " ").map(String.init)
            func value(after key: [String]) -> Double? {
                guard key.count <= words.count else { return nil }
                for i in 0...(words.count - key.count) where Array(words[i..<(i + key.count)]) == key {
                    if i + key.count < words.count { return Double(words[i + key.count]) }
                }
                return nil
            }
            let notes = section.contains("notes"), seeds = section.contains("seeds")
            if line.hasPrefix("actors:"), let f1 = value(after: ["f1"]) {
                if seeds { figures[.seedsActorF1] = f1 } else if notes { figures[.notesActorF1] = f1 }
            } else if line.hasPrefix("relations:"), let f1 = value(after: ["f1"]) {
                if seeds { figures[.seedsRelationF1] = f1 } else if notes { figures[.notesRelationF1] = f1 }
            } else if line.hasPrefix("plover:") {
                figures[.ploverEventRecall] = value(after: ["event", "recall"])
                figures[.ploverTripleRecall] = value(after: ["triple", "recall"])
                figures[.ploverEventPrecision] = value(after: ["event", "precision"])
            }
        }
        return figures
    }
}
