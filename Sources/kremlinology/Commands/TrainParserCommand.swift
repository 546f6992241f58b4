import ArgumentParser
import Foundation
import KremlinologySyntax

struct TrainParserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-parser",
        abstract: "Train the tagger, lemmatiser and parser on a Universal Dependencies treebank.",
        discussion: """
            Reads the treebank's train file (a folder holding *-ud-train/dev/test.conllu, or its \
            .tar.gz), trains deterministically for the seed on one thread, writes the model and \
            prints its scores on the dev and test files. The shipped model was trained with:
              kremlinology train-parser --treebank ../shared/treebank/en_ewt-ud-2.16.tar.gz \\
                --out Sources/KremlinologySyntax/Resources/en_ewt.model
            Examples:
              kremlinology train-parser --treebank /tmp/ewt --out en_ewt.model
              kremlinology train-parser --treebank /tmp/ewt --out tiny.model --sentences 300 --no-evaluate
            """)

    @Option(help: ArgumentHelp("Folder with *-ud-{train,dev,test}.conllu, or a .tar.gz of them.", valueName: "dir")) var treebank: String
    @Option(help: ArgumentHelp("Where to write the model.", valueName: "file")) var out: String
    @Option(help: "Seed of every shuffle and draw.") var seed: UInt64 = 1
    @Option(help: "Train on the first N sentences only (0: all).") var sentences = 0
    @Option(help: "Passes of the parser over the treebank.") var parseEpochs = TrainingOptions().parseEpochs
    @Option(help: "Passes of the tagger over the treebank.") var tagEpochs = TrainingOptions().tagEpochs
    @Option(help: "Width of the parser's beam (1: greedy, trained with the dynamic oracle).") var beam = TrainingOptions().beam
    @Option(help: "Parsing drops hypotheses this far below the best (transition-score units; 0: keep the full beam).")
    var beamMargin = TrainingOptions().beamMargin
    @Flag(inversion: .prefixedNo, help: "Print scores on the dev and test files.") var evaluate = true

    func run() throws {
        do {
            let files = try Treebank(path: treebank)
            var train = try CoNLLU.read(path: files.train)
            if sentences > 0 { train = Array(train.prefix(sentences)) }
            var options = TrainingOptions()
            options.seed = seed
            options.parseEpochs = parseEpochs
            options.tagEpochs = tagEpochs
            options.beam = max(1, beam)
            options.beamMargin = max(0, beamMargin)
            let clock = Date()
            let model = SyntaxTrainer.train(train, options: options, log: { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            })
            let seconds = Date().timeIntervalSince(clock)
            let bytes = model.serialized()
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                throw CommandError.invalidInput("\(out): cannot be written")
            }
            print(String(format: "trained on %d sentences in %.0f s; wrote %@ (%.1f MB)", train.count, seconds, out,
                         Double(bytes.count) / 1_000_000))
            guard evaluate else { return }
            for (name, path) in [("dev", files.dev), ("test", files.test)] {
                let gold = try CoNLLU.read(path: path)
                let g = SyntaxEvaluation.goldTokens(model, gold), o = SyntaxEvaluation.ownTokenizer(model, gold)
                print(String(format: "%@ gold tokens: UPOS %.4f  lemma %.4f  UAS %.4f  LAS %.4f  (%.0f tokens/s)",
                             name, g.upos, g.lemma, g.uas, g.las, g.tokensPerSecond))
                print(String(format: "%@ own tokenizer: words F1 %.4f  UPOS %.4f  UAS %.4f  LAS %.4f", name, o.wordsF1,
                             o.scores.upos, o.scores.uas, o.scores.las))
            }
        } catch let error as CoNLLUError {
            throw CommandError.invalidInput(error.description)
        }
    }
}
