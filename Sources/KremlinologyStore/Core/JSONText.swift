import Foundation
import KremlinologyModel

/// JSON columns: small arrays stored as text so that the schema stays flat.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `["a","b"]` for strings that need no escaping beyond quotes and backslashes.
    static func strings(_ values: [String]) -> String {
        "[" + values.map(Escape.json).joined(separator: ",") + "]"
    }

    /// Timestamp anchors, written by hand: JSONEncoder is slow on Linux and runs once per passage.
    static func anchors(_ anchors: [TimestampAnchor]) -> String {
        "[" + anchors.map { "{\"offset\":\($0.offset),\"seconds\":\($0.seconds),\"timestamp\":\(Escape.json($0.timestamp))}" }
            .joined(separator: ",") + "]"
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }
}
