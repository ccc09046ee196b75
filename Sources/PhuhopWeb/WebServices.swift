import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopStore
import Synchronization

/// What the web application works with: the store, the criteria, the sessions and the sign-in
/// throttle. The executable and the tests build the application from one of these.
public final class WebServices: Sendable {
    public let store: Store
    /// Every standard in `criteria/`, ready to decide with, by id.
    let standards: [String: DecidingStandard]
    /// The variants under `criteria/variants/`, by folder name, for what-if.
    let variants: [String: LoadedStandard]
    public let sessions: SessionBook
    public let throttle: SignInThrottle
    public let passwords: Passwords
    /// Whether the store holds demonstration data (every page says so).
    let demo: Bool
    /// Stored decisions made again for display, by decision id: a stored decision never changes.
    private let cache = Mutex<[Int64: ShownDecision]>([:])

    public init(store: Store, standards: [LoadedStandard], variants: [String: LoadedStandard] = [:],
                passwords: Passwords = Passwords(), sessions: SessionBook = SessionBook(),
                throttle: SignInThrottle = SignInThrottle()) throws {
        self.store = store
        var byID: [String: DecidingStandard] = [:]
        for loaded in standards { byID[loaded.standard.id] = DecidingStandard(loaded: loaded) }
        self.standards = byID
        self.variants = variants
        self.passwords = passwords
        self.sessions = sessions
        self.throttle = throttle
        demo = try store.setting(Store.demoSetting) == "1"
    }

    /// The standard with this id.
    func standard(_ id: String) throws -> DecidingStandard {
        guard let standard = standards[id] else {
            throw WebError.notFound(LocalizedText(vi: "không có bộ tiêu chí “\(id)”", en: "no standard “\(id)”"))
        }
        return standard
    }

    /// A stored decision made again from its evidence, kept once made.
    func shown(_ headline: DecisionHeadline) throws -> ShownDecision {
        if let hit = cache.withLock({ $0[headline.id] }) { return hit }
        let made = try store.storedDecision(id: headline.id, current: standards[headline.standardId])
        let shown = ShownDecision(record: made.record, decision: made.decision,
                                  reference: StandardReference(standard: made.standard.standard, hash: made.standard.hash))
        cache.withLock { cache in
            // Bounded: a province's worth of pages; past that, start again rather than grow.
            if cache.count >= 20_000 { cache.removeAll(keepingCapacity: true) }
            cache[headline.id] = shown
        }
        return shown
    }

    /// The unit with this id as it is now, or 404.
    func unit(_ id: String) throws -> UnitSummary {
        guard let unit = try store.unitSummaries(unit: id).first else {
            throw WebError.notFound(LocalizedText(vi: "không có đơn vị “\(id)”", en: "no unit “\(id)”"))
        }
        return unit
    }

    /// Logs a refused request and refuses it.
    func deny(_ session: Session, _ what: String) throws -> Never {
        try store.log(.denied, subject: what, detail: "role \(session.user.role.rawValue)", by: session.user.name)
        throw WebError.forbidden
    }
}

/// A stored decision as a page shows it: the record, the decision made again, its criteria.
struct ShownDecision: Sendable {
    var record: DecisionRecord
    var decision: Decision
    var reference: StandardReference
}
