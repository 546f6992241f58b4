// TEMPORARY development CLI of the extract branch: the lead replaces it with the real commands.
// kremlinology extract [--pack DIR] FILE | --jsonl FILE
// kremlinology explain [--pack DIR] FILE
// kremlinology dev-seeds [--pack DIR] DIR OUT_REL OUT_ACT
// kremlinology bench [--pack DIR] FILE|DIR...
import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel

var args = Array(CommandLine.arguments.dropFirst())
var packDirs: [URL] = []
while let i = args.firstIndex(of: "--pack"), i + 1 < args.count {
    packDirs.append(URL(fileURLWithPath: args[i + 1]))
    args.removeSubrange(i...(i + 1))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(1)
}

func out(_ line: String) {
    FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!)
}

let pack: KnowledgePack
do { pack = try KnowledgePack.load(extraDirectories: packDirs) } catch { fail("\(error)") }
let extractor = Extractor(pack: pack)

struct Prepared {
    var input: ExtractionInput
    var passages: [Passage]
    var videoID: String?
}

func prepare(_ url: URL) throws -> Prepared {
    let doc = try DocumentReader().read(fileAt: url)
    return Prepared(input: ExtractionInput(text: doc.text, documentName: doc.document.fileName, outlet: doc.document.outlet,
                                           published: doc.document.published, passages: doc.passages),
                    passages: doc.passages, videoID: doc.document.videoID)
}

func locator(_ r: Relation, _ p: Prepared) -> String? {
    guard let passage = p.passages.last(where: { $0.range.start <= r.range.start }) else { return nil }
    return passage.locator(at: r.range.start, videoID: p.videoID).label
}

func emit(_ p: Prepared) -> ExtractionResult {
    let result = extractor.extract(p.input)
    let offsets = CodePointOffsets(p.input.text)
    for r in result.relations {
        out(RelationExport.jsonLine(r, document: p.input.documentName, locator: locator(r, p), offsets: offsets))
    }
    return result
}

guard let command = args.first else { fail("usage: kremlinology extract|explain|dev-seeds|bench …") }
switch command {
case "extract":
    if args.count >= 3 && args[1] == "--jsonl" {
        guard let data = FileManager.default.contents(atPath: args[2]) else { fail("cannot read \(args[2])") }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = obj["text"] as? String else { continue }
            let id = (obj["id"] as? String) ?? String(describing: obj["id"] ?? "")
            _ = emit(Prepared(input: ExtractionInput(text: text, documentName: id), passages: [], videoID: nil))
        }
    } else if args.count >= 2 {
        do { _ = emit(try prepare(URL(fileURLWithPath: args[1]))) } catch { fail("\(error)") }
    } else { fail("usage: kremlinology extract FILE | --jsonl FILE") }
case "explain":
    guard args.count >= 2 else { fail("usage: kremlinology explain FILE") }
    let p: Prepared
    if args[1] == "-s", args.count >= 3 {
        p = Prepared(input: ExtractionInput(text: args[2], documentName: "-", outlet: args.count > 3 ? args[3] : nil,
                                            published: args.count > 4 ? args[4] : nil), passages: [], videoID: nil)
    } else {
        do { p = try prepare(URL(fileURLWithPath: args[1])) } catch { fail("\(error)") }
    }
    let result = extractor.extract(p.input, explain: true)
    for t in result.trace where !(t.actors.isEmpty && t.predicates.isEmpty) { print(t.render()) }
case "dev-seeds":
    guard args.count >= 4 else { fail("usage: kremlinology dev-seeds DIR OUT_REL OUT_ACT") }
    let dir = URL(fileURLWithPath: args[1])
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    var relLines: [String] = []
    var perDoc: [(document: String, mentions: [ActorMention])] = []
    for f in files {
        guard let p = try? prepare(dir.appendingPathComponent(f)) else { continue }
        let result = extractor.extract(p.input)
        let offsets = CodePointOffsets(p.input.text)
        for r in result.relations { relLines.append(RelationExport.jsonLine(r, document: f, locator: locator(r, p), offsets: offsets)) }
        perDoc.append((f, result.mentions))
    }
    let actorLines = RelationExport.actorsMentioned(perDoc, pack: pack).map { RelationExport.actorLine($0.actor, documents: $0.documents, mentions: $0.mentions) }
    try? (relLines.joined(separator: "\n") + "\n").write(toFile: args[2], atomically: true, encoding: .utf8)
    try? (actorLines.joined(separator: "\n") + "\n").write(toFile: args[3], atomically: true, encoding: .utf8)
    print("\(relLines.count) relations, \(actorLines.count) actors")
case "bench":
    var paths: [String] = []
    for a in args.dropFirst() {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: a, isDirectory: &isDir), isDir.boolValue {
            let e = FileManager.default.enumerator(atPath: a)
            while let f = e?.nextObject() as? String { if f.hasSuffix(".md") || f.hasSuffix(".txt") { paths.append(a + "/" + f) } }
        } else { paths.append(a) }
    }
    var inputs: [ExtractionInput] = []
    var bytes = 0
    for p in paths {
        guard let d = try? DocumentReader().read(fileAt: URL(fileURLWithPath: p)) else { continue }
        inputs.append(ExtractionInput(text: d.text, documentName: d.document.fileName, outlet: d.document.outlet,
                                      published: d.document.published, passages: d.passages))
        bytes += d.text.utf8.count
    }
    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let start = Date()
    let cpuStart = cpuSeconds()
    var relations = 0, mentions = 0
    var types: [String: Int] = [:]
    var dump: [String] = []
    let dumping = ProcessInfo.processInfo.environment["KREMLINOLOGY_BENCH_DUMP"] != nil
    for i in inputs {
        let r = extractor.extract(i)
        relations += r.relations.count; mentions += r.mentions.count
        for x in r.relations { types[x.type.rawValue, default: 0] += 1 }
        if dumping { for x in r.relations { dump.append("\(i.documentName)\t\(x.sourceText) | \(x.type.rawValue) | \(x.targetText) | \(x.rule) | \(x.quote.prefix(120))") } }
    }
    let secs = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpuStart
    let mb = Double(bytes) / 1_000_000
    print(String(format: "%d docs, %.2f MB, wall %.2f s (%.1f MB/s), CPU %.2f s (%.1f MB/s single core), %d mentions, %d relations (%.1f per MB)",
                 inputs.count, mb, secs, mb / secs, cpu, mb / cpu, mentions, relations, Double(relations) / max(mb, 1e-9)))
    print(types.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    for line in dump { print(line) }
default:
    fail("unknown command \(command)")
}
