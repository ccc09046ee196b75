// Benchmark: scores N generated communes in memory on one core and reports decisions per second
// and peak memory. Usage: phuhop-bench [--units N] [--pool P] [--criteria DIR] [--json]
// Build with `swift build -c release --product phuhop-bench`; see Docs/performance.md.
import Foundation
import PhuhopCore
import PhuhopFormats
import PhuhopReports
import PhuhopSynthesis

var units = 1_000_000
// 64 units stay in cache, as a unit's evidence does when `batch` has just read it; `--pool 4096`
// measures evaluation with the evidence out of cache.
var pool = 64
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

// The same synthetic communes `phuhop synth` writes (seed 2019), held in a pool.
let profilePath = URL(fileURLWithPath: criteria).deletingLastPathComponent().appendingPathComponent("examples/synthetic-qd06-2019.profile")
let profile = (try? Data(contentsOf: profilePath)).flatMap { try? SyntheticProfileReader.read($0, file: profilePath.path, standard: standard) }
let synthetic = SyntheticUnits(standard: standard, seed: 2019, profile: profile ?? SyntheticProfile())
let evidencePool = (0..<pool).map { synthetic.unit($0) }

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
for n in 0..<units {
    evaluator.evaluate(evidencePool[n % pool], into: &decision)
    switch decision.outcome {
    case .recognized: outcomes[0] += 1
    case .notRecognized: outcomes[1] += 1
    case .undetermined: outcomes[2] += 1
    }
    reasonCount += decision.decisiveReasons.count + decision.indicators.count
    if renderJSON { bytes += DecisionJSON.value(decision, reference, language: .vi).rendered(pretty: false).utf8.count }
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
