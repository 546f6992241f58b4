import Foundation

/// Headless Chromium, driven from the command line: the DOM after scripts ran, and screenshots.
enum Browser {
    /// The chromium executable, when installed.
    static let path: String? = {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .flatMap { ["\($0)/chromium", "\($0)/chromium-browser"] }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    /// Browser tests run when chromium is installed, and always under CI (where a missing
    /// chromium must fail, not skip).
    static var shouldRun: Bool { path != nil || isCI }

    /// Where screenshots are kept as test artefacts (git-ignored).
    static let screenshots = TestCorpus.repository.appendingPathComponent("artifacts/screenshots")

    private static func arguments(_ extra: [String]) -> [String] {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        return ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=\(profile.path)", "--virtual-time-budget=8000"] + extra
    }

    private static func executable() throws -> String {
        guard let path else {
            throw BrowserError("chromium is not installed but CI is set: .ci/run must install it (apt-get install -y chromium)")
        }
        return path
    }

    /// The DOM of `url` after its scripts ran.
    static func dom(_ url: String) async throws -> String {
        let result = try await Shell.runAsync(try executable(), arguments(["--dump-dom", url]))
        guard result.status == 0 else { throw BrowserError("chromium failed on \(url): \(result.output.suffix(500))") }
        return result.output
    }

    /// Saves a 1280×900 screenshot of `url` as `artifacts/screenshots/NAME.png`.
    @discardableResult
    static func screenshot(_ url: String, name: String) async throws -> URL {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let file = screenshots.appendingPathComponent("\(name).png")
        let result = try await Shell.runAsync(try executable(), arguments(["--screenshot=\(file.path)", "--window-size=1280,900", url]))
        guard result.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw BrowserError("chromium could not take a screenshot of \(url): \(result.output.suffix(500))")
        }
        return file
    }
}

struct BrowserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
