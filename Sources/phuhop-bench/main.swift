// Benchmark: scores N generated communes in memory on one core and reports decisions per second
// and peak memory. Usage: phuhop-bench [--units N] [--pool P] [--criteria DIR] [--json]
// Build with `swift build -c release --product phuhop-bench`; see Docs/performance.md.
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports

var units = 1_000_000
var pool = 4096
var criteria = "criteria"
var renderJSON = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--units": units = arguments.next().flatMap { Int($0) } ?? units
    case "--pool": pool = arguments.next().flatMap { Int($0) } ?? pool
    case "--criteria": criteria = arguments.next() ?? criteria
    case "--json": renderJSON = true
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

let loaded: LoadedStandard
do {
    loaded = try CriteriaLoader.load(folder: URL(fileURLWithPath: criteria).appendingPathComponent("qd06-2019"))
} catch let error as InputError {
    for d in error.diagnostics { FileHandle.standardError.write(Data((d.rendered(.en) + "\n").utf8)) }
    exit(1)
}
let standard = loaded.standard
let evaluator = Evaluator(standard: standard)
let reference = StandardReference(standard: standard, hash: loaded.hash)

/// Deterministic generator (SplitMix64), so every run scores the same communes.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: UInt64) -> Int64 { Int64(next() % n) }
}

// Facts that bound others, or divide a ratio, are populations; the rest are events or parts.
var populations = Set<Int>()
for fact in standard.facts { if let limit = fact.atMost { populations.insert(limit) } }
for criterion in standard.criteria {
    for indicator in criterion.indicators {
        if case .ratio(let ratio) = indicator.scoring, case .counts(_, let denominator) = ratio.source {
            populations.formUnion(denominator)
        }
    }
}

var random = SplitMix64(state: 2019)
let period = Period(from: CalendarDate(year: 2023, month: 11, day: 1)!, to: CalendarDate(year: 2024, month: 10, day: 31)!)!
var evidencePool: [Evidence] = []
evidencePool.reserveCapacity(pool)
for n in 0..<pool {
    var facts = [FactValue?](repeating: nil, count: standard.facts.count)
    for f in standard.facts.indices where populations.contains(f) {
        facts[f] = .count(40 + random.below(3000))
    }
    for (f, fact) in standard.facts.enumerated() where !populations.contains(f) {
        switch fact.type {
        case .boolean: facts[f] = .boolean(random.below(20) != 0)
        case .share: facts[f] = .share(Rational(random.below(300), 1000)!)
        case .count:
            if let limit = fact.atMost, case .count(let bound)? = facts[limit] {
                facts[f] = .count(bound - min(bound, random.below(UInt64(max(1, bound / 8)))))
            } else {
                facts[f] = .count(random.below(10) < 8 ? 0 : 1 + random.below(3))
            }
        }
        if random.below(50) == 0 { facts[f] = nil }  // some facts missing
    }
    let type: UnitType = [.xa, .phuong, .thiTran][n % 3]
    let attributes: [Bool?] = standard.attributes.map { _ in random.below(4) == 0 }
    let unit = UnitInfo(id: "u\(n)", name: "Đơn vị \(n)", province: "Tỉnh \(n % 34)", unitType: type, attributes: attributes)
    evidencePool.append(Evidence(unit: unit, period: period, facts: facts,
                                 sources: [FactSource?](repeating: nil, count: standard.facts.count)))
}

func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes / 1024
    }
    return -1
}

var outcomes = [0, 0, 0]
var reasonCount = 0
var bytes = 0
// One decision reused for every unit, as a batch does: its arrays keep their capacity.
var decision = evaluator.evaluate(evidencePool[0])
let clock = ContinuousClock()
let start = clock.now
// Read the pool in place: copying an `Evidence` out of an array costs more retains than the
// evaluation's own bookkeeping, and a real batch hands each unit over once anyway.
evidencePool.withUnsafeBufferPointer { buffer in
    for n in 0..<units {
        evaluator.evaluate(buffer[n % pool], into: &decision)
        switch decision.outcome {
        case .recognized: outcomes[0] += 1
        case .notRecognized: outcomes[1] += 1
        case .undetermined: outcomes[2] += 1
        }
        reasonCount += decision.decisiveReasons.count + decision.indicators.count
        if renderJSON { bytes += DecisionJSON.value(decision, reference, language: .vi).rendered(pretty: false).utf8.count }
    }
}
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("units:              \(units)")
print("seconds:            \(String(format: "%.3f", seconds))")
print("decisions/second:   \(Int(Double(units) / seconds))")
print("reasons/decision:   \(String(format: "%.1f", Double(reasonCount) / Double(units)))")
print("outcomes (rec/not/undet): \(outcomes[0]) / \(outcomes[1]) / \(outcomes[2])")
if renderJSON { print("JSON bytes:         \(bytes)") }
print("peak RSS (MB):      \(peakResidentMegabytes())")
