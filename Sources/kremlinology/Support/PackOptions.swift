import ArgumentParser
import KremlinologyPipeline
import KremlinologyStore

/// `--pack DIR`: knowledge-pack folders that extend or override the bundled one.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("pack"), help: ArgumentHelp(
        "A folder of extra knowledge-pack files (actors/*.yaml, lexicon files) that extend the bundled pack. Repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    /// The packs alone, for text that belongs to no store (`extract`, `explain FILE`).
    func load() throws -> FactExtraction { try FactExtraction(packDirectories: directories) }

    /// The packs with `store`'s curation decisions on top: how the store's documents are read.
    func load(curatedBy store: any CorpusStore) throws -> FactExtraction {
        try FactExtraction(packDirectories: directories, curatedBy: store)
    }
}
