import Hummingbird
import Logging
import NIOCore

/// Assembles the server: one router, the security headers and the error rendering, then
/// each feature's routes; the write routes sit behind ``WriteAccessMiddleware``.
///
/// ```swift
/// let app = try buildApplication(ServerConfiguration(store: store, extraction: extraction))
/// try await app.runService()
/// ```
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(_ configuration: ServerConfiguration,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let corpus = try Corpus(store: configuration.store, extraction: configuration.extraction)
    let writeAccess = WriteAccess(token: configuration.token)
    let router = Router(context: ServerContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())

    let api = router.group("api/v1")
    CorpusAPI(corpus: corpus).addRoutes(to: api)
    AnalysisAPI(corpus: corpus).addRoutes(to: api)
    UploadAPI(corpus: corpus, writeAccess: writeAccess).addRoutes(to: api)
    StaticFiles().addRoutes(to: router)
    CorpusPages(corpus: corpus).addRoutes(to: router)
    AnalysisPages(corpus: corpus).addRoutes(to: router)
    UploadPages(corpus: corpus, writeAccess: writeAccess).addRoutes(to: router)

    var logger = Logger(label: "kremlinology.server")
    logger.logLevel = .warning
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kremlinology"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
