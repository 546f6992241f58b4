import PostgresNIO

/// Builds a statement piece by piece, every value a bound parameter, for queries whose
/// shape depends on the filters given (search terms, relation filters).
struct SQLBuilder {
    private var interpolation = PostgresQuery.StringInterpolation(literalCapacity: 256, interpolationCount: 8)

    init(_ sql: String = "") { interpolation.appendLiteral(sql) }

    /// Appends SQL text: only fixed text written in this module, never user input.
    mutating func sql(_ text: String) { interpolation.appendLiteral(text) }

    /// Appends a bound parameter (`$n`).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) { interpolation.appendInterpolation(value) }

    var query: PostgresQuery { PostgresQuery(stringInterpolation: interpolation) }
}

extension PostgresRandomAccessRow {
    /// The value of `column`, decoded; an optional type reads NULL as nil.
    func get<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try self[column].decode(Value.self)
    }
}
