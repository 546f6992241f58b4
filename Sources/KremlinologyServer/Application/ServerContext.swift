import Hummingbird

/// The request context of every route: Hummingbird's core storage, with the body limit of
/// the server (larger bodies get 413).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// Largest request body accepted, in bytes.
    public static let maximumBodyBytes = 16 << 20

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Self.maximumBodyBytes }
}
