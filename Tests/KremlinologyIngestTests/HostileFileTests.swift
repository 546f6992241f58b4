import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

/// Writes the hostile files of the robustness suite into one folder, collects and reads it as
/// `ingest` does, and checks what each file gets: a document, or one line naming it.
@Suite("Hostile files")
struct HostileFileTests {
    enum Outcome: Equatable {
        /// Read as a document of this kind.
        case document(DocumentKind)
        /// Refused with a message that contains this text (after "PATH: ").
        case problem(String)
    }

    /// Each file, what it holds, and what it must get. Files without bytes here are made specially below.
    static let files: [(name: String, bytes: [UInt8], expected: Outcome)] = [
        ("empty.txt", [], .problem("empty file")),
        ("spaces.txt", Array(" \n\t \n".utf8), .problem("empty file (only whitespace)")),
        ("binary.bin", Array("PK".utf8) + [0x03, 0x04, 0x00, 0x00], .problem("binary file (NUL byte at offset 4)")),
        ("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" in Minsk.\n".utf8), .problem("invalid UTF-8 at byte offset 3")),
        ("large.txt", Array(repeating: 0x61, count: 5000), .problem("file too large (5000 bytes; limit 4096 bytes")),
        ("bad-yaml.md", Array("---\ntitle: [unclosed\n---\n\nText.\n".utf8), .problem("malformed front matter")),
        ("never-closed.md", Array("---\ntitle: T\n\nText.\n".utf8), .problem("front matter is never closed")),
        ("front-matter-only.md", Array("---\ntitle: T\nvideoId: abc\n---\n".utf8), .problem("no text: only front matter")),
        ("script.html", Array("<html><body><script>var a = '<p>x</p>';".utf8), .problem("no text: ")),
        ("comment.html", Array("<html><body><!-- <p>hidden</p>".utf8), .problem("no text: ")),
        ("fence.md", Array("```\n".utf8), .problem("no text: ")),
        ("utf16.txt", [0xFF, 0xFE] + "Russia and Belarus signed a treaty.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .document(.text)),
        ("facts.txt", Array("- Russia supplies gas\n- Putin visited Minsk\n- Xi met Lukashenko\n- Turkey bought S-400s\n- Hungary blocked aid\n".utf8), .document(.text)),
        ("phish.md", Array("---\ntitle: T\nurl: /\\evil.example/phish\n---\n\nText.\n".utf8), .document(.markdown)),
        ("fifo.txt", [], .problem("not a regular file (FIFO)")),
        ("zero.txt", [], .problem("not a regular file (character device)")),
        ("dangling.txt", [], .problem("symbolic link to /nonexistent/target, which does not exist")),
        ("locked", [], .problem("folder cannot be listed")),
        ("deep", [], .problem("more than 64 folders deep")),
    ]

    @Test func eachHostileFileGetsItsOutcomeAndMessage() throws {
        let root = try TempFolder([])
        defer { root.remove() }
        let fm = FileManager.default
        for file in Self.files where !file.bytes.isEmpty || file.name == "empty.txt" {
            fm.createFile(atPath: root.path(file.name), contents: Data(file.bytes))
        }
        #expect(mkfifo(root.path("fifo.txt"), 0o644) == 0)
        try fm.createSymbolicLink(atPath: root.path("zero.txt"), withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: root.path("dangling.txt"), withDestinationPath: "/nonexistent/target")
        try fm.createDirectory(atPath: root.path("locked"), withIntermediateDirectories: false)
        fm.createFile(atPath: root.path("locked/inside.txt"), contents: Data("Text.\n".utf8))
        let deep = "deep/" + (1...70).map { "d\($0)" }.joined(separator: "/")
        try fm.createDirectory(atPath: root.path(deep), withIntermediateDirectories: true)
        fm.createFile(atPath: root.path(deep + "/bottom.txt"), contents: Data("Text.\n".utf8))

        // As root every folder can be listed, so the locked one is refused by the injected lister.
        let locked = root.path("locked")
        let collector = FileCollector(listFolder: { folder in
            if folder == locked { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        })
        let collection = collector.collectReporting([root.url])
        var outcomes: [String: Outcome] = [:]
        var messages: [String: String] = [:]
        func name(of path: String) -> String {
            let relative = String(path.dropFirst(root.url.path.count + 1))
            return String(relative.prefix { $0 != "/" })
        }
        for problem in collection.problems {
            let path = String(problem.description.prefix { $0 != ":" })
            outcomes[name(of: path)] = .problem(problem.description)
            messages[name(of: path)] = problem.description
        }
        let reader = DocumentReader(maxFileBytes: 4096)
        for url in collection.files {
            do {
                outcomes[name(of: url.path)] = .document(try reader.read(fileAt: url).document.kind)
            } catch {
                outcomes[name(of: url.path)] = .problem(String(describing: error))
                messages[name(of: url.path)] = String(describing: error)
            }
        }
        for file in Self.files {
            switch (file.expected, outcomes[file.name]) {
            case let (.document(kind), .document(got)?):
                #expect(kind == got, "\(file.name): read as \(got), expected \(kind)")
            case let (.problem(text), .problem(message)?):
                #expect(message.hasPrefix(root.path(file.name)) && message.contains(text), "\(file.name): \(message) lacks \(text.debugDescription)")
            case let (expected, got):
                Issue.record("\(file.name): expected \(expected), got \(String(describing: got))")
            }
        }
        #expect(Set(outcomes.keys) == Set(Self.files.map(\.name)), "files with no outcome: \(Set(Self.files.map(\.name)).subtracting(outcomes.keys))")
        let phish = try reader.read(fileAt: root.url.appendingPathComponent("phish.md"))
        #expect(phish.document.url == nil)
    }
}
