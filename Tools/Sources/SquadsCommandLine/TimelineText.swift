import CustomerValueSquads
import Foundation

/// The formats `squads timeline` writes.
public enum TimelineFormat: String, CaseIterable, Sendable {
    /// A table for people.
    case text
    /// One row per period and a column per silo, for a spreadsheet.
    case csv
    /// The timeline as JSON, for scripts.
    case json
}

extension Input {
    /// Reads a change log: a JSON list of changes, as `OrganizationChange.jsonData` writes it.
    ///
    /// - Throws: ``InputError`` naming the file, and the line and coding path of what is wrong.
    public static func changeLog(atPath path: String) throws(InputError) -> [OrganizationChange] {
        let log = try data(atPath: path)
        do {
            return try OrganizationChange.changes(fromJSON: log)
        } catch let error as DecodingError {
            throw InputError(describe(error, in: path))
        } catch {
            throw InputError("\(path): \(error)")
        }
    }

    /// Reads a dated change log and checks it against the organisation it starts from.
    ///
    /// - Throws: ``InputError`` naming the file, and the change without a day, out of order or that does not
    ///   apply, by its position.
    public static func history(baseline: Organization, changesAtPath path: String) throws(InputError) -> ChangeHistory {
        try history(baseline: baseline, changes: changeLog(atPath: path), path: path)
    }

    /// Reads the dated changes that led to `organization` and recovers where they started by undoing them, last
    /// first.
    ///
    /// - Throws: ``InputError`` when a change cannot be undone — the log does not end in this organisation — or
    ///   the log is not a valid history.
    public static func history(leadingTo organization: Organization, changesAtPath path: String) throws(InputError)
        -> ChangeHistory
    {
        let changes = try changeLog(atPath: path)
        var baseline = organization
        for (index, change) in changes.enumerated().reversed() {
            do {
                try baseline.apply(change.inverse)
            } catch {
                throw InputError(
                    "\(path): change \(index + 1) of \(changes.count) cannot be undone in this organisation, so the "
                        + "log does not end in it: [\(error.code)] \(error.message)")
            }
        }
        return try history(baseline: baseline, changes: changes, path: path)
    }

    private static func history(baseline: Organization, changes: [OrganizationChange], path: String)
        throws(InputError) -> ChangeHistory
    {
        do {
            return try ChangeHistory(baseline: baseline, changes: changes)
        } catch {
            throw InputError("\(path): [\(error.code)] \(error.message)")
        }
    }
}

extension Commands {
    /// The most periods a timeline or a report's history is cut into: a log whose days stretch further (often one
    /// mistyped year) is refused before any work, naming the change that stretches it.
    public static let maximumTimelinePeriods = 1_000

    /// Throws when `history` would be cut into more than ``maximumTimelinePeriods`` periods of `step`.
    ///
    /// - Throws: ``InputError`` naming the span, the number of periods and the change at the end of the widest gap.
    public static func checkSpan(of history: ChangeHistory, every step: Timeline.Step) throws(InputError) {
        guard let first = history.firstDay, let last = history.lastDay else { return }
        let days = first.days(to: last)
        let periods: Int
        switch step {
        case .week: periods = days / 7 + 2
        case .month: periods = days / 28 + 2
        case .quarter: periods = days / 89 + 2
        }
        guard periods > maximumTimelinePeriods else { return }
        let changes = history.changes
        // The change that stretches the span is at the end with the wider gap to its neighbour.
        let firstGap = changes.count > 1 ? (changes[0].day?.days(to: changes[1].day ?? first) ?? 0) : 0
        let lastGap =
            changes.count > 1
            ? (changes[changes.count - 2].day?.days(to: changes[changes.count - 1].day ?? last) ?? 0) : 0
        let index = firstGap >= lastGap ? 0 : changes.count - 1
        let change = changes[index]
        throw InputError(
            "the log's days run from \(first) to \(last): about \(periods) \(step.rawValue)ly periods, more than "
                + "\(maximumTimelinePeriods); change \(index + 1) (\(change.day.map(String.init(describing:)) ?? "undated")"
                + (change.reason.isEmpty ? "" : ", \(String(reflecting: change.reason))")
                + ") stretches it — check its "
                + "day, or give a longer --every")
    }

    /// `squads timeline`: how far along the transformation is, period by period.
    public static func timeline(
        _ history: ChangeHistory, every step: Timeline.Step = .month, plan: RolloutPlan? = nil,
        findings: Bool = true, format: TimelineFormat = .text
    ) throws(InputError) -> String {
        try checkSpan(of: history, every: step)
        let timeline = history.timeline(every: step, plan: plan, policy: findings ? .default : nil)
        switch format {
        case .json: return try json(timeline)
        case .csv: return timelineCSV(timeline, history: history, step: step)
        case .text: break
        }
        let changes = history.changes.count
        var lines = [
            "## Timeline of \(history.baseline.name) by \(step.rawValue): \(timeline.periods.count) "
                + "period\(timeline.periods.count == 1 ? "" : "s"), \(changes) change\(changes == 1 ? "" : "s")",
            "",
        ]
        guard !timeline.periods.isEmpty else {
            return (lines + ["none: the log is empty"]).joined(separator: "\n") + "\n"
        }
        // Open seats, once any period has one.
        let seats = timeline.periods.contains { $0.openSeats > 0 || $0.medianDaysToFill != nil }
        let header =
            [
                "Period", "Changes", "Staff", "FTE in squads", "Share", "Squads by stage", "Score",
                "Errors/warnings/notes", "Closest to its floor", "Formed",
            ] + (seats ? ["Open seats", "Days to fill"] : [])
        var rows: [[String]] = []
        for period in timeline.periods {
            let stages = CustomerValueSquad.Stage.allCases.compactMap { stage in
                (period.squadsByStage[stage] ?? 0) > 0 ? "\(period.squadsByStage[stage] ?? 0) \(stage.rawValue)" : nil
            }
            // The silo with the least margin above its floor (a silo without a floor counts from 0).
            let least = period.silos.min {
                ($0.retained - ($0.floor ?? 0), $0.department) < ($1.retained - ($1.floor ?? 0), $1.department)
            }
            let retained = least.map { silo in
                "\(silo.department) \(percent(silo.retained))"
                    + (silo.floor.map { " (floor \(percent($0))\(silo.retained < $0 ? ", below" : ""))" } ?? "")
            }
            let counts =
                findings ? [Finding.Severity.error, .warning, .note].map { String(period.findings[$0] ?? 0) } : ["–"]
            rows.append(
                [
                    label(of: period, step), String(period.changes), String(period.headcount),
                    String(format: "%.2f", period.fteInSquads), percent(period.shareInSquads),
                    stages.isEmpty ? "none" : stages.joined(separator: ", "),
                    period.weightedScore.map(percent) ?? "–", counts.joined(separator: "/"), retained ?? "–",
                    period.markers.joined(separator: ", "),
                ] + (seats ? [String(period.openSeats), period.medianDaysToFill.map(amount) ?? "–"] : []))
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.append(line(header))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The timeline as CSV: one row per period, a column per stage, per severity and per silo (its share
    /// retained), every department that exists at some period's end — and, once any period has an open seat, the
    /// open seats and the median days to fill one.
    static func timelineCSV(_ timeline: Timeline, history: ChangeHistory, step: Timeline.Step) -> String {
        var departments: [Department.ID] = []
        var seen: Set<Department.ID> = []
        for period in timeline.periods {
            for silo in period.silos where seen.insert(silo.department).inserted { departments.append(silo.department) }
        }
        departments = NaturalOrder.sorted(departments) { $0.rawValue }
        let stages = CustomerValueSquad.Stage.allCases
        // Open seats, once any period has one.
        let seats = timeline.periods.contains { $0.openSeats > 0 || $0.medianDaysToFill != nil }
        let header =
            ["period", "start", "end", "changes", "headcount", "fte_in_squads", "share_in_squads"]
            + stages.map { "squads_\($0.rawValue)" } + ["weighted_score", "errors", "warnings", "notes", "formed"]
            + (seats ? ["open_seats", "median_days_to_fill"] : []) + departments.map { "retained_\($0.rawValue)" }
        var lines = [header.map(csvField).joined(separator: ",")]
        for period in timeline.periods {
            let silos = Dictionary(uniqueKeysWithValues: period.silos.map { ($0.department, $0.retained) })
            // Empty without findings (--no-findings), 0 for none found.
            let findings: [String] = [Finding.Severity.error, .warning, .note].map { severity in
                period.findings[severity].map { String($0) } ?? ""
            }
            var cells: [String] = [
                label(of: period, step), period.start.description, period.end.description,
                String(period.changes), String(period.headcount), decimal(period.fteInSquads),
                decimal(period.shareInSquads),
            ]
            cells += stages.map { String(period.squadsByStage[$0] ?? 0) }
            cells.append(period.weightedScore.map(decimal) ?? "")
            cells += findings
            cells.append(period.markers.joined(separator: "; "))
            if seats { cells += [String(period.openSeats), period.medianDaysToFill.map(amount) ?? ""] }
            cells += departments.map { silos[$0].map(decimal) ?? "" }
            lines.append(cells.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A period's name: the month (`2026-03`), the quarter (`2026-Q1`) or the week's first day.
    static func label(of period: Timeline.Period, _ step: Timeline.Step) -> String {
        let month = period.start.month < 10 ? "0\(period.start.month)" : "\(period.start.month)"
        return switch step {
        case .week: period.start.description
        case .month: "\(period.start.year)-\(month)"
        case .quarter: "\(period.start.year)-Q\((period.start.month - 1) / 3 + 1)"
        }
    }

    /// A field of a CSV record (RFC 4180), quoted when it holds a comma, a quote or a line break, its quotes
    /// doubled — by Unicode scalar, so a quote or CR LF inside one `Character` is seen — and, against formula
    /// injection, with a leading `'` when it begins with `=`, `+`, `@`, a tab or a carriage return, or with `-`
    /// followed by something that is not a number.
    public static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first,
            "=+@\t\r".unicodeScalars.contains(first)
                || (first == "-" && Double(text) == nil)
        {
            text = "'" + text
        }
        var needsQuotes = false
        var quoted = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            if scalar == "\"" || scalar == "," || scalar == "\n" || scalar == "\r" { needsQuotes = true }
            quoted.append(scalar)
        }
        return needsQuotes ? "\"" + String(quoted) + "\"" : text
    }

    private static func decimal(_ value: Double) -> String { String(format: "%.4f", value) }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
