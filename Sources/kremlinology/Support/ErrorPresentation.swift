import ArgumentParser
import Foundation
import KremlinologyAnalysis
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

/// A mistake found while a command runs, after its options parsed: printed as one message,
/// without the usage text that ArgumentParser's `ValidationError` adds.
struct CommandError: UserFacingError {
    var kind: ErrorKind
    var description: String
    var candidates: [String] = []

    /// Nothing matches what the user named.
    static func notFound(_ message: String) -> CommandError { CommandError(kind: .notFound, description: message) }
    /// An input the command cannot use.
    static func invalidInput(_ message: String) -> CommandError { CommandError(kind: .invalidInput, description: message) }
}

/// The one place where errors of every layer become what the terminal shows: a message with
/// a hint naming the command to run next, and an exit status by kind (sysexits.h):
///
/// | kind | status |
/// | --- | --- |
/// | invalid input (bad query, bad file, bad location) | 64 |
/// | not found, ambiguous | 66 |
/// | conflict | 65 |
/// | unavailable (store cannot be opened or reached) | 69 |
/// | failure inside the store | 70 |
///
/// ArgumentParser's own errors (usage, `--help`, `ExitCode`) keep their behaviour.
enum ErrorPresentation {
    static func status(of kind: ErrorKind) -> Int32 {
        switch kind {
        case .invalidInput: 64
        case .notFound, .ambiguous: 66
        case .conflict: 65
        case .unavailable: 69
        case .failure: 70
        }
    }

    /// The message and status for `error`, or nil when ArgumentParser should handle it.
    static func present(_ error: any Error) -> (message: String, status: Int32)? {
        switch error {
        case let error as StoreError:
            return (error.description + hint(for: error), status(of: error.kind))
        case let error as AnalysisError:
            return (error.description + hint(for: error), status(of: error.kind))
        case let error as any UserFacingError:
            return (error.description, status(of: error.kind))
        case let error as IngestError:
            return (error.description, status(of: .invalidInput))
        case let error as PackError:
            return (error.description, status(of: .invalidInput))
        default:
            return nil
        }
    }

    /// Prints `error` and exits with its status.
    static func exit(with error: any Error) -> Never {
        guard let (message, status) = present(error) else { Kremlinology.exit(withError: error) }
        FileHandle.standardError.write(Data("Error: \(Output.terminalSafe(message))\n".utf8))
        Foundation.exit(status)
    }

    private static func hint(for error: StoreError) -> String {
        switch error {
        case .missingStore(let location): "; run `kremlinology ingest PATH --db \(location)` first"
        case .ambiguousDocument: " (see `kremlinology documents`)"
        case .invalidQuery: "; e.g. `kremlinology search \"hybrid warfare\"`"
        default: ""
        }
    }

    private static func hint(for error: AnalysisError) -> String {
        if case .unknownActor = error { return " (`kremlinology actors` lists them)" }
        return ""
    }
}
