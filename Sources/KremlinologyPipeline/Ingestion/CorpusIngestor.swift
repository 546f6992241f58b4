import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

/// Reads files, extracts their facts and stores them, using every core for the reading
/// and extraction while one writer keeps each document in its own transaction.
public struct CorpusIngestor: Sendable {
    /// Turns a read document into its facts; nil stores the document without facts.
    public typealias Extraction = @Sendable (IngestedDocument) -> ExtractionPayload?
    /// Extracts a document in parts, handing each to `write` as it is found.
    public typealias PartedExtraction = @Sendable (IngestedDocument, _ write: (ExtractionPayload) throws -> Void) throws -> Void

    /// Documents with more text than this are extracted in parts while they are written (with
    /// ``partedExtraction``), so that memory stays a small multiple of the file, not of its facts.
    public static let partedAboveBytes = 4 << 20
    /// The stretch of text whose facts are written at once when extracting in parts.
    public static let partBytes = 256 << 10

    public var store: any CorpusStore
    public var reader: DocumentReader
    public var extraction: Extraction?
    /// The extraction for documents over ``partedAboveBytes``; nil extracts them whole.
    public var partedExtraction: PartedExtraction?
    /// Files read and extracted at once; the store still writes one at a time.
    public var workers: Int

    public init(store: any CorpusStore, reader: DocumentReader = DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment), extraction: Extraction? = nil,
                partedExtraction: PartedExtraction? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.reader = reader
        self.extraction = extraction
        self.partedExtraction = partedExtraction
        self.workers = max(1, workers)
    }

    /// A document read from a file or from standard input, ready to store.
    fileprivate enum Prepared: Sendable {
        case ready(IngestedDocument, ExtractionPayload?, bytes: Int)
        /// Too large to extract whole: extracted in parts by the writer.
        case parted(IngestedDocument, bytes: Int)
        case failed(String)
    }

    /// Ingests `files` (already expanded from folders), reporting each outcome and the progress.
    /// A full disk stops it at once: every later file would fail the same way (a full disk
    /// once gave 3,028 identical lines), so the report says how many were stored and why it
    /// stopped, and counts the rest as not attempted.
    public func ingest(files: [URL], displayPaths: [String]? = nil,
                       progress: (IngestProgress) -> Void = { _ in },
                       event: (IngestEvent) -> Void = { _ in }) -> IngestReport {
        var report = IngestReport()
        let start = Date()
        let batchSize = workers * 8
        var index = 0
        while index < files.count {
            let batch = Array(index..<min(files.count, index + batchSize))
            let prepared = prepare(batch.count) { offset in
                let i = batch[offset]
                return self.read(url: files[i], displayPath: displayPaths?[i] ?? files[i].path)
            }
            for (offset, item) in prepared.enumerated() {
                let path = displayPaths?[batch[offset]] ?? files[batch[offset]].path
                record(item, path: path, into: &report, event: event)
                if report.stoppedBecause != nil {
                    report.notAttempted = files.count - batch[offset] - 1
                    report.seconds = Date().timeIntervalSince(start)
                    return report
                }
            }
            index += batch.count
            report.seconds = Date().timeIntervalSince(start)
            progress(IngestProgress(filesDone: index, filesTotal: files.count, bytesDone: report.bytes, seconds: report.seconds))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Ingests bytes that came from standard input (or any other stream).
    public func ingest(bytes: [UInt8], path: String, fileName: String, event: (IngestEvent) -> Void = { _ in }) -> IngestReport {
        var report = IngestReport()
        let start = Date()
        let item: Prepared
        do {
            item = prepared(try reader.read(bytes: bytes, path: path, fileName: fileName), bytes: bytes.count)
        } catch {
            item = .failed(String(describing: error))
        }
        record(item, path: path, into: &report, event: event)
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func read(url: URL, displayPath: String) -> Prepared {
        do {
            let document = try reader.read(fileAt: url, displayPath: displayPath)
            return prepared(document, bytes: document.rawText.utf8.count)
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func prepared(_ document: IngestedDocument, bytes: Int) -> Prepared {
        if partedExtraction != nil, document.text.utf8.count > Self.partedAboveBytes { return .parted(document, bytes: bytes) }
        return .ready(document, extraction?(document), bytes: bytes)
    }

    private func record(_ item: Prepared, path: String, into report: inout IngestReport, event: (IngestEvent) -> Void) {
        switch item {
        case .failed(let message):
            event(report.recordFailure(path: path, message: message))
        case .ready, .parted:
            do {
                event(report.record(try write(item), path: path, bytes: item.bytes))
            } catch let error as StoreError where error.isDiskFull {
                report.stoppedBecause = error.description
                event(report.recordFailure(path: path, message: "\(path): could not be stored: \(error)"))
            } catch {
                event(report.recordFailure(path: path, message: "\(path): could not be stored: \(error)"))
            }
        }
    }

    private func write(_ item: Prepared) throws -> IngestOutcome {
        switch item {
        case .ready(let document, let payload, _): return try store.store(document, extraction: payload)
        case .parted(let document, _):
            return try store.store(document) { write in try partedExtraction?(document, write) }
        case .failed: preconditionFailure("a failed file has nothing to write")
        }
    }

    /// Runs `work` for 0..<count on up to `workers` threads and returns the results in order.
    private func prepare(_ count: Int, _ work: @escaping @Sendable (Int) -> Prepared) -> [Prepared] {
        let results = ResultSlots<Prepared>(count: count)
        if workers == 1 || count == 1 {
            for i in 0..<count { results.set(i, work(i)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, work(i)) }
        }
        return results.values
    }
}

extension CorpusIngestor.Prepared {
    var bytes: Int {
        switch self {
        case .ready(_, _, let bytes), .parted(_, let bytes): bytes
        case .failed: 0
        }
    }
}

/// Slots filled from several threads, read once all are done.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}
