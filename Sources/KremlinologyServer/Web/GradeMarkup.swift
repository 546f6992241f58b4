import KremlinologyAnalysis
import KremlinologyModel

/// The markup of source grading (Admiralty code, issue 15) that pages share: a fact's grade
/// badge and the "only A–C sources" line of the dossier and the brief.
extension Layout {
    /// `B2`, titled with what the letter and the digit mean; nothing for an ungraded fact.
    static func gradeBadge(_ grade: AdmiraltyGrade?) -> HTML {
        guard let grade else { return "" }
        return "<span class=\"grade r\(grade.reliability.rawValue)\" title=\"\(grade.meaning)\">\(grade.description)</span>"
    }

    /// "Only A–C sources: 12 of 40 claims remain; …", with a link to the same view counting only
    /// those (`min_grade=C6`: A–C sources, any credibility).
    static func reliableOnlyNote(_ comparison: ReliableSourcesOnly?, path: String, _ query: [(String, String?)]) -> HTML {
        guard let comparison else { return "" }
        let filtered = Formatting.link(path, query + [("min_grade", "C6")])
        return """
            <p class="reliable-only"><strong>\(ReliableSourcesOnly.label)</strong> \(comparison.details) \
            <a href="\(filtered)">Show only them →</a></p>
            """
    }

    /// What a `min_grade` filter keeps, said above a view that applies one.
    static func minimumGradeNote(_ grade: AdmiraltyGrade?) -> HTML {
        guard let grade else { return "" }
        return "<p class=\"min-grade\">Only facts graded \(grade.description) or better: sources \(grade.reliability.rawValue) or better, credibility \(grade.credibility.rawValue) or better.</p>"
    }
}
