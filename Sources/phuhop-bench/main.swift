// Benchmark: scores N generated communes in memory on one core and reports decisions per second
// and peak memory. Usage: phuhop-bench [--units N] [--pool P] [--criteria DIR] [--json]
// With `--payload FILE` it instead runs the scoring API's work N times on one evidence file (no
// HTTP) and reports the time of each stage: parse, read, evaluate, build the JSON, write its bytes;
// `--threads T` then also runs the whole of it on 1 and on T threads at once, sharing the standard,
// as the server's threads do.
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
var payload: String?
var threads = 1
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--units": units = arguments.next().flatMap { Int($0) } ?? units
    case "--pool": pool = arguments.next().flatMap { Int($0) } ?? pool
    case "--criteria": criteria = arguments.next() ?? criteria
    case "--json": renderJSON = true
    case "--payload": payload = arguments.next()
    case "--threads": threads = arguments.next().flatMap { Int($0) } ?? threads
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

if let payload {
    runPayload(payload)
    exit(0)
}

/// The scoring API's stages, timed one by one over `units` runs of the same document.
@MainActor func runPayload(_ path: String) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    let clock = ContinuousClock()
    var spent = [Duration](repeating: .zero, count: 5)
    var bytes = 0
    let runs = min(units, 100_000)
    do {
        for _ in 0..<runs {
            var t = clock.now
            func lap(_ stage: Int) {
                let now = clock.now
                spent[stage] += now - t
                t = now
            }
            let parsed = try EvidenceReader.parse(data, file: path)
            lap(0)
            let evidence = try EvidenceReader.read(parsed, standard: standard)
            lap(1)
            let decision = evaluator.evaluate(evidence)
            lap(2)
            let value = DecisionJSON.value(decision, reference, language: .vi)
            lap(3)
            // As the scoring API sends it: rendered into room for the whole, then copied once.
            bytes = value.withBytes(pretty: false, capacity: 65_536) { Array($0) }.count
            lap(4)
        }
    } catch let error as InputError {
        for d in error.diagnostics { FileHandle.standardError.write(Data((d.rendered(.en) + "\n").utf8)) }
        exit(1)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    let names = ["parse", "read", "evaluate", "JSON value", "JSON bytes"]
    let total = spent.reduce(Duration.zero, +)
    func micro(_ d: Duration) -> Double {
        (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(runs)
    }
    print("runs:               \(runs) of \(data.count) bytes in, \(bytes) bytes out")
    for (name, d) in zip(names, spent) {
        print("\(name.padding(toLength: 20, withPad: " ", startingAt: 0))\(String(format: "%8.1f", micro(d))) µs")
    }
    print("total               \(String(format: "%8.1f", micro(total))) µs per request")
    if threads > 1 {
        for t in [1, threads] {
            print("\(t) thread(s):        \(String(format: "%8.0f", concurrentRate(data, threads: t, runs: runs))) requests/s")
        }
    }
    print("peak RSS (MB):      \(peakResidentMegabytes())")
}

/// Requests a second with `threads` threads each running the whole of the API's work `runs`
/// times on one shared standard: what the threads cost each other (shared counts of references,
/// the allocator) shows as a rate below `threads` times the one-thread rate.
@MainActor func concurrentRate(_ data: Data, threads: Int, runs: Int) -> Double {
    let (standard, evaluator, reference) = (standard, evaluator, reference)
    let clock = ContinuousClock()
    let start = clock.now
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        for _ in 0..<runs {
            guard let parsed = try? EvidenceReader.parse(data, file: "request"),
                  let evidence = try? EvidenceReader.read(parsed, standard: standard) else { return }
            let decision = evaluator.evaluate(evidence)
            _ = DecisionJSON.value(decision, reference, language: .vi).withBytes(pretty: false, capacity: 65_536) { $0.count }
        }
    }
    let elapsed = clock.now - start
    return Double(threads * runs) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

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
