import ArgumentParser
import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract relations from a file or standard input without a store, as JSON lines.",
        discussion: """
            Writes one relation a line in the export format of ONTOLOGY.md. With --jsonl the \
            input is JSON Lines of {"id", "text"} records and each relation's document is the \
            record's id.
            Examples:
              kremlinology extract article.txt
              kremlinology extract --jsonl ../shared/eval/plover-dev.jsonl > relations.jsonl
              echo "Russia attacked Ukraine in 2022." | kremlinology extract -
            """)

    @OptionGroup var pack: PackOptions
    @Argument(help: "A file, or - for standard input.") var file: String
    @Flag(help: "The input is JSON Lines of {\"id\", \"text\"} records.") var jsonl = false

    func run() throws {
        let facts = try pack.load()
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            bytes = try DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment)
                .bytes(ofFileAt: URL(fileURLWithPath: file), displayPath: file)
        }
        var output = FileHandle.standardOutput
        if jsonl {
            // Records are extracted a chunk at a time on every core and printed in input order.
            var chunk: [(id: String, text: String)] = []
            func flush() {
                let lines = Parallel.map(chunk) { record -> [String] in
                    let offsets = CodePointOffsets(record.text)
                    return facts.extractor.extract(ExtractionInput(text: record.text, documentName: record.id)).relations.map {
                        RelationExport.jsonLine($0, document: record.id, locator: nil, offsets: offsets)
                    }
                }
                for line in lines.joined() { print(line, to: &output) }
                chunk.removeAll(keepingCapacity: true)
            }
            do {
                try JSONLRecords.forEach(in: bytes, source: file) { id, text in
                    chunk.append((id, text))
                    if chunk.count == 256 { flush() }
                }
            } catch {
                flush()  // what came before the bad record is still printed
                throw error
            }
            flush()
            return
        }
        let name = file == "-" ? "stdin.txt" : URL(fileURLWithPath: file).lastPathComponent
        let document = try DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment).read(bytes: bytes, path: file, fileName: name)
        let offsets = CodePointOffsets(document.text)
        for relation in facts.extract(document).relations {
            let locator = document.passage(containing: relation.range.start)?
                .locator(at: relation.range.start, videoID: document.document.videoID).label
            print(RelationExport.jsonLine(relation, document: name, locator: locator, offsets: offsets), to: &output)
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}

/// Reads JSON Lines of `{"id", "text"}` records, naming the line of any bad record.
enum JSONLRecords {
    static func forEach(in bytes: [UInt8], source: String, _ body: (String, String) throws -> Void) throws {
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            let object = try? JSONSerialization.jsonObject(with: Data(line))
            guard let record = object as? [String: Any], let text = record["text"] as? String else {
                throw CommandError.invalidInput("\(source):\(lineNumber): expected a JSON object with a \"text\" string (and an \"id\")")
            }
            let id = (record["id"] as? String) ?? (record["id"].map { "\($0)" } ?? "\(lineNumber)")
            try body(id, text)
        }
    }
}
