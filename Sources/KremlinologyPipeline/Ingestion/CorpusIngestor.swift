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
        let batches = Self.batches(of: files.count, workers: workers)
        // The next batch is read and extracted on every core while this thread writes the
        // current one, so that the writer and the extraction overlap.
        func startPreparing(_ number: Int) -> PendingBatch? {
            guard number < batches.count else { return nil }
            let batch = batches[number]
            return PendingBatch { self.prepare(batch.count) { offset in
                let i = batch[offset]
                return self.read(url: files[i], displayPath: displayPaths?[i] ?? files[i].path)
            } }
        }
        var next = startPreparing(0)
        var index = 0
        for number in batches.indices {
            let batch = batches[number]
            let prepared = next?.wait() ?? []
            next = startPreparing(number + 1)
            let paths = batch.map { displayPaths?[$0] ?? files[$0].path }
            if let stoppedAt = write(prepared, paths: paths, into: &report, event: event) {
                report.notAttempted = files.count - batch[stoppedAt] - 1
                report.seconds = Date().timeIntervalSince(start)
                return report
            }
            index += batch.count
            report.seconds = Date().timeIntervalSince(start)
            progress(IngestProgress(filesDone: index, filesTotal: files.count, bytesDone: report.bytes, seconds: report.seconds))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The files' indices in batches: one file per worker first, doubling up to 16 per worker,
    /// so that the first documents are stored (and the progress line moves) after one
    /// document's work, not after a full batch of relation-dense text.
    static func batches(of count: Int, workers: Int) -> [[Int]] {
        var batches: [[Int]] = []
        var start = 0, size = max(1, workers)
        while start < count {
            batches.append(Array(start..<min(count, start + size)))
            start += size
            size = min(size * 2, max(1, workers) * 16)
        }
        return batches
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

    /// Documents of a group commit: written in one transaction, bounded so that a crash loses
    /// little work and a group's rows stay a few megabytes.
    static let groupDocuments = 64
    static let groupBytes = 8 << 20

    /// Writes a batch in order: consecutive ready documents in groups (one transaction each),
    /// parted ones alone, failures reported in place. Returns the offset at which a full disk
    /// stopped it (that file is reported; the rest of its group count as not attempted), or nil.
    private func write(_ items: [Prepared], paths: [String], into report: inout IngestReport,
                       event: (IngestEvent) -> Void) -> Int? {
        var group: [Int] = []
        var groupBytes = 0
        func flush() -> Int? {
            defer { group = []; groupBytes = 0 }
            guard !group.isEmpty else { return nil }
            let documents = group.map { offset -> (document: IngestedDocument, extraction: ExtractionPayload?) in
                guard case .ready(let document, let payload, _) = items[offset] else { preconditionFailure("only ready documents are grouped") }
                return (document, payload)
            }
            do {
                for (offset, result) in zip(group, try store.store(batch: documents)) {
                    switch result {
                    case .success(let outcome): event(report.record(outcome, path: paths[offset], bytes: items[offset].bytes))
                    case .failure(let error):
                        event(report.recordFailure(path: paths[offset], message: "\(paths[offset]): could not be stored: \(error)"))
                    }
                }
                return nil
            } catch let error as StoreError where error.isDiskFull {
                // Nothing of the group was stored; the caller counts its other files as not attempted.
                let first = group[0]
                report.stoppedBecause = error.description
                event(report.recordFailure(path: paths[first], message: "\(paths[first]): could not be stored: \(error)"))
                return first
            } catch {
                // Any other failure of the whole group (the commit): store its documents one by one.
                for offset in group {
                    record(items[offset], path: paths[offset], into: &report, event: event)
                    if report.stoppedBecause != nil { return offset }
                }
                return nil
            }
        }
        for (offset, item) in items.enumerated() {
            if case .ready = item, group.count < Self.groupDocuments, groupBytes + item.bytes <= Self.groupBytes || group.isEmpty {
                group.append(offset)
                groupBytes += item.bytes
                continue
            }
            if let stopped = flush() { return stopped }
            if case .ready = item {
                group = [offset]
                groupBytes = item.bytes
                continue
            }
            record(item, path: paths[offset], into: &report, event: event)
            if report.stoppedBecause != nil { return offset }
        }
        return flush()
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
        Parallel.map(Array(0..<count), threads: workers, work)
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

/// A batch being read and extracted on other threads; ``wait()`` returns it when done.
private final class PendingBatch: @unchecked Sendable {
    private var result: [CorpusIngestor.Prepared] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> [CorpusIngestor.Prepared]) {
        DispatchQueue.global().async { [self] in
            result = work()
            done.signal()
        }
    }

    func wait() -> [CorpusIngestor.Prepared] {
        done.wait()
        return result
    }
}

