import Foundation
import Testing
@testable import PhuhopStore

/// The version pages are kept under: this store's own writes show at once, another process's
/// within the age allowed.
@Suite struct StoreVersionTests {
    @Test func aStoresOwnWriteShowsAtOnce() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let before = try fixture.store.version(maximumAge: .seconds(3600))
        #expect(try fixture.store.version(maximumAge: .seconds(3600)) == before)
        try fixture.store.setSetting("x", "1", by: "t")
        let after = try fixture.store.version(maximumAge: .seconds(3600))
        #expect(after > before)
        #expect(after == (try fixture.store.version()))
    }

    @Test func anotherProcesssWriteShowsOnceTheReadingIsOldEnough() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let kept = try fixture.store.version(maximumAge: .seconds(3600))
        // A second store on the same file stands for another process (the command line).
        let other = try Store(path: fixture.path)
        try other.setSetting("y", "2", by: "cli")
        let written = try other.version()
        #expect(written > kept)
        // Within the age allowed, the reading kept is given; past it, the database is asked.
        #expect(try fixture.store.version(maximumAge: .seconds(3600)) == kept)
        #expect(try fixture.store.version(maximumAge: .zero) == written)
        // The newer reading is kept from then on.
        #expect(try fixture.store.version(maximumAge: .seconds(3600)) == written)
    }
}
