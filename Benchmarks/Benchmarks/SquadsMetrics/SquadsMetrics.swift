import Benchmark
import CustomerValueSquads
import CustomerValueSquadsTesting
import Foundation

// Allocation counts of the library's main operations on a 2 000-specialist organisation (names without
// spaces, which the threshold files are named after). Allocations do not
// depend on the machine's load, so `swift package benchmark thresholds check` can hold them to the committed
// thresholds (Thresholds/) and fail when a change allocates more. Times are measured as ratios within one run
// by the SquadsBenchmarks executable instead.

/// The 2 000-specialist organisation of the ratio benchmarks (seed 2026).
let small = OrganizationGenerator(
    seed: 2026,
    shape: .init(specialists: 2_000, departments: 20, dataAssets: 500, squads: 200, squadSize: 8...8)
).generate()

let document = (try? small.jsonData(prettyPrinted: false)) ?? Data()

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.mallocCountTotal, .instructions],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 20,
        // Allocation counts are exact; a change of more than 2 % is a regression (or an improvement to record).
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 2.0])]
    )
    Benchmark("DecodeDocument", configuration: configuration) { _ in
        blackHole(try Organization(jsonData: document))
    }
    Benchmark("EncodeDocument", configuration: configuration) { _ in
        blackHole(try small.jsonData(prettyPrinted: false))
    }
    Benchmark("Validate", configuration: configuration) { _ in
        blackHole(small.validate(on: "2026-11-28"))
    }
    Benchmark("SkillGaps20Squads", configuration: configuration) { _ in
        for squad in small.squads.prefix(20) { blackHole(try small.skillGaps(of: squad.id)) }
    }
    Benchmark("Staffing20Missions", configuration: configuration) { _ in
        for squad in small.squads.prefix(20) { blackHole(small.proposeStaffing(for: squad.mission)) }
    }
    Benchmark("PoolSkillGaps20Squads", configuration: configuration) { benchmark in
        let pool = StaffingPool(small)
        benchmark.startMeasurement()
        for squad in small.squads.prefix(20) { blackHole(try pool.skillGaps(of: squad.id, limit: 10)) }
        benchmark.stopMeasurement()
    }
    Benchmark("PoolStaffing20Missions", configuration: configuration) { benchmark in
        var pool = StaffingPool(small)
        benchmark.startMeasurement()
        for squad in small.squads.prefix(20) {
            let proposal = pool.proposeStaffing(for: squad.mission)
            try pool.book(proposal)
            blackHole(proposal)
        }
        benchmark.stopMeasurement()
    }
    Benchmark("LiveValidation100Changes", configuration: configuration) { benchmark in
        // 50 assignments and their releases, each followed by bringing the report up to date.
        var live = LiveValidation(small, on: "2026-11-28")
        let squad = try require(small.squads.first { $0.stage != .dissolved })
        let free = small.specialists.filter { small.sparePercent(of: $0.id) >= 10 && squad.memberships[$0.id] == nil }
        benchmark.startMeasurement()
        for specialist in free.prefix(50) {
            blackHole(try live.update { try $0.assign(specialist.id, to: squad.id, role: "member", share: 10) })
            blackHole(try live.update { try $0.release(specialist.id, from: squad.id) })
        }
        benchmark.stopMeasurement()
        blackHole(live.errorCount)
    }
    Benchmark("Assign100Members", configuration: configuration) { benchmark in
        var organization = small
        let squad = try require(small.squads.first { $0.stage != .dissolved })
        let free = small.specialists.filter { small.sparePercent(of: $0.id) >= 10 && squad.memberships[$0.id] == nil }
        benchmark.startMeasurement()
        for specialist in free.prefix(100) {
            try organization.assign(specialist.id, to: squad.id, role: "member", share: 10)
            try organization.release(specialist.id, from: squad.id)
        }
        benchmark.stopMeasurement()
        blackHole(organization)
    }
}

/// Stops the benchmark when a precondition of its own setup fails.
func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CancellationError() }
    return value
}
