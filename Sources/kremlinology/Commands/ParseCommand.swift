import ArgumentParser
import Foundation
import KremlinologySyntax

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tag, lemmatise and parse a text into Universal Dependencies, printed as CoNLL-U.",
        discussion: """
            Splits the text into sentences and words with the extractor's tokenizer (clitics such \
            as n't and 's become words of their own), then prints one CoNLL-U block a sentence: \
            ID, FORM, LEMMA, UPOS, HEAD and DEPREL filled. With --evaluate it parses the words of a \
            gold CoNLL-U file and prints UPOS accuracy, lemma accuracy, UAS and LAS (CoNLL 2018 \
            style, punctuation included) and tokens per second; --tokenize reads the gold file's \
            raw text with our own tokenizer instead and reports F1 over aligned words.
            Examples:
              echo "Russia denied the claims." | kremlinology parse -
              kremlinology parse article.txt > article.conllu
              kremlinology parse --evaluate ../shared/treebank/en_ewt-ud-test.conllu --json
            """)

    @Argument(help: "A text file, or - for standard input.") var file: String?
    @Option(help: ArgumentHelp("Gold CoNLL-U file to evaluate against.", valueName: "gold.conllu")) var evaluate: String?
    @Flag(help: "With --evaluate: read the gold file's raw text with our own tokenizer.") var tokenize = false
    @Flag(help: "With --evaluate: print the figures as JSON.") var json = false
    @Option(help: ArgumentHelp("A model file from train-parser (default: the shipped model).", valueName: "file")) var model: String?
    @Option(help: "Width of the parser's beam (default: the model's; 1 is greedy and fastest, less accurate for a beam-trained model).")
    var beam: Int?

    func validate() throws {
        if evaluate == nil && file == nil { throw ValidationError("Name a text file (or - for standard input), or --evaluate GOLD.conllu.") }
        if evaluate != nil && file != nil { throw ValidationError("Give either a text file or --evaluate, not both.") }
        if let b = beam, b < 1 { throw ValidationError("--beam must be 1 or more.") }
    }

    func run() throws {
        do {
            var syntax = try model.map { try SyntaxModel(contentsOf: $0) } ?? SyntaxModel.shipped()
            if let b = beam { syntax.parser.beam = b }
            if let gold = evaluate { try runEvaluation(syntax, gold); return }
            let text = try readText()
            var output = FileHandle.standardOutput
            print(CoNLLU.format(syntax.analyze(text).map(\.annotation)), terminator: "", to: &output)
        } catch let error as CoNLLUError {
            throw CommandError.invalidInput(error.description)
        }
    }

    func readText() throws -> String {
        guard let file else { return "" }
        if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandError.notFound("\(file): cannot be read (missing or not readable)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func runEvaluation(_ syntax: SyntaxModel, _ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError.notFound("\(path): cannot be read (missing or not readable)")
        }
        let gold = try CoNLLU.read(path: path)
        let scores = tokenize ? SyntaxEvaluation.ownTokenizer(syntax, gold).scores : SyntaxEvaluation.goldTokens(syntax, gold)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(scores), as: UTF8.self))
            return
        }
        let mode = tokenize ? "own tokenizer, F1 over aligned words" : "gold tokens"
        print("""
            \(path) (\(mode)): \(scores.tokens) words
            UPOS   \(String(format: "%.4f", scores.upos))
            lemma  \(String(format: "%.4f", scores.lemma))
            UAS    \(String(format: "%.4f", scores.uas))
            LAS    \(String(format: "%.4f", scores.las))
            \(String(format: "%.0f", scores.tokensPerSecond)) tokens/s (one thread)
            """)
    }
}
