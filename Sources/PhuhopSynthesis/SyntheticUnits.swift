import PhuhopCore

/// Plausible, deterministic evidence for made-up units, for demos and benchmarks.
///
/// Everything is derived from the standard's structure, not from fact names: populations
/// (denominators and the facts others may not exceed), parts of them (rate numerators, mostly
/// near the top band), rare events (counts compared with bands, incidence numerators),
/// activities (mostly held) and shares. Some facts are left missing and some units get a zero
/// criterion, as real data has. Unit `n` depends only on the seed and `n`, so any slice of a
/// large run can be regenerated alone, and generation streams.
public struct SyntheticUnits: Sendable {
    public let standard: Standard
    public let seed: UInt64
    public let profile: SyntheticProfile
    private let roles: [Role]
    /// Populations other populations are bounded by: the unit's children.
    private let totals: Set<Int>
    private let period: Period

    enum Role: Sendable {
        case population(limit: Int?)
        case sample
        case part(of: Int?)
        case event
        case boolean
        case share
        case answer
    }

    /// The 34 provinces and centrally-run cities since 2025; the first six are cities.
    public static let provinces = [
        "Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
        "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
        "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
        "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ]

    /// Provinces with an island special zone (đặc khu) since 2025.
    static let islandProvinces: Set<String> = [
        "Quảng Ninh", "Hải Phòng", "Quảng Trị", "Quảng Ngãi", "Đà Nẵng", "Khánh Hòa", "Lâm Đồng", "TP. Hồ Chí Minh", "An Giang",
    ]

    public init(standard: Standard, seed: UInt64, profile: SyntheticProfile = SyntheticProfile()) {
        self.standard = standard
        self.seed = seed
        self.profile = profile
        var denominators = Set<Int>()
        var numerators = Set<Int>()
        var events = Set<Int>()
        var samples = Set<Int>()
        for criterion in standard.criteria {
            for indicator in criterion.indicators {
                switch indicator.scoring {
                case .activity, .item: break
                case .count(let fact, _): events.insert(fact)
                case .ratio(let ratio):
                    samples.formUnion(ratio.minimumSample.map(\.fact))
                    if case .counts(let n, let d) = ratio.source {
                        denominators.formUnion(d)
                        if ratio.per != nil { events.formUnion(n) } else { numerators.formUnion(n) }
                    }
                }
            }
        }
        let limits = Set(standard.facts.compactMap(\.atMost))
        roles = standard.facts.enumerated().map { f, fact in
            switch fact.type {
            case .boolean: return .boolean
            case .share: return .share
            case .answer: return .answer
            case .count:
                if samples.contains(f) { return .sample }
                if events.contains(f) { return .event }
                if numerators.contains(f) { return .part(of: fact.atMost) }
                if denominators.contains(f) || limits.contains(f) { return .population(limit: fact.atMost) }
                return .event
            }
        }
        var totals = Set<Int>()
        for role in roles {
            if case .population(let limit?) = role { totals.insert(limit) }
        }
        self.totals = totals
        // The 2023-24 data year when the standard was in force then; else its first day.
        let start = CalendarDate(year: 2023, month: 11, day: 1)
        let end = CalendarDate(year: 2024, month: 10, day: 31)
        if let start, let end, let year = Period(from: start, to: end), standard.effective.value.contains(end) {
            period = year
        } else {
            period = Period(day: standard.effective.value.from)
        }
    }

    /// The evidence of unit `n`.
    public func unit(_ n: Int) -> Evidence {
        // Mix seed and index so that neighbouring seeds do not give shifted copies of one stream.
        var mixer = SplitMix64(seed: seed)
        var random = SplitMix64(seed: mixer.next() ^ (UInt64(n) &* 0xD1B5_4A32_D192_ED03))
        let province = SyntheticUnits.provinces[Int(random.below(UInt64(SyntheticUnits.provinces.count)))]
        let isCity = SyntheticUnits.provinces.prefix(6).contains(province)
        let roll = random.below(100)
        var type: UnitType = roll < (isCity ? 45 : 75) ? .xa : roll < 96 ? .phuong : roll < 99 ? .thiTran : .dacKhu
        if type == .dacKhu && !SyntheticUnits.islandProvinces.contains(province) { type = .xa }
        if !standard.unitTypes.isEmpty && !standard.unitTypes.contains(type) {
            type = standard.unitTypes[Int(random.below(UInt64(standard.unitTypes.count)))]
        }
        let attributes: [Bool?] = standard.attributes.map { attribute in
            switch attribute.id {
            case "centralCity": return isCity
            case "mountainous": return type != .phuong && random.below(100) < 30
            case "island": return type == .dacKhu || random.below(100) < 2
            case "extremelyDifficult": return type == .xa && random.below(100) < 15
            default: return random.below(2) == 0
            }
        }
        // A commune that struggles does so across its rates, as real ones do.
        let strength = random.below(100)
        var facts = [FactValue?](repeating: nil, count: standard.facts.count)
        // Facts that depend on nothing first, then hinted and generic populations, then their parts.
        for (f, role) in roles.enumerated() where profile.hints[f] == nil {
            switch role {
            case .sample: facts[f] = .count(27 + random.below(130))
            case .event: facts[f] = .count(random.below(100) < (strength < 85 ? 92 : 70) ? 0 : 1 + random.below(3))
            case .boolean: facts[f] = .boolean(random.below(100) < (strength < 90 ? 97 : 75))
            case .share: facts[f] = .share(Rational(2 + random.below(24), 100) ?? .zero)
            case .answer: facts[f] = .answer(random.below(100) < (strength < 80 ? 97 : 85) ? .dat : .chuaDat)
            case .population, .part: break
            }
        }
        for f in standard.facts.indices where profile.hints[f] != nil || isPopulation(f) {
            _ = count(f, &facts, &random, depth: 0)
        }
        for (f, role) in roles.enumerated() where facts[f] == nil {
            guard case .part(let limit) = role else { continue }
            var base: Int64 = 100
            if let limit, case .count(let total)? = facts[limit] { base = total }
            let shortfall = strength < 70 ? random.below(3) : random.below(strength < 92 ? 12 : 30)
            facts[f] = .count(base - min(base, base * shortfall / 100))
        }
        // Sample parts (satisfied of surveyed) follow their sample.
        for (f, fact) in standard.facts.enumerated() {
            if let limit = fact.atMost, case .count(let bound)? = facts[limit], case .count(let value)? = facts[f], value > bound {
                facts[f] = .count(bound)
            }
        }
        for f in facts.indices where random.below(1000) < 2 { facts[f] = nil }
        let prefix = type == .phuong ? "Phường" : type == .thiTran ? "Thị trấn" : type == .dacKhu ? "Đặc khu" : "Xã"
        let number = String(n + 1)
        let padded = String(repeating: "0", count: max(0, 6 - number.count)) + number
        return Evidence(
            unit: UnitInfo(id: "SYN-\(padded)", name: "\(prefix) mẫu \(padded)", province: province,
                           unitType: type, attributes: attributes),
            period: period, facts: facts, sources: [FactSource?](repeating: nil, count: standard.facts.count))
    }

    /// The value of a count fact, generating it (and what it depends on) when not yet set.
    private func count(_ f: Int, _ facts: inout [FactValue?], _ random: inout SplitMix64, depth: Int) -> Int64 {
        if case .count(let value)? = facts[f] { return value }
        let value: Int64
        switch profile.hints[f] {
        case .range(let from, let to)?:
            value = from + random.below(UInt64(to - from + 1))
        case .share(let of, let from, let to)? where depth < 8:
            let base = count(of, &facts, &random, depth: depth + 1)
            // A share between from and to, in thousandths of the gap.
            let k = random.below(1001)
            let share = Rational(from.numerator * to.denominator * 1000 + (to.numerator * from.denominator - from.numerator * to.denominator) * k,
                                 from.denominator * to.denominator * 1000) ?? from
            let scaled = share.multiplied(by: base)
            value = scaled.numerator / scaled.denominator
        default:
            // A cohort is drawn against its limit, so the limit comes first.
            if case .population(let limit?) = roles[f], depth < 8 { _ = count(limit, &facts, &random, depth: depth + 1) }
            value = isPopulation(f) ? population(f, facts, &random) : 0
        }
        facts[f] = .count(value)
        return value
    }

    private func isPopulation(_ f: Int) -> Bool {
        if case .population = roles[f] { return true }
        return false
    }

    /// A population: the unit's children, or a cohort of them.
    private func population(_ f: Int, _ facts: [FactValue?], _ random: inout SplitMix64) -> Int64 {
        guard case .population(let limit) = roles[f] else { return 0 }
        if let limit {
            // Cohorts are read before their limit only if declared first; fall back to a fresh total.
            let total: Int64
            if case .count(let t)? = facts[limit] { total = t } else { total = 800 + random.below(5200) }
            return max(1, total * (2 + random.below(28)) / 100)
        }
        // A population others are bounded by is the unit's children; another is a caseload.
        return totals.contains(f) ? 800 + random.below(5200) : random.below(100) < 70 ? 0 : 1 + random.below(4)
    }
}

/// SplitMix64: small, fast and good enough for synthetic data; the same seed gives the same stream.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    public mutating func below(_ n: UInt64) -> Int64 {
        Int64(next() % max(n, 1))
    }
}
