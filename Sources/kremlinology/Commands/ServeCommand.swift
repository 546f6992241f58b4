import ArgumentParser
import Foundation
import KremlinologyPipeline
import KremlinologyServer
import KremlinologyStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application and the JSON API (/api/v1) over the store.",
        discussion: """
            Pages: search, actors (dossier), pairs (brief with a cooperation–conflict chart), the \
            network (pan, zoom, filter, click an actor), documents with every fact highlighted, \
            outlets and the timeline. The API is described at /api/v1/openapi.yaml. The server \
            is read-only unless a token is given; uploads, judgements and outlet grades then need \
            'Authorization: Bearer T'. --pack DIR extends the pack (and its sources.yaml the outlet grades). \
            Only requests addressed to localhost, 127.0.0.1, [::1] or --host are answered (a \
            guard against DNS rebinding); add names with --allow-host. SIGTERM or Ctrl-C stops \
            the server within a second.
            Examples:
              kremlinology serve --db team.sqlite
              kremlinology serve --port 9000 --token s3cret
              kremlinology serve --host 0.0.0.0 --allow-host corpus.lan
              curl -s 'http://127.0.0.1:8080/api/v1/search?q=Lukashenko&limit=5'
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Option(help: "Interface to listen on; only this machine by default.") var host = "127.0.0.1"
    @Option(help: "TCP port (0 picks a free one).") var port = 8080
    @Option(help: ArgumentHelp("Token that allows uploads (default: $KREMLINOLOGY_TOKEN); without one the server is read-only.",
                               valueName: "T"))
    var token: String?
    @Option(name: .customLong("allow-host"), help: ArgumentHelp("Another host name to answer for (repeatable), e.g. a LAN name.",
                                                              valueName: "NAME"))
    var allowHost: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let token = token ?? ProcessInfo.processInfo.environment["KREMLINOLOGY_TOKEN"]
        let writable = !(token ?? "").isEmpty
        let corpus = writable ? try store.openForWriting() : try store.openForReading()
        // With the token, uploads are read as the store reads its documents (its curation
        // decisions on top of the packs), and curation through the pages takes effect at once.
        let curation = writable ? try LiveCuration(Curator(store: corpus, packDirectories: pack.directories)) : nil
        var configuration = ServerConfiguration(host: host, port: port, token: token, store: corpus, extraction: nil,
                                                allowedHosts: allowHost, curation: curation,
                                                sources: try SourcesPackOption.catalog(packDirectories: pack.directories))
        configuration.packDirectories = pack.directories
        let location = store.location
        let boundHost = configuration.host
        let app = try buildApplication(configuration) { port in
            let mode = writable ? "uploads allowed with the token" : "read-only"
            let line = "serving \(location) on http://\(boundHost):\(port)/ (\(mode)); press Ctrl-C to stop\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        do {
            try await runUntilSignalled(app)
        } catch where "\(error)".contains("Address already in use") {
            Output.error("error: \(host):\(port) is already in use; choose another port with --port")
            throw ExitCode.failure
        }
    }
}
