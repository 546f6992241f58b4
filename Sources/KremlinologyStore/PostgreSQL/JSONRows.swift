import KremlinologyModel

/// Rows written as one JSON array of objects, so that all the passages (or relations, …)
/// of a document go to the server in one statement:
/// `INSERT INTO t (a, b) SELECT a, b FROM json_populate_recordset(NULL::t, $1::json)`.
/// One round trip per table instead of one per row is what makes bulk ingestion fast.
struct JSONRows {
    private(set) var text = "["
    private(set) var count = 0
    private var current = ""

    /// Adds one row; `fields` are column names with their values (nil becomes JSON null).
    mutating func append(_ fields: KeyValuePairs<String, JSONValue?>) {
        var object = count == 0 ? "{" : ",{"
        var first = true
        for (name, value) in fields {
            object += (first ? "" : ",") + Escape.json(name) + ":" + (value?.json ?? "null")
            first = false
        }
        text += object + "}"
        count += 1
    }

    /// Adds one row of the store core: `values` in the order of `columns`.
    mutating func append(columns: [String], values: [SQLValue]) {
        var object = count == 0 ? "{" : ",{"
        for (index, (name, value)) in zip(columns, values).enumerated() {
            object += (index == 0 ? "" : ",") + Escape.json(name) + ":"
            switch value {
            case .null: object += "null"
            case .integer(let v): object += String(v)
            case .real(let v): object += v.isFinite ? String(v) : "null"
            case .text(let v): object += Escape.json(v)
            }
        }
        text += object + "}"
        count += 1
    }

    /// The finished JSON array.
    var json: String { text + "]" }
}

/// A JSON scalar for ``JSONRows``.
enum JSONValue {
    case string(String)
    case int(Int)

    var json: String {
        switch self {
        case .string(let value): Escape.json(value)
        case .int(let value): String(value)
        }
    }
}

extension Optional where Wrapped == String {
    var jsonValue: JSONValue? { map(JSONValue.string) }
}

extension Optional where Wrapped == Int {
    var jsonValue: JSONValue? { map(JSONValue.int) }
}
