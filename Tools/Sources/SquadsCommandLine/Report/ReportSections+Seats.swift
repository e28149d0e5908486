import CustomerValueSquads

extension ReportSections {
    /// How many open seats the table shows, earliest first.
    static let shownSeats = 30

    /// The open seats by squad, and the hiring plan by quarter as a chart; only for an organisation with open
    /// seats. The plan is the organisation's own, without a rollout (`squads hiring-plan --plan` adds backfills).
    static func seats(_ organization: Organization, into html: inout HTML) {
        let open = organization.squads.filter { $0.stage != .dissolved }.flatMap { squad in
            squad.seats.map { (squad: squad, seat: $0) }
        }
        guard !open.isEmpty, let plan = try? organization.hiringPlan() else { return }
        html.raw("<section id=\"seats\"><h2>Seats and hiring</h2>")
        let inside = plan.filledInside.count
        html.element(
            "p",
            "\(Text.counted(open.count, "open seat")): \(inside) can be filled from inside, "
                + "\(Commands.people(plan.total.headcount)) to hire (\(Commands.amount(plan.total.fte)) FTE"
                + (plan.total.cost > 0 ? ", cost \(Commands.amount(plan.total.cost))" : "")
                + (plan.total.uncosted > 0 ? "; \(Text.counted(plan.total.uncosted, "hire")) without a cost rate" : "")
                + ").")
        let bars = plan.byQuarter.map {
            ReportCharts.Bar(label: $0.key, value: $0.fte, kind: "squads")
        }
        if !bars.isEmpty { html.raw(ReportCharts.bars(bars, title: "FTE to hire by quarter")) }
        let hired = Set(plan.hires.compactMap { hire in hire.seat.map { "\(hire.squad?.rawValue ?? "")/\($0)" } })
        let filler = Dictionary(
            plan.filledInside.map { ("\($0.squad)/\($0.seat)", $0.specialist) }, uniquingKeysWith: { first, _ in first }
        )
        html.raw(
            "<table id=\"open-seats\"><thead><tr><th>Squad</th><th>Seat</th><th>Role</th><th>Skills</th>"
                + "<th>Share</th><th>Needed from</th><th>Plan</th></tr></thead><tbody>")
        let earliest = open.sorted {
            ($0.seat.neededFrom, $0.squad.id, $0.seat.id) < ($1.seat.neededFrom, $1.squad.id, $1.seat.id)
        }
        for (squad, seat) in earliest.prefix(shownSeats) {
            let key = "\(squad.id)/\(seat.id)"
            let skills = seat.skills.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
                .joined(separator: ", ")
            let fill =
                filler[key].map { "from inside: \(organization.specialist($0)?.name ?? $0.rawValue)" }
                ?? (hired.contains(key) ? "hire" : "")
            html.raw(
                "<tr\(hired.contains(key) ? " class=\"below-floor\"" : "")>"
                    + "<th scope=\"row\" class=\"name\">\(HTML.name(squad.name))</th>"
                    + "<td>\(HTML.name(seat.id.rawValue))</td><td>\(HTML.name(seat.role.rawValue))</td>"
                    + "<td>\(HTML.name(skills))</td><td>\(seat.share)</td><td>\(seat.neededFrom)</td>"
                    + "<td>\(HTML.name(fill))</td></tr>")
        }
        html.raw("</tbody></table>")
        if open.count > shownSeats {
            html.element("p", "and \(open.count - shownSeats) more seats, needed later", class: "more")
        }
        html.raw("</section>")
    }
}
