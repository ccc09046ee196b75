import PhuhopCore
import PhuhopStore

/// Recording evidence entered on the web: one import (all or nothing), then a decision.
enum Submission {
    static func record(_ evidence: Evidence, standard: DecidingStandard, reason: String, session: Session, services: WebServices) throws {
        let authorship = Authorship(author: session.user.name, reason: reason, document: "web form")
        _ = try services.store.importEvidence(files: ["web form"], by: authorship) { import_ in
            if case .refused(let why) = try import_.add(evidence, standard: standard.loaded.standard, document: "web form") {
                throw WebError.badRequest(why)
            }
        }
        let period = evidence.period.from.description + "/" + evidence.period.to.description
        _ = try services.store.decide(.unit(evidence.unit.id, period: period), by: session.user.name,
                                      standards: { try services.standard($0) }, each: { _ in })
    }
}
