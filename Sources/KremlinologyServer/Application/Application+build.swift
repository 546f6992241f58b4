import Hummingbird
import Logging
import NIOCore

/// Assembles the server: one router, the security headers and the error rendering, the
/// request guards (allowed hosts, URL and header size, 405 for a known path, the cap on
/// expensive requests), then each feature's routes; the write routes sit behind
/// ``WriteAccessMiddleware``. The HTTP decoder refuses headers past 4× the header bound.
///
/// ```swift
/// let app = try buildApplication(ServerConfiguration(store: store, extraction: extraction))
/// try await app.runService()
/// ```
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(_ configuration: ServerConfiguration,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let bounds = configuration.bounds
    let corpus = try Corpus(store: configuration.store, extraction: configuration.extraction ?? configuration.curation?.closure,
                            curation: configuration.curation, packDirectories: configuration.packDirectories,
                            sources: configuration.sources,
                            timeBudget: bounds.timeBudget)
    let writeAccess = WriteAccess(token: configuration.token)
    let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
    let routeTable = RouteTable()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: HostCheckMiddleware(boundHost: configuration.host, extraHosts: configuration.allowedHosts))
    router.add(middleware: RequestLimitsMiddleware(bounds: bounds))
    router.add(middleware: MethodMiddleware(table: routeTable))
    router.add(middleware: ExpensiveRequestMiddleware(bounds: bounds))

    let api = router.group("api/v1")
    CorpusAPI(corpus: corpus).addRoutes(to: api)
    AnalysisAPI(corpus: corpus).addRoutes(to: api)
    UploadAPI(corpus: corpus, writeAccess: writeAccess).addRoutes(to: api)
    CurationAPI(corpus: corpus, writeAccess: writeAccess).addRoutes(to: api)
    StaticFiles().addRoutes(to: router)
    CorpusPages(corpus: corpus).addRoutes(to: router)
    AnalysisPages(corpus: corpus).addRoutes(to: router)
    UploadPages(corpus: corpus, writeAccess: writeAccess).addRoutes(to: router)
    CurationPages(corpus: corpus, writeAccess: writeAccess).addRoutes(to: router)
    OutletsPages(corpus: corpus, writeAccess: writeAccess).addRoutes(to: router)
    routeTable.record(router.routes.map { ($0.path.description, $0.method) })

    var logger = Logger(label: "kremlinology.server")
    logger.logLevel = .warning
    return Application(
        router: router,
        server: .http1(configuration: .init(httpDecoderConfiguration: .init(
            maxHeaderFieldSize: 4 * bounds.maximumHeaderBytes, maxHeaderListSize: 4 * bounds.maximumHeaderBytes, maxHeaderFieldCount: 200))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kremlinology"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
