import ArgumentParser
import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read files and folders into the store, extracting actors and relations.",
        discussion: """
            Folders are read recursively; - reads standard input. Formats are recognised by \
            content: video notes, articles, web pages, HTML, Markdown, plain text. An unchanged \
            file is skipped, a changed one replaces its old version, and a file that fails is \
            reported without stopping the rest. Exit status 1 when any file failed; a full disk \
            stops the ingest at once (exit 69) with the count stored. Each file is stored under \
            its path relative to the folder named (ingest /home/me/notes → notes/sub/a.md), so \
            no absolute path reaches the store. A document's date and outlet can be given: with \
            --published and --outlet for every file named, or in a sidecar NAME.meta.yaml beside \
            NAME.md (keys published, outlet, title, author, url); flags win over sidecars, which \
            win over what the document says of itself.
            Examples:
              kremlinology ingest ../shared/seeds
              kremlinology ingest rt-articles/ --outlet RT --published 2024-11-08
              kremlinology ingest notes/ report.html --db team.sqlite
              curl -s https://example.org/a.html | kremlinology ingest -
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Argument(help: "Files, folders, or - for standard input.") var paths: [String]
    @Option(help: "Files read and extracted in parallel (default: the number of cores).") var workers: Int?
    @Flag(help: "Store documents without extracting facts (run `reextract` later).") var noExtract = false
    @Option(help: ArgumentHelp("The publication date of every document read, YYYY-MM-DD.", valueName: "DATE")) var published: String?
    @Option(help: ArgumentHelp("The outlet of every document read.", valueName: "NAME")) var outlet: String?
    @Flag(help: "Always show the progress line, even when standard error is not a terminal.") var progress = false
    @Flag(help: "Print the summary as JSON.") var json = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give files or folders to ingest, e.g. kremlinology ingest ../shared/seeds") }
        if let workers, !(1...64).contains(workers) { throw ValidationError("--workers must be between 1 and 64") }
    }

    func run() throws {
        let corpus = try store.openForWriting()
        let extraction = noExtract ? nil : try pack.load(curatedBy: corpus)
        let reader: DocumentReader
        do {
            reader = try DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment,
                                        metadata: DocumentMetadata(published: published, outlet: outlet))
        } catch IngestError.malformedMetadata(_, let message) {
            throw CommandError.invalidInput("--" + message)  // "--published \"…\" is not a date; …"
        }
        let ingestor = CorpusIngestor(store: corpus, reader: reader, extraction: extraction?.closure,
                                      partedExtraction: extraction?.partedClosure,
                                      workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        var report = IngestReport()
        let reportProblem: (IngestEvent) -> Void = { event in
            if case .failed(_, let message) = event { Output.error("✗ \(message)") }
            if case .stored(let path, .duplicate(let twin)) = event { Output.error("= \(path): same content as \(twin); not stored again") }
        }
        let files = paths.filter { $0 != "-" }
        if !files.isEmpty {
            let (collected, storedPaths) = StoredPaths.collect(files)
            for problem in collected.problems { Output.error("✗ \(problem)") }
            let line = ProgressLine(enabled: progress || isatty(STDERR_FILENO) != 0)
            report = ingestor.ingest(files: collected.files, displayPaths: storedPaths,
                                     progress: line.update, event: reportProblem)
            line.finish()
            for problem in collected.problems { report.recordFailure(path: problem, message: problem) }
        }
        if paths.contains("-") {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            let stdin = ingestor.ingest(bytes: bytes, path: "-", fileName: "stdin.txt", event: reportProblem)
            report.merge(stdin)
        }
        if json {
            try Output.json(report)
        } else {
            let rate = report.seconds > 0 ? String(format: ", %.1f MB/s", Double(report.bytes) / 1_000_000 / report.seconds) : ""
            print("ingested \(report.files) files (\(Output.bytes(report.bytes)) in \(String(format: "%.2f", report.seconds)) s\(rate)) "
                  + "into \(store.displayLocation): added \(report.added), unchanged \(report.unchanged), replaced \(report.replaced), "
                  + "duplicates \(report.duplicates), failed \(report.failed)")
        }
        if let reason = report.stoppedBecause {
            Output.error("✗ ingest stopped: \(reason). \(report.stored) files are stored, \(report.notAttempted) were not tried; "
                         + "after freeing space, run the same command again: the stored files are skipped as unchanged")
            throw ExitCode(ErrorPresentation.status(of: .unavailable))
        }
        if report.failed > 0 { throw ExitCode(1) }
    }
}

/// A progress line on standard error, redrawn in place at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: IngestProgress) {
        guard enabled, progress.filesTotal > 1, Date().timeIntervalSince(lastDraw) > 0.1 || progress.filesDone == progress.filesTotal else { return }
        lastDraw = Date()
        drawn = true
        let line = String(format: "\r  %d/%d files  %@  %.1f MB/s  ", progress.filesDone, progress.filesTotal,
                          Output.bytes(progress.bytesDone), progress.megabytesPerSecond)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
