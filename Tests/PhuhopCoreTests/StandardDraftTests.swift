import Testing
@testable import PhuhopCore

/// Overrides applied together for what-if: refused whole, with the reason, when any fails.
@Suite struct StandardDraftTests {
    let standard = MiniStandard.make()

    @Test func noOverrideIsTheStandardItself() throws {
        #expect(try StandardDraft.applying([], to: standard).id == standard.id)
    }

    @Test func overridesAreAppliedInOrderAndMarked() throws {
        let c = try #require(standard.recognition.classes.first)
        let draft = try StandardDraft.applying(["\(standard.id).recognition.classes.\(c.id).threshold=140"], to: standard)
        #expect(draft.id == standard.id + "+set")
        #expect(draft.recognition.classes[0].threshold.value == 140)
        #expect(draft.recognition.classes[0].threshold.provenance == .provisional)
    }

    @Test func eachKindOfFailureIsNamed() {
        #expect(throws: StandardDraft.Failure.malformed("nonsense")) { try StandardDraft.applying(["nonsense"], to: standard) }
        #expect {
            try StandardDraft.applying(["no.such.path=1"], to: standard)
        } throws: { error in
            guard case .refused("no.such.path=1", _) = error as? StandardDraft.Failure else { return false }
            return true
        }
        #expect {
            try StandardDraft.applying(["c1.1.points=500"], to: standard)
        } throws: { error in
            guard case .invalid(let problems) = error as? StandardDraft.Failure else { return false }
            return !problems.isEmpty && (error as? StandardDraft.Failure)?.message.vi.hasPrefix("bản thử không hợp lệ") == true
        }
    }
}
