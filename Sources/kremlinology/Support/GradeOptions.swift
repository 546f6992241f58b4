import ArgumentParser
import Foundation
import KremlinologyAnalysis
import KremlinologyExtract
import KremlinologyModel
import KremlinologyStore

/// `--pack DIR`, for commands that grade sources but extract nothing: a folder whose
/// sources.yaml lays its outlet types and grades over the bundled ones.
struct SourcesPackOption: ParsableArguments {
    @Option(name: .customLong("pack"), help: ArgumentHelp(
        "A knowledge-pack folder whose sources.yaml overrides the bundled outlet types and grades. Repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    /// The bundled outlet catalog with each `--pack` folder's sources.yaml over it.
    func catalog() throws -> SourceCatalog { try Self.catalog(packDirectories: directories) }

    /// The bundled outlet catalog with each folder's sources.yaml over it.
    static func catalog(packDirectories: [String]) throws -> SourceCatalog {
        guard !packDirectories.isEmpty else { return try SourceCatalog.bundled() }
        for directory in packDirectories where !FileManager.default.fileExists(atPath: directory) {
            throw CommandError.notFound("--pack \(directory): no such folder")
        }
        return try SourceCatalog.load(extraDirectories: packDirectories.map { URL(fileURLWithPath: $0) })
    }
}

/// `--min-grade GRADE` and `--pack DIR`: the options of every view and listing that grades
/// facts on the Admiralty code (docs/ANALYSIS.md, "Source grading").
struct GradeOptions: ParsableArguments {
    @Option(name: .customLong("min-grade"), help: ArgumentHelp(
        "Only facts graded at least this well: a letter A–F (source reliability) and a digit 1–6 (credibility); B3 keeps A1 … B3.",
        valueName: "GRADE"))
    var minGrade: String?

    @OptionGroup var pack: SourcesPackOption

    func validate() throws {
        if let minGrade, AdmiraltyGrade(minGrade) == nil {
            throw ValidationError("--min-grade must be \(AdmiraltyGrade.expectedForm); got \"\(minGrade)\"")
        }
    }

    /// The minimum grade asked for, if any.
    var minimum: AdmiraltyGrade? { minGrade.flatMap(AdmiraltyGrade.init) }

    /// The outlet catalog the facts are graded with.
    func catalog() throws -> SourceCatalog { try pack.catalog() }

    /// The analysis over `store`, grading with the catalog and filtering by the minimum grade.
    func analyzer(store: any CorpusStore, reviewedOnly: Bool) throws -> CorpusAnalyzer {
        try CorpusAnalyzer(store: store, reviewedOnly: reviewedOnly, sources: catalog(), minimumGrade: minimum)
    }
}
