import Foundation
import KremlinologyExtract
import KremlinologyModel
import Testing

/// The pack's sources.yaml (issue 15): the bundled one loads with a default for every outlet
/// type, a user's folder lays its own over it, and mistakes name the file and line.
@Suite struct SourcesFileTests {
    @Test func theBundledCatalogGradesEveryTypeAndKnowsTheCorpusOutlets() throws {
        let catalog = try SourceCatalog.bundled()
        #expect(Set(catalog.typeDefaults.keys) == Set(OutletType.allCases), "every type has a default")
        #expect(catalog.unlisted == .f)
        for outlet in ["RT", "Rt.com", "TASS", "UNN", "ISW", "GlobalSecurity", "The 21st Century"] {
            #expect(catalog.entry(for: outlet) != nil, "\(outlet): an outlet the readers name")
        }
        #expect(catalog.entry(for: "Russia Today")?.name == "RT")
        #expect(catalog.grade(of: "RT", analyst: nil, isVideoChannel: false).type == .stateMedia)
    }

    @Test func aUserPackOverridesDefaultsAndEntriesByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            defaults:
              video-channel: C
            outlets:
              - name: RT
                type: state-media
                reliability: E
                note: our desk's grade
              - name: bonus_professor
                type: video-channel
                reliability: B
            """.utf8).write(to: folder.appendingPathComponent("sources.yaml"))
        let catalog = try SourceCatalog.load(extraDirectories: [folder])
        #expect(catalog.typeDefaults[.videoChannel] == .c)
        #expect(catalog.typeDefaults[.stateMedia] == .d, "a default the user leaves out stays the bundled one")
        #expect(catalog.entry(for: "RT")?.reliability == .e && catalog.entry(for: "RT")?.note == "our desk's grade")
        #expect(catalog.entry(for: "Russia Today") == nil, "the user's entry replaces the bundled one, aliases and all")
        #expect(catalog.entry(for: "bonus_professor")?.reliability == .b)
        #expect(catalog.entry(for: "TASS") != nil, "entries the user does not name stay")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sources-empty-\(UUID().uuidString)")
        #expect(try SourceCatalog.load(extraDirectories: [empty]) == SourceCatalog.bundled(), "a folder without the file changes nothing")
    }

    @Test func mistakesNameTheFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sources-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (text, expected) in [
            ("defaults:\n  state-media: G\n", "a reliability must be one letter A–F"),
            ("defaults:\n  tabloid: E\n", "unknown outlet type \"tabloid\""),
            ("outlets:\n  - name: RT\n", "has no `type`"),
            ("outlets:\n  - type: state-media\n", "without a `name`"),
            ("outlets: RT\n", "`outlets` must be a list"),
        ] {
            try Data(text.utf8).write(to: folder.appendingPathComponent("sources.yaml"))
            do {
                _ = try SourceCatalog.load(extraDirectories: [folder])
                Issue.record("\(text) loaded")
            } catch let error as PackError {
                #expect(error.description.contains("sources.yaml"), "\(error)")
                #expect(error.description.contains(expected), "\(error)")
                #expect(error.line != nil || expected.contains("must be a list"), "\(error)")
            }
        }
    }
}
