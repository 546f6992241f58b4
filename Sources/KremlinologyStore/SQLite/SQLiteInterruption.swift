import GRDB
import GRDBSQLite

extension SQLiteCorpusStore {
    /// SQLite virtual-machine steps between two looks at the cancellation: a few microseconds.
    static let progressSteps: Int32 = 10_000

    /// A read that stops when the current ``ReadCancellation`` is cancelled, even inside one
    /// long statement: a progress handler on the read connection interrupts it, and the
    /// interruption becomes ``StoreError/cancelled``.
    func interruptibleRead<T>(_ body: (Database) throws -> T) throws -> T {
        try ReadCancellation.check()
        do {
            guard let cancellation = ReadCancellation.current else { return try pool.read(body) }
            return try pool.read { db in
                let context = Unmanaged.passUnretained(cancellation).toOpaque()
                sqlite3_progress_handler(db.sqliteConnection, Self.progressSteps, { context in
                    guard let context else { return 0 }
                    return Unmanaged<ReadCancellation>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
                }, context)
                defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
                return try body(db)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw StoreError.cancelled
        } catch let error as DatabaseError where error.message == DeflatedText.damaged {
            throw StoreError.failure("\(path): \(DeflatedText.damaged)")
        }
    }
}
