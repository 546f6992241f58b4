import ArgumentParser

/// `--roll-up states`: the views' shared switch that folds people into their states
/// (``KremlinologyAnalysis/RollUp``).
struct RollUpOption: ParsableArguments {
    enum Level: String, ExpressibleByArgument, CaseIterable { case states }

    @Option(name: .customLong("roll-up"),
            help: ArgumentHelp("Fold people into the state they serve: 'states' (the output lists who was folded in).",
                               valueName: "states"))
    var level: Level?

    var states: Bool { level == .states }
}
