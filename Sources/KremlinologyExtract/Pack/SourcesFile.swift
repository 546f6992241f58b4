import Foundation
import KremlinologyModel
import Yams

/// Reading the pack's `sources.yaml` (outlet types and default reliability grades, see the
/// file's header) into a ``SourceCatalog``. The extractor never reads it: the views, the
/// listings and the exports grade sources with it.
extension SourceCatalog {
    /// The name of the file in a pack folder.
    public static let fileName = "sources.yaml"

    /// The bundled catalog (unless `includingBundled` is false), with each folder's own
    /// `sources.yaml` laid over it in turn: its defaults replace those of the same type, its
    /// `unlisted` the unlisted grade, its outlets the entries of the same name. A folder
    /// without the file changes nothing.
    public static func load(includingBundled: Bool = true, extraDirectories: [URL] = []) throws -> SourceCatalog {
        var catalog = SourceCatalog()
        var files: [(URL, String)] = []
        if includingBundled {
            guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
                throw PackError(file: fileName, line: nil, message: "the bundled pack is missing from the build")
            }
            files.append((url.appendingPathComponent(fileName), fileName))
        }
        for directory in extraDirectories {
            let url = directory.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: url.path) { files.append((url, url.path)) }
        }
        for (url, name) in files {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw PackError(file: name, line: nil, message: "cannot be read")
            }
            try read(String(decoding: data, as: UTF8.self), file: name, into: &catalog)
        }
        return catalog
    }

    /// The bundled catalog, read once.
    public static func bundled() throws -> SourceCatalog { try bundledCatalog.get() }
    private static let bundledCatalog = Result { try load() }

    /// Reads the text of one `sources.yaml` into `catalog`.
    static func read(_ text: String, file: String, into catalog: inout SourceCatalog) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw PackError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let top = root.mapping else {
            throw PackError(file: file, line: root.mark?.line, message: "expected a mapping with `defaults`, `unlisted` and `outlets`")
        }
        let reader = SourcesReader(file: file)
        if let defaults = top["defaults"], !SourcesReader.isBlank(defaults) {
            guard let map = defaults.mapping else {
                throw PackError(file: file, line: defaults.mark?.line, message: "`defaults` must map types to letters, e.g. state-media: D")
            }
            for (key, value) in map {
                catalog.typeDefaults[try reader.type(key)] = try reader.reliability(value)
            }
        }
        if let unlisted = top["unlisted"] { catalog.unlisted = try reader.reliability(unlisted) }
        if let outlets = top["outlets"], !SourcesReader.isBlank(outlets) {
            guard let list = outlets.sequence else {
                throw PackError(file: file, line: outlets.mark?.line, message: "`outlets` must be a list, each item starting with `- name:`")
            }
            for item in list { catalog.add(try reader.entry(item)) }
        }
    }
}

/// The typed reading of one file's nodes, each mistake named with its file and line.
private struct SourcesReader {
    let file: String

    /// Whether `node` is left empty (`outlets:` with nothing after it).
    static func isBlank(_ node: Node) -> Bool { ["", "null", "~"].contains(node.scalar?.string ?? "-") }

    func problem(_ node: Node?, _ message: String) -> PackError { PackError(file: file, line: node?.mark?.line, message: message) }

    func type(_ node: Node) throws -> OutletType {
        let text = node.scalar?.string ?? ""
        guard let type = OutletType(rawValue: text) else {
            throw problem(node, "unknown outlet type \"\(text)\"; the types are \(OutletType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    func reliability(_ node: Node) throws -> Reliability {
        let text = node.scalar?.string ?? ""
        guard let reliability = Reliability(letter: text) else {
            throw problem(node, "a reliability must be \(Reliability.expectedForm), found \"\(text)\"")
        }
        return reliability
    }

    func entry(_ item: Node) throws -> SourceCatalog.Entry {
        guard let map = item.mapping else { throw problem(item, "expected a mapping with `name` and `type`") }
        func string(_ key: String) throws -> String? {
            guard let node = map[key] else { return nil }
            guard let text = node.scalar?.string else { throw problem(node, "`\(key)` must be a single value") }
            return text.isEmpty ? nil : text
        }
        guard let name = try string("name") else { throw problem(item, "an outlet without a `name`") }
        guard let typeNode = map["type"] else { throw problem(item, "the outlet \(name) has no `type`") }
        var aliases: [String] = []
        if let node = map["aliases"], node.scalar?.string.isEmpty != true {
            guard let list = node.sequence else { throw problem(node, "`aliases` must be a list, e.g. [Russia Today, Rt.com]") }
            aliases = try list.map { alias in
                guard let text = alias.scalar?.string else { throw problem(alias, "`aliases` items must be plain strings") }
                return text
            }
        }
        return SourceCatalog.Entry(name: name, aliases: aliases, type: try type(typeNode),
                                   reliability: try map["reliability"].map(reliability), country: try string("country"),
                                   note: try string("note"))
    }
}
