import PhuhopStore

/// Who may do what: the access rules of the web application, in one place.
///
/// - admin: everything, including adding users;
/// - evaluator: the units assigned to them (and the schools and homes attached to those
///   communes): read, enter evidence, decide; the province dashboard's counts;
/// - school: its own school only: read it, fill in and submit its checklist;
/// - viewer: read every unit and decision, the dashboard, and what-if.
public enum AccessPolicy {
    /// Whether `user` may read the unit's page, decisions and history.
    public static func canRead(_ user: UserAccount, _ unit: UnitSummary) -> Bool {
        switch user.role {
        case .admin, .viewer: true
        case .evaluator: assigned(user, unit)
        case .school: user.school == unit.id
        }
    }

    /// Whether `user` may enter evidence for the unit and decide on it.
    public static func canEnterEvidence(_ user: UserAccount, _ unit: UnitSummary) -> Bool {
        switch user.role {
        case .admin: true
        case .evaluator: assigned(user, unit)
        case .school, .viewer: false
        }
    }

    /// Whether `user` may fill in, save and submit the unit's checklist.
    public static func canFillChecklist(_ user: UserAccount, _ unit: UnitSummary) -> Bool {
        switch user.role {
        case .admin: true
        case .evaluator: assigned(user, unit)
        case .school: user.school == unit.id
        case .viewer: false
        }
    }

    /// Whether `user` may see the province dashboard (counts and charts, no unit names).
    public static func canSeeDashboard(_ user: UserAccount) -> Bool {
        user.role != .school
    }

    /// Whether `user` may try criteria changes over every unit (what-if).
    public static func canTryChanges(_ user: UserAccount) -> Bool {
        user.role == .admin || user.role == .viewer
    }

    /// Whether `user` may add users.
    public static func canManageUsers(_ user: UserAccount) -> Bool {
        user.role == .admin
    }

    private static func assigned(_ user: UserAccount, _ unit: UnitSummary) -> Bool {
        user.units.contains(unit.id) || unit.commune.map(user.units.contains) == true
    }
}
