import ArgumentParser

/// `--reviewed-only`: the one switch that hides open-world actors (names no pack knows, found
/// acting in the text and stored unreviewed) and their relations from an analysis view.
struct ReviewOption: ParsableArguments {
    @Flag(name: .customLong("reviewed-only"),
          help: "Leave out unreviewed actors (names no pack knows; `actors --unreviewed` lists them) and their relations.")
    var reviewedOnly = false
}
