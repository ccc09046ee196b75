import Foundation
import GRDB
import PhuhopCore
import PhuhopFormats
import Testing
@testable import PhuhopStore

/// Deciding, superseding and verifying stored decisions.
@Suite struct DecisionStoreTests {
    @Test func decisionsAreStoredWithTheirHashesAndStandWhenNothingChanged() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        #expect(try fixture.decideAll() == (3, 0))
        #expect(try fixture.decideAll() == (0, 3))
        let records = try fixture.store.pool.read { db in try DecisionRecord.fetchAll(db) }
        #expect(Set(records.map(\.outcome)) == ["recognized", "notRecognized", "undetermined"])
        #expect(records.allSatisfy { $0.criteriaHash == fixture.qd06.hash && $0.engineVersion == DecisionTrace.engineVersion })
        #expect(records.allSatisfy { $0.decisionHash.count == 64 && $0.evidenceHash.count == 64 && $0.supersedes == nil })
        // Every criterion's points are kept beside the decision.
        #expect(try fixture.count("SELECT count(*) FROM decisionCriterion") == 3 * fixture.qd06.standard.criteria.count)
        #expect(try fixture.count("SELECT count(*) FROM criteriaVersion") == 1)
    }

    @Test func newEvidenceGivesADecisionThatSupersedesTheOldOne() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var evidence = try fixture.example("phuong-ba-dinh-recognized.yaml")
        try fixture.importing([evidence])
        try fixture.decideAll()
        // A child abused: criterion 3 scores zero and the ward is refused.
        let f = try #require(fixture.qd06.standard.factIndex("c03.children-abused"))
        evidence.facts[f] = .count(1)
        try fixture.importing([evidence], reason: "bổ sung vụ việc")
        var made: [Decided] = []
        let standard = DecidingStandard(loaded: fixture.qd06)
        _ = try fixture.store.decide(.unit("01-00004", period: "2025"), by: "Tổ thẩm định",
                                     standards: { _ in standard }, each: { made.append($0) })
        let decided = try #require(made.first)
        #expect(made.count == 1 && decided.isNew)
        #expect(decided.record.outcome == "notRecognized" && decided.record.supersedes == 1)
        let history = try fixture.store.history(of: "01-00004")
        #expect(history.decisions.map(\.outcome) == [.recognized, .notRecognized])
        #expect(history.decisions.map(\.superseded) == [true, false])
        #expect(history.decisions.map(\.revision) == [1, 2])
    }

    @Test func aPeriodIsFoundByItsDatesOrTheYearItEnds() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        let standard = DecidingStandard(loaded: fixture.qd06)
        func decide(_ period: String?) throws -> Int {
            var n = 0
            _ = try fixture.store.decide(.unit("62-dak-ro-ong", period: period), by: "a", standards: { _ in standard },
                                         each: { _ in n += 1 })
            return n
        }
        #expect(try decide("2023-11-01/2024-10-31") == 1)
        #expect(try decide("2024") == 1)
        #expect(try decide(nil) == 1)
        #expect(throws: StoreError.noEvidence(unit: "62-dak-ro-ong", period: "2019")) { try decide("2019") }
        #expect(throws: StoreError.unknownUnit("nowhere")) {
            try fixture.store.decide(.unit("nowhere", period: nil), by: "a", standards: { _ in standard }, each: { _ in })
        }
    }

    @Test func verifyHoldsAndFindsAlteredEvidenceAndCriteria() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        try fixture.decideAll()
        let clean = try fixture.store.verify()
        #expect(clean.checked == 3 && clean.problems.isEmpty)

        // Someone with the file drops the guard and edits a stored count behind the store's back.
        try fixture.store.pool.write { db in
            try db.execute(sql: """
                DROP TRIGGER evidenceRevision_immutable;
                UPDATE evidenceRevision SET snapshot = replace(snapshot, '"82","81"', '"82","60"') WHERE unitId = '62-dak-ro-ong';
                """)
        }
        let altered = try fixture.store.verify()
        #expect(altered.checked == 3)
        let problem = try #require(altered.problems.first)
        #expect(altered.problems.count == 1 && problem.decision.unitId == "62-dak-ro-ong")
        #expect(problem.kinds.contains { if case .evidenceAltered = $0 { true } else { false } })
        #expect(problem.kinds.contains { if case .decisionDiffers = $0 { true } else { false } })

        // The criteria kept with the decisions are edited: every decision is reported.
        try fixture.store.pool.write { db in
            try db.execute(sql: """
                DROP TRIGGER criteriaVersion_immutable;
                UPDATE criteriaVersion SET files = replace(files, 'value: 900', 'value: 950');
                """)
        }
        let rules = try fixture.store.verify()
        #expect(rules.problems.count == 3)
        #expect(rules.problems.allSatisfy { $0.kinds.contains { if case .criteriaAltered = $0 { true } else { false } } })
    }

    @Test func verifyReportsAnEditedDecisionAndUnreadableEvidenceAndGoesOn() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        try fixture.decideAll()
        try fixture.store.pool.write { db in
            try db.execute(sql: """
                DROP TRIGGER decision_immutable;
                UPDATE decision SET outcome = 'recognized' WHERE unitId = '62-dak-ro-ong';
                DROP TRIGGER evidenceRevision_immutable;
                UPDATE evidenceRevision SET snapshot = substr(snapshot, 1, 76) || '"cells":[]}' WHERE unitId = '87-lai-vung-tan-hoa';
                """)
        }
        let report = try fixture.store.verify()
        #expect(report.checked == 3 && report.problems.count == 2)
        let edited = try #require(report.problems.first { $0.decision.unitId == "62-dak-ro-ong" })
        #expect(edited.kinds == [.recordDiffers(field: "outcome", stored: "recognized", computed: "notRecognized")])
        let unreadable = try #require(report.problems.first { $0.decision.unitId == "87-lai-vung-tan-hoa" })
        #expect(unreadable.kinds.contains { if case .evidenceUnreadable = $0 { true } else { false } })
        #expect(unreadable.kinds.contains { if case .evidenceAltered = $0 { true } else { false } })
    }

    @Test func theCriteriaAreKeptSoADecisionIsVerifiedAfterTheFolderChanges() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.importing(try fixture.examples())
        // Decide with a variant (a stricter immunisation band) loaded from its own folder.
        let variant = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("variants/qd06-2019-epi99"))
        let standard = DecidingStandard(loaded: variant)
        _ = try fixture.store.decide(.all, by: "a", standards: { _ in standard }, each: { _ in })
        // Verification reads the variant's files back from the store, not from any folder.
        let report = try fixture.store.verify()
        #expect(report.checked == 3 && report.problems.isEmpty)
        let kept = try fixture.store.pool.read { db in try String.fetchAll(db, sql: "SELECT hash FROM criteriaVersion") }
        #expect(kept == [variant.hash])
    }
}
