import CustomerValueSquads
import CustomerValueSquadsSamples
import Foundation

/// The hiring plan, candidates for one seat and the format with seats, on the organisation of a size with one
/// open seat per squad (20 000 at the large size).
///
/// Each is put beside a peer measured in the same run: the hiring plan beside listing the specialists, the
/// candidates for a seat beside staffing a squad's mission from the same pool, and the format with seats beside
/// the same organisation without them (time per byte, since the seats add bytes).
func benchmarkSeats(_ size: Size, seatQueries count: Int = 2_000) {
    var shape = size.shape
    shape.openSeats = shape.squads
    let organization = OrganizationGenerator(seed: 2026, shape: shape).generate()
    let plain = OrganizationGenerator(seed: 2026, shape: size.shape).generate()
    let squads = organization.squads.filter { $0.stage != .dissolved }.map(\.id)
    let seats = organization.squads.reduce(0) { $0 + ($1.stage == .dissolved ? 0 : $1.seats.count) }

    // The hiring plan for a two-batch rollout, every department at a floor of 70 %.
    var batches = [RolloutPlan.Batch]()
    for (index, range) in [1..<51, 51..<101].enumerated() where squads.count > range.upperBound {
        var batch = RolloutPlan.Batch(name: "batch \(index + 1)", replicas: range.map { squads[$0] })
        batch.start = index == 0 ? "2027-01-04" : "2027-04-05"
        batches.append(batch)
    }
    guard let plan = try? RolloutPlan(startingArea: "everywhere", pilot: squads[0], batches: batches) else {
        print("[\(size.rawValue)] seats: no rollout plan could be made")
        return
    }
    let floors = Dictionary(uniqueKeysWithValues: organization.departments.map { ($0.id, 0.7) })
    let floor = best(of: 3) { consume(organization.specialists) }
    var hiring: HiringPlan?
    let planTime = best(of: 3) { hiring = try? organization.hiringPlan(rollout: plan, floors: floors) }
    guard let hiring else { return }
    print(
        "[\(size.rawValue)] hiring plan: \(organization.specialistCount) specialists, \(seats) open seats, two "
            + "batches; \(hiring.filledInside.count) seats filled inside, \(hiring.hires.count) hires "
            + "(\(hiring.hires.count { $0.reason == .backfill }) backfills), \(format(planTime)) "
            + "(\(ratio(planTime / floor)) listing the specialists, \(format(floor)); target ≤ 1 s at 200 000)")

    // Candidates for one seat against staffing one squad's mission, both from a ready pool.
    let pool = StaffingPool(organization)
    let open = organization.squads.flatMap { squad in squad.seats.map { (squad.id, $0) } }
    let queries = (0..<min(count, open.count)).map { open[$0 * open.count / min(count, open.count)] }
    var found = 0
    let perSeat =
        best(of: 3) {
            found = 0
            for (squad, seat) in queries { found += pool.candidates(for: seat, in: squad, limit: 10).count }
        } / Double(max(1, queries.count))
    let missions = queries.compactMap { organization.squad($0.0)?.mission }
    let perMission =
        best(of: 3) { for mission in missions { consume(pool.proposeStaffing(for: mission)) } }
        / Double(max(1, missions.count))
    print(
        "[\(size.rawValue)] candidates for one seat: \(format(perSeat)) (\(queries.count) seats, \(found) "
            + "candidates listed; target ≤ 50 µs), \(ratio(perSeat / perMission)) staffing one squad's mission "
            + "(\(format(perMission)))")

    // The format with seats against the same organisation without them, per byte.
    guard let withSeats = try? organization.jsonData(prettyPrinted: false),
        let without = try? plain.jsonData(prettyPrinted: false)
    else { return }
    let (decodeSeats, decodePlain) = bestAlternating(
        of: 3, { consume(try? Organization(jsonData: withSeats)) }, { consume(try? Organization(jsonData: without)) })
    let (encodeSeats, encodePlain) = bestAlternating(
        of: 3, { consume(try? organization.jsonData(prettyPrinted: false)) },
        { consume(try? plain.jsonData(prettyPrinted: false)) })
    let bytes = Double(withSeats.count) / Double(without.count)
    print(
        "[\(size.rawValue)] format with \(seats) seats: \(withSeats.count / 1_048_576) MiB against "
            + "\(without.count / 1_048_576) MiB (\(ratio(bytes))); decode \(format(decodeSeats)) against "
            + "\(format(decodePlain)), per byte \(ratio(decodeSeats / decodePlain / bytes)); encode "
            + "\(format(encodeSeats)) against \(format(encodePlain)), per byte "
            + "\(ratio(encodeSeats / encodePlain / bytes)) (target: within 5 %)")
}
