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
    /// The same standards with the reference reports cite them by (which keeps the texts their
    /// decisions repeat), by id, held by reference (see `ScoringStandard`).
    private let scoring: [String: ScoringStandard]
    /// The variants under `criteria/variants/`, by folder name, for what-if.
    let variants: [String: LoadedStandard]
    public let sessions: SessionBook
    public let throttle: SignInThrottle
    public let passwords: Passwords
    /// Whether the store holds demonstration data (every page says so).
    let demo: Bool
    /// A hash of a random password, checked against when a name is unknown.
    let unknownUserHash: String
    /// Whether cookies are marked `Secure` (sent over HTTPS only): for a server behind an
    /// HTTPS proxy (`phuhop serve --secure-cookies`).
    let secureCookies: Bool
    /// Stored decisions made again for display, by decision id: a stored decision never changes,
    /// so neither does what is made from it.
    private let cache = Mutex<[Int64: ShownDecision]>([:])
    private let reports = Mutex<[ReportKey: String]>([:])
    /// Evidence forms filled in from a revision, which never changes either.
    let forms = Mutex<[FormKey: String]>([:])
    /// How many entries each cache keeps: a province's worth of pages; past that it starts again.
    static let cacheLimit = 4_000

    /// What was read from the store, kept while its version stays the same.
    private let memo = Mutex(Memo())

    /// What one version of the store held, as read so far.
    struct Memo: Sendable {
        var version: Int64 = -1
        /// Parts of pages made from what the store held at this version, by name.
        var parts: [String: String] = [:]
        var all: [UnitSummary]?
        var units: [String: UnitSummary] = [:]
        var histories: [String: UnitHistory] = [:]
        var revisions: [String: Int64?] = [:]
    }

    /// A rendered report: which decision, in which language, whole page or part of one.
    private struct ReportKey: Hashable, Sendable {
        var decision: Int64
        var language: Language
        var printable: Bool
    }

    /// A filled-in evidence form: which unit, standard and revision, in which language.
    struct FormKey: Hashable, Sendable {
        var unit: String
        var standard: String
        var revision: Int64?
        var language: Language
    }

    public init(store: Store, standards: [LoadedStandard], variants: [String: LoadedStandard] = [:],
                passwords: Passwords = Passwords(), sessions: SessionBook = SessionBook(),
                throttle: SignInThrottle = SignInThrottle(), secureCookies: Bool = false) throws {
        self.store = store
        var byID: [String: DecidingStandard] = [:]
        for loaded in standards { byID[loaded.standard.id] = DecidingStandard(loaded: loaded) }
        self.standards = byID
        scoring = byID.mapValues {
            ScoringStandard(deciding: $0, reference: StandardReference(standard: $0.loaded.standard, hash: $0.loaded.hash))
        }
        self.variants = variants
        self.passwords = passwords
        self.sessions = sessions
        self.throttle = throttle
        demo = try store.setting(Store.demoSetting) == "1"
        unknownUserHash = passwords.hash(Secret.make())
        self.secureCookies = secureCookies
    }

    /// The standard with this id.
    func standard(_ id: String) throws -> DecidingStandard {
        try scoring(id).deciding
    }

    /// The standard with this id, to score with and cite.
    func scoring(_ id: String) throws -> ScoringStandard {
        guard let standard = scoring[id] else {
            throw WebError.notFound(LocalizedText(vi: "không có bộ tiêu chí “\(id)”", en: "no standard “\(id)”"))
        }
        return standard
    }

    /// The standard as reports cite it: the one kept for the current criteria, or a new one for
    /// criteria that have since changed (a decision stored under them).
    func reference(_ loaded: LoadedStandard) -> StandardReference {
        if let kept = scoring[loaded.standard.id]?.reference, kept.hash == loaded.hash { return kept }
        return StandardReference(standard: loaded.standard, hash: loaded.hash)
    }

    /// A stored decision made again from its evidence, kept once made.
    func shown(_ headline: DecisionHeadline) throws -> ShownDecision {
        if let hit = cache.withLock({ $0[headline.id] }) { return hit }
        let made = try store.storedDecision(id: headline.id, current: standards[headline.standardId])
        let shown = ShownDecision(record: made.record, decision: made.decision, reference: reference(made.standard))
        Self.keep(shown, for: headline.id, in: cache)
        return shown
    }

    /// A stored decision's report: the checklist report for a checklist, else the decision
    /// report; the page's part, or the whole printable annex.
    func report(_ headline: DecisionHeadline, language: Language, printable: Bool) throws -> String {
        let key = ReportKey(decision: headline.id, language: language, printable: printable)
        if let hit = reports.withLock({ $0[key] }) { return hit }
        let shown = try shown(headline)
        let text = shown.decision.checklist != nil
            ? ChecklistReport(style: printable ? .html : .htmlBody, language: language).render(shown.decision, shown.reference)
            : DecisionReport(style: printable ? .html : .htmlBody, language: language).render(shown.decision, shown.reference)
        Self.keep(text, for: key, in: reports)
        return text
    }

    static func keep<Key: Hashable & Sendable, Value: Sendable>(_ value: Value, for key: Key, in cache: borrowing Mutex<[Key: Value]>) {
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
    }

    /// What `lookup` finds in the memo for the store's current version, or what `read` reads
    /// (and records) when it holds nothing. `version` was asked before, so what is read is at
    /// least that new; a later write raises the version and the memo starts again.
    func remembered<Value: Sendable>(at version: Int64, _ lookup: @Sendable (Memo) -> Value?, _ read: (Store, inout Memo) throws -> Value?) throws -> Value? {
        if let hit = memo.withLock({ $0.version == version ? lookup($0) : nil }) { return hit }
        var fresh = Memo()
        fresh.version = version
        let value = try read(store, &fresh)
        memo.withLock { memo in
            if memo.version != version {
                if memo.version > version { return }
                memo = Memo()
                memo.version = version
            }
            if let all = fresh.all { memo.all = all }
            memo.units.merge(fresh.units) { $1 }
            memo.histories.merge(fresh.histories) { $1 }
            memo.revisions.merge(fresh.revisions) { $1 }
            memo.parts.merge(fresh.parts) { $1 }
        }
        return value
    }

    /// The frame of a page for this request: its language, its user, where it is, and whether
    /// the data is a demo.
    func layout(_ context: WebContext, _ session: Session?) -> Layout {
        Layout(language: context.language, session: session, here: context.here, demo: demo)
    }

    /// The store as one request sees it: its version asked once.
    func view() throws -> StoreView {
        StoreView(services: self, version: try store.version(maximumAge: Self.versionAge))
    }

    /// How long a page may go on showing what the store held before another process (an import
    /// from the command line) wrote to it. The server's own writes show on the next request.
    static let versionAge: Duration = .milliseconds(250)

    /// Logs a refused request and refuses it.
    func deny(_ session: Session, _ what: String) throws -> Never {
        try store.log(.denied, subject: what, detail: "role \(session.user.role.rawValue)", by: session.user.name)
        throw WebError.forbidden
    }
}

/// A standard ready to score with and to cite, held by reference: the scoring API looks one up on
/// every request, with one lookup for both.
final class ScoringStandard: Sendable {
    let deciding: DecidingStandard
    let reference: StandardReference

    init(deciding: DecidingStandard, reference: StandardReference) {
        self.deciding = deciding
        self.reference = reference
    }
}
