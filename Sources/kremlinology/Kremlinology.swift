import ArgumentParser

@main
struct Kremlinology: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kremlinology",
        abstract: "Turn a corpus about Russian foreign policy into actors, relations and their evidence.",
        discussion: """
            Every command works on one store: --db FILE, or --db postgres://USER@HOST[:PORT]/DB \
            for a shared PostgreSQL store (default: $KREMLINOLOGY_DB, else kremlinology.sqlite in \
            the current folder).

            Start with:
              kremlinology demo
              kremlinology ingest ../shared/seeds
              kremlinology search "hybrid warfare"
            """,
        subcommands: [
            DemoCommand.self, IngestCommand.self, DocumentsCommand.self, ShowCommand.self, SearchCommand.self,
            StatsCommand.self, ActorsCommand.self, CurationCommand.self, RelationsCommand.self, OutletsCommand.self, ExplainCommand.self, ExtractCommand.self,
            DossierCommand.self, BriefCommand.self, NetworkCommand.self, TimelineCommand.self, CompareCommand.self, SaysVsDoesCommand.self, WikiCommand.self, BenchNetworkCommand.self,
            ExportCommand.self, ReextractCommand.self, EnqueueCommand.self, WorkerCommand.self, JobsCommand.self, CopyCommand.self,
            // Server (issue 5):
            ServeCommand.self,
            // Syntax (issue 10):
            ParseCommand.self, TrainParserCommand.self,
        ]
    )

    /// Runs the command, rendering errors of the libraries through ``ErrorPresentation``.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ErrorPresentation.exit(with: error)
        }
    }
}
