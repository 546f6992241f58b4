import Foundation
import KremlinologySyntax
import Testing

/// Training is a pure function of the treebank and the seed.
@Suite struct TrainingTests {
    static var tiny: TrainingOptions {
        var o = TrainingOptions()
        o.tagEpochs = 2; o.parseEpochs = 2; o.lemmaEpochs = 1; o.folds = 2
        return o
    }

    @Test(.enabled(if: Fixture.treebankTestsRun, Fixture.treebankSkipped))
    func trainingTwiceWithTheSameSeedGivesTheSameBytes() throws {
        let train = Array(try CoNLLU.read(path: try Fixture.treebank.get().train).prefix(200))
        let a = SyntaxTrainer.train(train, options: Self.tiny).serialized()
        let b = SyntaxTrainer.train(train, options: Self.tiny).serialized()
        #expect(a.count > 1000)
        #expect(a == b)
        let reloaded = try SyntaxModel(bytes: a)
        #expect(reloaded.serialized() == a)
    }

    @Test(.enabled(if: Fixture.treebankTestsRun, Fixture.treebankSkipped))
    func greedyAndBeamParsersGiveOneTreeAndKeepTheirWidth() throws {
        let train = Array(try CoNLLU.read(path: try Fixture.treebank.get().train).prefix(200))
        let words = ["Russia", "denied", "the", "claims", "but", "Lavrov", "did", "not", "comment", "."]
        for beam in [1, 3] {
            var options = Self.tiny
            options.beam = beam
            let model = SyntaxTrainer.train(train, options: options)
            #expect(model.parser.beam == beam)
            let s = model.annotate(words)
            #expect(s.heads.filter { $0 == 0 }.count == 1)
            // Every word reaches the root without a cycle.
            for i in 0..<s.count {
                var at = i + 1, steps = 0
                while at != 0 && steps <= s.count { at = s.heads[at - 1]; steps += 1 }
                #expect(at == 0, "word \(i + 1) of \(s.heads)")
            }
            #expect(try SyntaxModel(bytes: model.serialized()).parser.beam == beam)
        }
    }

    @Test func damagedModelFilesAreRejectedWithAMessage() {
        #expect(throws: CoNLLUError.self) { try SyntaxModel(bytes: [1, 2, 3, 4, 5, 6, 7, 8], name: "bad.model") }
        #expect(throws: CoNLLUError.self) { try SyntaxModel(contentsOf: "/nonexistent/en.model") }
    }

    @Test func conlluRoundTripsAndSkipsMultiwordAndEmptyNodes() throws {
        let text = """
            # text = I don't know.
            1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
            2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
            2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
            3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
            3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_
            4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
            5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

            """
        let s = try CoNLLU.parse(text)
        #expect(s.count == 1 && s[0].forms == ["I", "do", "n't", "know", "."] && s[0].heads == [4, 4, 4, 0, 4])
        let again = try CoNLLU.parse(CoNLLU.format(s))
        #expect(again[0].forms == s[0].forms && again[0].heads == s[0].heads && again[0].relations == s[0].relations)
        #expect(throws: CoNLLUError.self) { try CoNLLU.parse("1\tonly\tthree\n") }
    }
}
