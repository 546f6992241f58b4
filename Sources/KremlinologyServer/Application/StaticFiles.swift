import Foundation
import Hummingbird

/// The CSS, JavaScript and OpenAPI document shipped as resources, loaded once at start.
///
/// Files are looked up by exact name in a table built from the resource folder, so a path
/// such as `../Package.swift` can never reach the file system.
struct StaticFiles: Sendable {
    private let files: [String: Data]

    init() {
        var files: [String: Data] = [:]
        if let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) {
            for sub in ["static", "api"] {
                let dir = folder.appendingPathComponent(sub)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
                    files["\(sub)/\(name)"] = try? Data(contentsOf: dir.appendingPathComponent(name))
                }
            }
        }
        self.files = files
    }

    /// The bytes of `static/NAME` or `api/NAME`.
    func file(_ path: String) -> Data? { files[path] }

    func addRoutes(to router: Router<ServerContext>) {
        router.get("static/{file}") { _, context in
            let name = try context.parameters.require("file")
            guard let data = file("static/\(name)") else { throw RequestError.notFound("no static file '\(name)'") }
            return Responses.bytes(data, contentType: Self.contentType(of: name), cache: true)
        }
        router.get("api/v1/openapi.yaml") { _, _ in
            guard let data = file("api/openapi.yaml") else { throw RequestError.notFound("the OpenAPI document is missing") }
            return Responses.bytes(data, contentType: "application/yaml; charset=utf-8")
        }
    }

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}
