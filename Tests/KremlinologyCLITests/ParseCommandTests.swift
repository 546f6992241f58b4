import Foundation
import Testing

/// `kremlinology parse`: CoNLL-U for any text, and clear errors.
@Suite struct ParseCommandTests {
    @Test func parsePrintsValidCoNLLU() async throws {
        let cli = try CLIHarness()
        let text = "Russia denied the claims, but Lavrov didn't comment.\nThe EU's sanctions hit 1,000 firms."
        let result = try await cli.run(["parse", "-"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        let blocks = result.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(blocks.count == 2)
        for block in blocks {
            let lines = block.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("# text = ") })
            let words = lines.filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            #expect(!words.isEmpty)
            var roots = 0
            for (i, cols) in words.enumerated() {
                #expect(cols.count == 10)
                #expect(Int(cols[0]) == i + 1)
                let head = try #require(Int(cols[6]))
                #expect(head >= 0 && head <= words.count && head != i + 1)
                if head == 0 { roots += 1; #expect(cols[7] == "root") }
                #expect(!cols[2].isEmpty && !cols[3].isEmpty && !cols[7].isEmpty)
            }
            #expect(roots == 1)
        }
        #expect(result.stdout.contains("\tdid\tdo\tAUX\t") && result.stdout.contains("\tn't\tnot\tPART\t"))
    }

    @Test func parseOfAMissingFileSaysSoWithoutAStackTrace() async throws {
        let cli = try CLIHarness()
        let result = try await cli.run(["parse", "no-such-file.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-file.txt"))
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        let evaluate = try await cli.run(["parse", "--evaluate", "missing.conllu"])
        #expect(evaluate.status != 0 && evaluate.stderr.contains("missing.conllu"))
    }

    @Test func evaluatePrintsTheFiguresAsJSON() async throws {
        let cli = try CLIHarness()
        let gold = try cli.write("gold.conllu", """
            # text = Russia denied the claims.
            1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
            2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_
            3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
            4\tclaims\tclaim\tNOUN\tNNS\t_\t2\tobj\t_\t_
            5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

            """)
        let result = try await cli.run(["parse", "--evaluate", gold, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["upos", "uas", "las", "tokens", "tokens_per_second"] { #expect(json[key] != nil, "missing \(key)") }
        #expect(json["tokens"] as? Int == 5)
        #expect((json["uas"] as? Double ?? 0) >= 0.8)
    }

    @Test func everySyntaxCommandHasHelpWithAnExample() async throws {
        let cli = try CLIHarness()
        for command in ["parse", "train-parser"] {
            let result = try await cli.run(["help", command])
            #expect(result.stdout.contains("Examples:") && result.stdout.contains("kremlinology \(command)"), "\(command)")
        }
    }
}
