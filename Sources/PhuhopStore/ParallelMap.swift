import Foundation

/// Maps a batch on every core, each worker keeping its own state (readers with their caches),
/// results in input order. Deciding and verifying spend half their time making decisions that
/// depend on nothing but their own evidence; the database writes stay on one thread.
enum ParallelMap {
    /// `transform(item, worker)` for every item; `worker` is in `0..<workers`, and no two calls
    /// with the same worker run at once.
    static func map<T: Sendable, U: Sendable>(_ items: [T], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                          _ transform: (T, Int) throws -> U) throws -> [U] {
        let count = items.count
        let workers = max(1, min(workers, count))
        var results = [Result<U, any Error>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each worker writes only its own stride of slots, so no two threads share a slot.
            let shared = UnsafeSendable(slots)
            withoutActuallyEscaping(transform) { transform in
                let body = UnsafeSendable(transform)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for n in stride(from: worker, to: count, by: workers) {
                        shared.value[n] = Result { try body.value(items[n], worker) }
                    }
                }
            }
        }
        return try results.map { result in
            // Every slot is filled by the stride above; an empty one would be a bug, reported, not a crash.
            guard let result else { throw StoreError.damaged("a parallel map left a result out") }
            return try result.get()
        }
    }
}

/// A value handed to the workers of `ParallelMap`, which use it without overlapping.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
