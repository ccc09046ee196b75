import Foundation
import PhuhopCore
import PhuhopFormats
@testable import PhuhopStore

/// A fresh database in a temporary folder, with the repository's qd06 standard and examples.
struct StoreFixture {
    let folder: URL
    let path: String
    let store: Store
    let qd06: LoadedStandard

    /// A clock that counts: every call is one second later, so rows stay in order and tests
    /// never depend on the real time.
    final class Clock: @unchecked Sendable {
        private var second = 0
        private let lock = NSLock()
        func tick() -> String {
            lock.lock()
            defer { lock.unlock() }
            second += 1
            return String(format: "2026-01-01T00:%02d:%02dZ", (second / 60) % 60, second % 60)
        }
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
        let clock = Clock()
        store = try Store(path: path, create: true, clock: { clock.tick() })
        qd06 = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019"))
    }

    /// Removes the folder (call from a `defer`).
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// An example evidence file read against qd06.
    func example(_ name: String) throws -> Evidence {
        let url = RepositoryPaths.examples.appendingPathComponent(name)
        return try EvidenceReader.read(try Data(contentsOf: url), file: name, standard: qd06.standard)
    }

    /// The three commune examples.
    func examples() throws -> [Evidence] {
        try ["phuong-ba-dinh-recognized.yaml", "xa-dak-ro-not-recognized.yaml", "xa-tan-hoa-undetermined.yaml"].map(example)
    }

    /// Imports `evidence` as one batch.
    @discardableResult
    func importing(_ evidence: [Evidence], author: String = "Nguyễn Văn A", reason: String = "nhập thử") throws -> ImportSummary {
        try store.importEvidence(files: ["test"], by: Authorship(author: author, reason: reason)) { session in
            for e in evidence { _ = try session.add(e, standard: qd06.standard) }
        }
    }

    /// Decides on everything with the repository's qd06.
    @discardableResult
    func decideAll() throws -> (decided: Int, unchanged: Int) {
        let standard = DecidingStandard(loaded: qd06)
        return try store.decide(.all, by: "Tổ thẩm định", standards: { _ in standard }, each: { _ in })
    }

    /// A count from the database.
    func count(_ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
