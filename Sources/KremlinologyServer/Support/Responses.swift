import Foundation
import Hummingbird
import NIOCore

/// Builds the responses of the API and the pages.
enum Responses {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// `value` as JSON.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"status":500,"message":"could not encode the response"}}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `value` as JSON that is safe inside an HTML `<script type="application/json">` block.
    static func jsonForHTML<T: Encodable>(_ value: T) -> String {
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// A page.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    /// Bytes with a content type (static files, the OpenAPI document).
    static func bytes(_ data: Data, contentType: String, cache: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if cache { headers[.cacheControl] = "public, max-age=300" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Text to save as `fileName` (only letters, digits, `.`, `-`, `_`: the caller's constant).
    static func download(_ text: String, contentType: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(fileName)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a form post.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
