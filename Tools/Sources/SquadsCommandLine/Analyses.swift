import CustomerValueSquads

/// Gaps of one squad, for JSON output.
struct SquadGaps: Encodable {
    var squad: CustomerValueSquad.ID
    var gaps: [SkillGap]
}

extension Commands {
    /// `squads gaps`: each squad's skill gaps with the best candidates.
    ///
    /// - Throws: ``InputError`` for a squad that does not exist.
    ///
    /// - Parameter progress: Told after each squad how many of how many are done; nothing by default.
    public static func gaps(
        _ organization: Organization,
        squad: CustomerValueSquad.ID? = nil,
        format: OutputFormat = .text,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    )
        throws(InputError) -> String
    {
        let ids = try selectedSquads(organization, squad)
        var all: [SquadGaps] = []
        // For many squads, rank everyone once; the text shows the best three candidates per gap, JSON all of them.
        let pool = ids.count > 1 ? StaffingPool(organization) : nil
        let limit = format == .json ? nil : 3
        for (index, id) in ids.enumerated() {
            let found = try? pool?.skillGaps(of: id, limit: limit) ?? organization.skillGaps(of: id, limit: limit)
            if let gaps = found { all.append(SquadGaps(squad: id, gaps: gaps)) }
            progress(index + 1, ids.count)
        }
        if format == .json { return try json(all) }
        var lines = ["## Skill gaps", ""]
        for entry in all {
            let name = organization.squad(entry.squad)?.name ?? entry.squad.rawValue
            if entry.gaps.isEmpty {
                lines.append("- \(name): none")
                continue
            }
            lines.append("- \(name):")
            for gap in entry.gaps {
                let best = gap.candidates.prefix(3).map { candidate in
                    "\(candidate.specialist) (\(candidate.proficiency.rawValue), \(candidate.sparePercent)% free"
                        + (candidate.bringsNewDepartment ? ", new department \(candidate.department))" : ")")
                }
                lines.append(
                    "    \(gap.skill.rawValue): "
                        + (best.isEmpty ? "no one with time to spare has it" : best.joined(separator: "; "))
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `squads staffing`: a proposed squad for a squad's mission, with reasons.
    ///
    /// - Throws: ``InputError`` for a squad that does not exist or a share outside 1...100.
    public static func staffing(
        _ organization: Organization,
        squad: CustomerValueSquad.ID,
        sharePercent: Int = 40,
        format: OutputFormat = .text
    ) throws(InputError) -> String {
        guard let current = organization.squad(squad) else { throw noSquad(squad, in: organization) }
        let share: TimeShare
        do {
            share = try TimeShare(percent: sharePercent)
        } catch {
            throw InputError("--share: \(error.message)")
        }
        let proposal = organization.proposeStaffing(
            for: current.mission,
            share: share,
            excluding: Set(current.memberships.keys)
        )
        if format == .json { return try json(proposal) }
        var lines = [
            "## Staffing proposal for the mission of \(current.name)",
            "",
            "\(current.mission.statement)",
            "",
        ]
        for (number, pick) in proposal.picks.enumerated() {
            let name = organization.specialist(pick.specialist)?.name ?? pick.specialist.rawValue
            lines.append(
                "\(number + 1). \(name) [\(pick.specialist)] from \(pick.department) as \(pick.role), \(pick.share)"
            )
            lines.append("   \(pick.reason)")
        }
        lines.append("")
        lines.append("Departments: \(proposal.departments.map(\.rawValue).joined(separator: ", "))")
        lines.append(
            "Uncovered skills: "
                + (proposal.uncoveredSkills.isEmpty
                    ? "none" : proposal.uncoveredSkills.map(\.rawValue).joined(separator: ", "))
        )
        for shortfall in proposal.shortfalls { lines.append("Shortfall: \(shortfall)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `squads scores`: each squad's outcome score and band, and the roll-up.
    public static func scores(_ organization: Organization, format: OutputFormat = .text) throws(InputError) -> String {
        let scores = organization.scores()
        if format == .json { return try json(scores) }
        var lines = ["## Outcome scores", ""]
        for squad in scores.squads {
            let name = organization.squad(squad.squad)?.name ?? squad.squad.rawValue
            let score = squad.score.map { "\(percent($0)) \(words(squad.band))" } ?? "no measurable outcome yet"
            lines.append("- \(name): \(score)")
            for outcome in squad.outcomes { lines.append(scoreLine(outcome)) }
        }
        lines.append("")
        lines.append(
            "Organisation: " + (scores.score.map { "\(percent($0)) \(words(scores.band))" } ?? "no score yet")
        )
        if let weighted = scores.weightedScore {
            lines.append(
                "Goal, each outcome by its weight: \(percent(weighted)) \(words(StatusBand(progress: weighted)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `squads reach`: which silo data flows to which squad.
    public static func reach(_ organization: Organization, format: OutputFormat = .text) throws(InputError) -> String {
        let reach = organization.siloReach()
        if format == .json { return try json(reach) }
        var lines = [
            "## Silo reach",
            "",
            "\(reach.reachedAssetCount) of \(reach.assetCount) data assets flow to squads (\(percent(reach.reachedFraction)))",
            "",
        ]
        for department in reach.departments where !department.assets.isEmpty {
            lines.append("- \(department.department):")
            for asset in department.assets {
                lines.append(
                    "    \(asset.asset) → "
                        + (asset.squads.isEmpty ? "no squad" : asset.squads.map(\.rawValue).joined(separator: ", "))
                )
            }
        }
        for squad in reach.squads where !squad.unreachableNeeds.isEmpty {
            lines.append(
                "! \(squad.squad) cannot reach: \(squad.unreachableNeeds.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func words(_ band: StatusBand?) -> String {
        switch band {
        case .offTrack: "off track"
        case .atRisk: "at risk"
        case .onTrack: "on track"
        case nil: ""
        }
    }

    static func percent(_ fraction: Double) -> String {
        // The library scores from 0 to 1; anything else is shown as it is rather than trusted to convert.
        (0...1).contains(fraction) ? "\(wholeNumber(fraction * 100))%" : "\(fraction * 100)%"
    }

    static func selectedSquads(_ organization: Organization, _ squad: CustomerValueSquad.ID?) throws(InputError)
        -> [CustomerValueSquad.ID]
    {
        if let squad {
            guard organization.squad(squad) != nil else { throw noSquad(squad, in: organization) }
            return [squad]
        }
        return organization.squads.filter { $0.stage != .dissolved }.map(\.id)
    }

    /// The error for a squad the organisation does not have, suggesting the closest one it has.
    static func noSquad(_ squad: CustomerValueSquad.ID, in organization: Organization) -> InputError {
        InputError(
            "there is no squad \(squad)"
                + Input.suggestion(for: squad.rawValue, among: organization.squads.map(\.id.rawValue)))
    }
}
