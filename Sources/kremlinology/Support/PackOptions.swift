import ArgumentParser
import KremlinologyPipeline

/// `--pack DIR`: knowledge-pack folders that extend or override the bundled one.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("pack"), help: ArgumentHelp(
        "A folder of extra knowledge-pack files (actors/*.yaml, lexicon files) that extend the bundled pack. Repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    func load() throws -> FactExtraction { try FactExtraction(packDirectories: directories) }
}
