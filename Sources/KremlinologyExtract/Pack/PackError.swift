/// A mistake in a knowledge-pack file, naming the file and line, e.g.
/// `actors/people.yaml:123: expected a mapping with a "name"`.
public struct PackError: Error, CustomStringConvertible, Sendable {
    /// The file, relative to its pack directory (`actors/people.yaml`, `relations.tsv`).
    public var file: String
    /// 1-based line number, when known.
    public var line: Int?
    /// What was wrong, written for the analyst who edits the file.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
