import Foundation
import StewardCore
import StewardStore

// Release-build benchmarks for the foundation. Prints medians over repeated runs; not a test.
//
//   swift run -c release steward-bench [planner|validate|all] [--runs N]

let arguments = CommandLine.arguments.dropFirst()
let which = arguments.first { !$0.hasPrefix("--") } ?? "all"
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 15

if which == "planner" || which == "all" {
    PlannerBenchmark.run(runs: runs)
}
if which == "validate" || which == "all" {
    ValidateBenchmark.run(runs: runs)
}
