import Foundation

/// A bounded queue from one producing thread to one consuming thread, in batches: an import
/// reads and encodes rows on one core while the database writes on the other, and memory stays
/// flat because the producer waits when the queue is full.
final class Handoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var closed = false
    private let capacity: Int

    /// Holds at most `capacity` batches.
    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Hands a batch over, waiting while the queue is full; false once the consumer has closed it.
    @discardableResult
    func push(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for one.
    func pop() -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty { condition.wait() }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Hands a batch over without waiting, whatever the capacity (for batches going back).
    func offer(_ batch: [Item]) {
        condition.lock()
        defer { condition.unlock() }
        if !closed { batches.append(batch) }
        condition.broadcast()
    }

    /// Every batch waiting, without waiting for any.
    func drain() -> [[Item]] {
        condition.lock()
        defer { condition.unlock() }
        let all = batches
        batches.removeAll()
        condition.broadcast()
        return all
    }

    /// Stops the producer: its next push returns false.
    func close() {
        condition.lock()
        closed = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A value used by one thread at a time though the compiler cannot see it: what the import's
/// reading thread takes with it and the writing thread never touches.
struct HandedOver<Value>: @unchecked Sendable {
    let value: Value
}
