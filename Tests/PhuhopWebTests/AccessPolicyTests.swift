import PhuhopCore
import PhuhopStore
import Testing
@testable import PhuhopWeb

/// The access rules themselves, without HTTP.
@Suite struct AccessPolicyTests {
    let commune = UnitSummary(id: "X1", unitType: .xa, name: "X1", province: "P", commune: nil, decisions: [])
    let school = UnitSummary(id: "T1", unitType: .truong, name: "T1", province: "P", commune: "X1", decisions: [])
    let otherSchool = UnitSummary(id: "T2", unitType: .truong, name: "T2", province: "P", commune: "X2", decisions: [])

    func user(_ role: UserRole, school: String? = nil, units: Set<String> = []) -> UserAccount {
        UserAccount(name: "u", role: role, passwordHash: "", school: school, units: units)
    }

    @Test func anEvaluatorReachesAssignedUnitsAndTheSchoolsInThem() {
        let eva = user(.evaluator, units: ["X1"])
        #expect(AccessPolicy.canRead(eva, commune))
        #expect(AccessPolicy.canEnterEvidence(eva, commune))
        #expect(AccessPolicy.canFillChecklist(eva, school))
        #expect(!AccessPolicy.canRead(eva, otherSchool))
        #expect(AccessPolicy.canSeeDashboard(eva))
        #expect(!AccessPolicy.canTryChanges(eva))
        #expect(!AccessPolicy.canManageUsers(eva))
    }

    @Test func aSchoolReachesItselfOnly() {
        let account = user(.school, school: "T1")
        #expect(AccessPolicy.canRead(account, school))
        #expect(AccessPolicy.canFillChecklist(account, school))
        #expect(!AccessPolicy.canEnterEvidence(account, school))
        #expect(!AccessPolicy.canRead(account, commune))
        #expect(!AccessPolicy.canRead(account, otherSchool))
        #expect(!AccessPolicy.canSeeDashboard(account))
    }

    @Test func aViewerReadsAndTriesButWritesNothing() {
        let viewer = user(.viewer)
        #expect(AccessPolicy.canRead(viewer, otherSchool))
        #expect(!AccessPolicy.canEnterEvidence(viewer, commune))
        #expect(!AccessPolicy.canFillChecklist(viewer, school))
        #expect(AccessPolicy.canTryChanges(viewer))
        #expect(!AccessPolicy.canManageUsers(viewer))
    }
}
