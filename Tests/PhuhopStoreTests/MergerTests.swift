import Foundation
import PhuhopCore
import Testing
@testable import PhuhopStore

/// Mergers: the old units keep their identity, evidence and decisions; the new one knows its past.
@Suite struct MergerTests {
    private func merged() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.importing(try fixture.examples())
        try fixture.decideAll()
        try fixture.store.merge(Merger(predecessors: ["62-dak-ro-ong", "87-lai-vung-tan-hoa"], successor: "62-moi",
                                       date: CalendarDate(iso: "2025-07-01")!, document: "Nghị quyết 1664/NQ-UBTVQH15",
                                       name: "Xã Đắk Mới", province: "Quảng Ngãi", unitType: .xa), by: "Sở Nội vụ")
        return fixture
    }

    @Test func theNewUnitKnowsWhatItCameFromAndTheOldOnesKeepTheirPast() throws {
        let fixture = try merged()
        defer { fixture.remove() }
        let tanHoa = try fixture.store.history(of: "87-lai-vung-tan-hoa")
        let new = try fixture.store.history(of: "62-moi")
        #expect(new.predecessors.map(\.unit) == ["62-dak-ro-ong", "87-lai-vung-tan-hoa"])
        #expect(new.predecessors.allSatisfy { $0.document == "Nghị quyết 1664/NQ-UBTVQH15" && $0.date.description == "2025-07-01" })
        #expect(new.predecessorDecisions.map(\.unit) == ["62-dak-ro-ong", "87-lai-vung-tan-hoa"])
        #expect(new.versions.map(\.name) == ["Xã Đắk Mới"])
        let old = try fixture.store.history(of: "62-dak-ro-ong")
        #expect(old.successors.map(\.unit) == ["62-moi"])
        #expect(old.revisions.count == 1 && old.decisions.count == 1)
        #expect(tanHoa.successors.map(\.name) == ["Xã Đắk Mới"])
        #expect(try fixture.store.auditLog().last?.action == .merge)
        // Old decisions still verify after the merger.
        #expect(try fixture.store.verify().problems.isEmpty)
    }

    @Test func evidenceForAMergedUnitAfterTheMergerIsRefused() throws {
        let fixture = try merged()
        defer { fixture.remove() }
        var later = try fixture.example("xa-dak-ro-not-recognized.yaml")
        later.period = try #require(Period(from: CalendarDate(iso: "2025-11-01")!, to: CalendarDate(iso: "2026-10-31")!))
        var earlier = later
        earlier.period = try #require(Period(from: CalendarDate(iso: "2022-11-01")!, to: CalendarDate(iso: "2023-10-31")!))
        let summary = try fixture.store.importEvidence(files: ["x"], by: Authorship(author: "a", reason: "r")) { session in
            guard case .refused(let why) = try session.add(later, standard: fixture.qd06.standard) else {
                Issue.record("evidence after the merger was stored for the old unit")
                return
            }
            #expect(why.vi.contains("đã sáp nhập vào 62-moi"))
            // A period before the merger is still the old unit's.
            #expect(try session.add(earlier, standard: fixture.qd06.standard) == .stored(revision: 1))
        }
        #expect(summary.rejected == 1 && summary.stored == 1)
    }

    @Test func aMergerThatCannotBeIsRefusedWhole() throws {
        let fixture = try merged()
        defer { fixture.remove() }
        let day = CalendarDate(iso: "2025-07-01")!
        #expect(throws: StoreError.unknownUnit("ghost")) {
            try fixture.store.merge(Merger(predecessors: ["01-00004", "ghost"], successor: "62-moi", date: day, document: nil), by: "a")
        }
        #expect(throws: StoreError.self) {
            try fixture.store.merge(Merger(predecessors: ["01-00004"], successor: "01-00004", date: day, document: nil), by: "a")
        }
        #expect(throws: StoreError.self) {
            // A new unit needs its name, province and type.
            try fixture.store.merge(Merger(predecessors: ["01-00004"], successor: "01-new", date: day, document: nil), by: "a")
        }
        #expect(throws: StoreError.self) {
            // 62-moi was formed from 62-dak-ro-ong: the other way round would go in a circle.
            try fixture.store.merge(Merger(predecessors: ["62-moi"], successor: "62-dak-ro-ong", date: day, document: nil), by: "a")
        }
        #expect(throws: StoreError.self) {
            try fixture.store.merge(Merger(predecessors: ["01-00004", "01-00004"], successor: "62-moi", date: day, document: nil), by: "a")
        }
        #expect(try fixture.count("SELECT count(*) FROM unitLineage") == 2)
        #expect(try fixture.count("SELECT count(*) FROM unit WHERE id = '01-new'") == 0)
    }
}
