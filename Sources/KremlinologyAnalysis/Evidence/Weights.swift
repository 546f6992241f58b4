import KremlinologyModel

/// The cooperation–conflict scale: one weight per relation type, from −10 (military attack)
/// to +7 (aid), after the Goldstein scale for CAMEO events. The table is documented, with the
/// reasons for each weight, in `docs/WEIGHTS.md`; change both together.
public enum Weights {
    /// The weight of one relation of `type`.
    public static func weight(of type: RelationType) -> Double {
        switch type {
        // verbal cooperation
        case .consult: 1
        case .support: 3
        case .agree: 4
        case .concede: 5
        // material cooperation
        case .retreat: 5
        case .cooperate: 6
        case .aid: 7
        // verbal conflict
        case .investigate: -2
        case .disapprove: -2
        case .demand: -3
        case .reject: -4
        case .threaten: -6
        // material conflict
        case .protest: -4
        case .crime: -5
        case .mobilize: -6
        case .coerce: -7
        case .sanction: -8
        case .assault: -10
        // attitudes
        case .respect: 2
        case .trust: 3
        case .fear: -2
        case .distrust: -3
        case .leverage: -4
        case .hostility: -5
        }
    }

    /// How much a relation counts given how the text presents it. Facts and reports count in
    /// full; plans and possibilities count half; a negated relation counts nothing.
    public static func factor(of modality: Modality) -> Double {
        switch modality {
        case .asserted, .reported: 1
        case .expected, .hypothetical: 0.5
        case .negated: 0
        }
    }

    /// The score of one relation: weight × modality factor.
    public static func score(_ relation: Relation) -> Double {
        weight(of: relation.type) * factor(of: relation.modality)
    }
}
