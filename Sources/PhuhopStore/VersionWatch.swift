import GRDB
import Synchronization

/// What a store knows of its version without asking the database: the transactions it has
/// committed itself, and the version it read last.
///
/// The web application keeps pages until the store's version changes. Asking SQLite on every
/// request (a read transaction and its file locks, threads waiting on each other) was half of a
/// page's time. The version is read again at once after this store has committed a write, and
/// otherwise once `maximumAge` has passed: the server's own writes show on the next request,
/// another process's (an import from the command line) within that time.
final class VersionWatch: TransactionObserver, Sendable {
    private let commits = Atomic<Int>(0)
    private let last = Mutex<Reading?>(nil)

    private struct Reading {
        var version: Int64
        /// The commits counted before the version was read: a commit after it is not in it.
        var commits: Int
        var readAt: ContinuousClock.Instant
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { commits.add(1, ordering: .sequentiallyConsistent) }
    func databaseDidRollback(_ db: Database) {}

    /// The version last read, or `read()` when this store has committed since, or when the
    /// reading is older than `maximumAge`.
    func version(maximumAge: Duration, read: () throws -> Int64) rethrows -> Int64 {
        let committed = commits.load(ordering: .sequentiallyConsistent)
        let now = ContinuousClock.now
        if let kept = last.withLock({ $0 }), kept.commits == committed, now - kept.readAt < maximumAge {
            return kept.version
        }
        let version = try read()
        last.withLock { kept in
            // Another request may have read meanwhile: the newer reading stays. Versions only grow.
            if let earlier = kept, earlier.commits > committed || earlier.version > version { return }
            kept = Reading(version: version, commits: committed, readAt: now)
        }
        return version
    }
}
