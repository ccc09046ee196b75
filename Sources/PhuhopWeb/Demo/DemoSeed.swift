import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopStore
import PhuhopSynthesis

/// A demonstration province for a first run: synthetic communes and schools with evidence and
/// decisions, marked as demo data in the store (every page then says so), and an administrator
/// with a password printed only once.
public enum DemoSeed {
    public static let province = "Tỉnh Demo"
    public static let communes = 120
    public static let schools = 24
    public static let admin = "admin"

    /// Seeds an empty store; returns the administrator's password, shown once and kept only
    /// as a hash.
    public static func seed(_ store: Store, commune: LoadedStandard, school: LoadedStandard?, passwords: Passwords) throws -> String {
        let actor = "phuhop-demo"
        let communeUnits = SyntheticUnits(standard: commune.standard, seed: 2026)
        var records: [(Evidence, Standard)] = []
        var communeIDs: [String] = []
        for n in 0..<communes {
            var evidence = communeUnits.unit(n)
            let number = String(format: "%03d", n + 1)
            evidence.unit.id = "DEMO-X\(number)"
            evidence.unit.name = "\(capitalized(evidence.unit.unitType.name.vi)) Demo \(number)"
            evidence.unit.province = province
            communeIDs.append(evidence.unit.id)
            records.append((evidence, commune.standard))
        }
        if let school {
            let schoolUnits = SyntheticUnits(standard: school.standard, seed: 2026)
            for n in 0..<schools {
                var evidence = schoolUnits.unit(n)
                let number = String(format: "%02d", n + 1)
                evidence.unit.id = "DEMO-T\(number)"
                evidence.unit.name = "Trường Tiểu học Demo \(number)"
                evidence.unit.province = province
                evidence.unit.commune = communeIDs[n * 5 % communeIDs.count]
                // Synthetic units leave some facts missing; a checklist answers every item, so a
                // missing answer becomes "not yet met".
                for (f, fact) in school.standard.facts.enumerated() where fact.type == .answer && evidence.facts[f] == nil {
                    evidence.facts[f] = .answer(.chuaDat)
                }
                records.append((evidence, school.standard))
            }
        }
        _ = try store.importEvidence(files: ["demo"], by: Authorship(author: actor, reason: "dữ liệu demo / demo data")) { session in
            for (evidence, standard) in records { _ = try session.add(evidence, standard: standard, document: "demo") }
        }
        let deciding = [commune.standard.id: DecidingStandard(loaded: commune)]
            .merging(school.map { [$0.standard.id: DecidingStandard(loaded: $0)] } ?? [:]) { a, _ in a }
        _ = try store.decide(.all, by: actor, standards: { id in
            guard let standard = deciding[id] else { throw StoreError.damaged("standard \(id)") }
            return standard
        }, each: { _ in })
        try store.setSetting(Store.demoSetting, "1", by: actor)
        let password = Secret.password()
        try store.addUser(UserAccount(name: admin, role: .admin, passwordHash: passwords.hash(password)), by: actor)
        return password
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
