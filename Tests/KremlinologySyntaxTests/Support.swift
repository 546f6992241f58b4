import Foundation
import KremlinologySyntax
import Testing

/// The shipped model, loaded once, and the treebank of `../shared/treebank`, unpacked once.
enum Fixture {
    static let model: SyntaxModel = {
        do { return try SyntaxModel.shipped() } catch { fatalError("the shipped model does not load: \(error)") }
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let archive = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/treebank/en_ewt-ud-2.16.tar.gz")
    static let archivePresent = FileManager.default.fileExists(atPath: archive.path)
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }
    /// Tests that need the treebank run when it is there, and always under CI (where they fail without it).
    static var treebankTestsRun: Bool { archivePresent || isCI }
    static let treebankSkipped: Comment = "../shared/treebank/en_ewt-ud-2.16.tar.gz is absent: treebank tests skipped (under CI=true they fail)"

    /// The unpacked treebank (tar runs once per test process).
    static let treebank: Result<Treebank, any Error> = Result { try Treebank(path: archive.path) }

    /// The shipped model's scores on the dev file, computed once.
    static let devScores: Result<SyntaxScores, any Error> = treebank.flatMap { files in
        Result { SyntaxEvaluation.goldTokens(model, try CoNLLU.read(path: files.dev), lemmas: false) }
    }

    /// Our hand-checked gold parse of 50 corpus sentences.
    static func corpus50() throws -> [AnnotatedSentence] {
        try CoNLLU.read(path: packageRoot.appendingPathComponent("Tests/KremlinologySyntaxTests/Fixtures/corpus-50.conllu").path)
    }

    /// The parse of one sentence given as text.
    static func parse(_ text: String) -> ParsedSentence {
        let sentences = model.analyze(text)
        precondition(sentences.count == 1, "expected one sentence in \(text)")
        return sentences[0]
    }
}
