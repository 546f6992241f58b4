import Foundation

/// The three files of a Universal Dependencies treebank (`*-ud-train.conllu`, `-dev`, `-test`),
/// found in a folder or unpacked from a `.tar.gz` into a temporary folder.
public struct Treebank: Sendable {
    /// Paths of the train, dev and test files.
    public var train: String, dev: String, test: String

    /// The treebank in folder `path`, or in the archive `path` (`.tar.gz`, unpacked with /usr/bin/tar).
    public init(path: String) throws {
        var folder = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CoNLLUError(description: "\(path): no such treebank folder or archive")
        }
        if !isDirectory.boolValue {
            guard path.hasSuffix(".tar.gz") || path.hasSuffix(".tgz") else {
                throw CoNLLUError(description: "\(path): expected a folder of .conllu files or a .tar.gz archive")
            }
            folder = try Self.unpack(path)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        func find(_ part: String) throws -> String {
            guard let name = names.sorted().first(where: { $0.hasSuffix("-ud-\(part).conllu") }) else {
                throw CoNLLUError(description: "\(path): no *-ud-\(part).conllu file in the treebank")
            }
            return (folder as NSString).appendingPathComponent(name)
        }
        train = try find("train"); dev = try find("dev"); test = try find("test")
    }

    /// Unpacks an archive into a fresh temporary folder and returns the folder holding the files.
    static func unpack(_ archive: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("treebank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["xzf", archive, "-C", dir.path]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else {
            throw CoNLLUError(description: "\(archive): tar could not unpack it (status \(tar.terminationStatus))")
        }
        // The files may sit in a subfolder of the archive.
        let enumerator = FileManager.default.enumerator(atPath: dir.path)
        while let item = enumerator?.nextObject() as? String {
            if item.hasSuffix("-ud-train.conllu") {
                return dir.appendingPathComponent((item as NSString).deletingLastPathComponent).path
            }
        }
        return dir.path
    }
}
