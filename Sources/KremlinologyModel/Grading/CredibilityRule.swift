/// The one rule that gives a claim its credibility (1–6) from what the corpus holds about it;
/// docs/ANALYSIS.md ("Source grading") states it for analysts.
///
/// | modality | 3+ sources | 2 sources | 1 source |
/// | --- | :-: | :-: | :-: |
/// | asserted (or a denial) | 1 | 2 | 3 |
/// | reported | 2 | 3 | 4 |
/// | expected | 3 | 3 | 4 |
/// | hypothetical | 6 | 6 | 6 |
///
/// A claim another source contradicts is two steps less credible, at worst 5 (improbable).
public enum CredibilityRule {
    /// The credibility of a claim.
    /// - Parameters:
    ///   - corroboration: independent sources making the same statement (the claim's own
    ///     included, so at least 1): videos, URLs and near-identical texts count once.
    ///   - modality: how the text presents it. A denial ("did not invade") is graded as an
    ///     assertion of the denial.
    ///   - contradicted: whether another source states the opposite: negates what this claim
    ///     affirms, or affirms what this denial negates.
    public static func credibility(corroboration: Int, modality: Modality, contradicted: Bool) -> Credibility {
        let sources = max(1, corroboration)
        let base: Int
        switch modality {
        // "Confirmed" asks for two other sources: a commentary corpus repeats itself, and one
        // echo of a claim is weak confirmation.
        case .asserted, .negated: base = sources >= 3 ? 1 : sources == 2 ? 2 : 3
        // Hearsay ("reportedly", "allegedly") is one step weaker than a claim made outright.
        case .reported: base = sources >= 3 ? 2 : sources == 2 ? 3 : 4
        // What is expected has not happened: however many say so, it is at best possibly true.
        case .expected: base = sources >= 2 ? 3 : 4
        // "Could", "may", "if": a possibility, whose truth no count of sources decides.
        case .hypothetical: return .cannotBeJudged
        }
        let graded = contradicted ? min(base + 2, Credibility.improbable.rawValue) : base
        return Credibility(rawValue: graded) ?? .cannotBeJudged
    }
}
