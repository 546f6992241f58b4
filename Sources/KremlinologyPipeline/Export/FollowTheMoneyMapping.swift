import Foundation
import KremlinologyModel
import Yams

/// What FollowTheMoney calls the corpus's actors and relations, read from the resources
/// `followthemoney.yaml` (state bodies, person-to-person schemata) and `countries.tsv` (the
/// pack's ISO alpha-3 codes as FtM's country codes): data an analyst can read and extend.
public struct FollowTheMoneyMapping: Sendable {
    /// Canonical names of the organizations that are state bodies (PublicBody).
    public var publicBodies: Set<String>
    /// Relation types that, between two people, have a schema of their own (Associate).
    public var personLinks: [RelationType: String]
    /// ISO 3166-1 alpha-3 → FtM country code (`RUS` → `ru`, `SUN` → `suhh`).
    public var countries: [String: String]

    public init(publicBodies: Set<String> = [], personLinks: [RelationType: String] = [:], countries: [String: String] = [:]) {
        self.publicBodies = publicBodies
        self.personLinks = personLinks
        self.countries = countries
    }

    /// The mapping of the bundled resources, read once.
    public static func bundled() throws -> FollowTheMoneyMapping { try bundledMapping.get() }
    private static let bundledMapping = Result { try load() }

    private static func load() throws -> FollowTheMoneyMapping {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil),
              let yaml = FileManager.default.contents(atPath: folder.appendingPathComponent("followthemoney.yaml").path),
              let tsv = FileManager.default.contents(atPath: folder.appendingPathComponent("countries.tsv").path) else {
            throw ExportError("the FollowTheMoney mapping (followthemoney.yaml, countries.tsv) is missing from the build")
        }
        var mapping = try parse(yaml: String(decoding: yaml, as: UTF8.self))
        for line in String(decoding: tsv, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            if columns.count >= 2 { mapping.countries[String(columns[0])] = String(columns[1]) }
        }
        return mapping
    }

    static func parse(yaml text: String) throws -> FollowTheMoneyMapping {
        guard let root = try Yams.compose(yaml: text, .basic)?.mapping else {
            throw ExportError("followthemoney.yaml: expected a mapping with `public-bodies` and `person-links`")
        }
        var mapping = FollowTheMoneyMapping()
        mapping.publicBodies = Set((root["public-bodies"]?.sequence ?? []).compactMap { $0.scalar?.string })
        for (key, value) in root["person-links"]?.mapping ?? [:] {
            guard let type = key.scalar.flatMap({ RelationType(rawValue: $0.string) }), let schema = value.scalar?.string else {
                throw ExportError("followthemoney.yaml:\((key.mark?.line).map(String.init) ?? "?"): `person-links` maps a relation type to a schema")
            }
            mapping.personLinks[type] = schema
        }
        return mapping
    }

    /// The FtM schema of an actor.
    func schema(of actor: Actor) -> String {
        switch actor.kind {
        case .person: "Person"
        case .state: "PublicBody"
        case .organization: publicBodies.contains(actor.name) ? "PublicBody" : "Organization"
        case .bloc: "Organization"
        case .group: "LegalEntity"
        }
    }

    /// The FtM country code of a pack's alpha-3 code, when it has one.
    func country(_ alpha3: String?) -> String? { alpha3.flatMap { countries[$0.uppercased()] } }
}

/// An export that cannot be written: a format it does not take, or its own resources missing.
public struct ExportError: UserFacingError {
    public var kind: ErrorKind
    public var description: String
    public init(kind: ErrorKind = .failure, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
