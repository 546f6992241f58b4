import Foundation
import KremlinologyModel
@testable import KremlinologyStore
import KremlinologyAnalysis

/// Builds stored relations by hand, numbered in order, for tests that need no database.
struct Corpus {
    var relations: [StoredRelation] = []

    mutating func add(_ source: String, _ type: RelationType, _ target: String, modality: Modality = .asserted,
                      outlet: String? = "RT", published: String? = "2021-02-16", time: String? = nil,
                      quote: String? = nil, file: String? = nil, attribution: String? = nil,
                      instruments: [Instrument] = [], timestamp: String? = nil, sourceKey: String = "") {
        let id = Int64(relations.count + 1)
        let text = quote ?? "\(source) \(type.rawValue.lowercased()) \(target)"
        let relation = Relation(source: source, sourceText: source, target: target, targetText: target, type: type,
                                modality: modality, attribution: attribution ?? outlet, instruments: instruments, time: time,
                                quote: text, range: TextRange(start: Int(id) * 100, end: Int(id) * 100 + text.utf8.count),
                                rule: "test")
        let locator = timestamp.map { Locator(timestamp: $0, seconds: 60, paragraph: 1, url: "https://www.youtube.com/watch?v=VID&t=60s") }
            ?? Locator(paragraph: Int(id))
        relations.append(StoredRelation(id: id, documentID: "doc\(id)", fileName: file ?? "doc\(id).txt", outlet: outlet,
                                        published: published, relation: relation, locator: locator, sourceKey: sourceKey))
    }
}

let people = ActorDirectory([
    Actor(name: "Russia", kind: .state, wikidata: "Q159", country: "RUS", aliases: ["Moscow", "the Kremlin"]),
    Actor(name: "Belarus", kind: .state, wikidata: "Q184", country: "BLR", aliases: ["Minsk"]),
    Actor(name: "Ukraine", kind: .state, wikidata: "Q212", country: "UKR", aliases: ["Kyiv"]),
    Actor(name: "Vladimir Putin", kind: .person, wikidata: "Q7747", aliases: ["Putin"],
          affiliations: [Affiliation(organization: "Russia", role: "head of state")]),
    Actor(name: "Dmitry Peskov", kind: .person, aliases: ["Peskov"],
          affiliations: [Affiliation(organization: "Russia", role: "Kremlin spokesman")]),
    Actor(name: "Alexander Lukashenko", kind: .person, aliases: ["Lukashenko"],
          affiliations: [Affiliation(organization: "Belarus", role: "head of state")]),
    Actor(name: "Vladimir Zelensky", kind: .person, aliases: ["Zelensky"],
          affiliations: [Affiliation(organization: "Ukraine", role: "head of state")]),
])

/// Where the test sources are, to find the schemas.
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Runs a program and returns its status and combined output.
func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The path of `xmllint`, if installed.
func xmllintPath() -> String? {
    ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-analysis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
