/// One grant as an audit sees it: who may reach what, who approved it, why, whether the mission needs it, and
/// whether it is live.
public struct GrantAuditEntry: Sendable, Hashable, Codable {
    /// The squad holding the grant.
    public var squad: CustomerValueSquad.ID
    /// The data asset.
    public var asset: DataAsset.ID
    /// The department that holds the asset.
    public var holder: Department.ID
    /// Who approved the grant, if anyone is named.
    public var approvedBy: Specialist.ID?
    /// Why the squad needs the data.
    public var reason: String
    /// Whether the squad's mission names the asset as needed.
    public var neededByMission: Bool
    /// The first day the grant no longer gives access, if it ends.
    public var expires: Day?
    /// Whether the grant gives access on the audit's day.
    public var isLive: Bool
}

extension Organization {
    /// Whether a squad can reach a data asset on a day: it must exist, not be dissolved, and hold a live grant.
    ///
    /// Every query of the library that reports reach answers from the same rule, so no data is reachable
    /// without a grant that is live on the day asked about.
    ///
    /// - Parameters:
    ///   - squad: The squad.
    ///   - asset: The data asset.
    ///   - day: The day grants are judged on; ``Day/today`` when none is given.
    public func canReach(_ asset: DataAsset.ID, from squad: CustomerValueSquad.ID, on day: Day? = nil) -> Bool {
        guard let squad = squadsByID[squad], squad.stage != .dissolved, holderOfAsset[asset] != nil,
            let grant = squad.grants[asset]
        else { return false }
        return grant.isLive(on: day)
    }

    /// The data assets a squad can reach on a day, sorted.
    ///
    /// - Complexity: O(*g* log *g*), where *g* is the number of the squad's grants.
    public func reachableData(from squad: CustomerValueSquad.ID, on day: Day? = nil) -> [DataAsset.ID] {
        guard let current = squadsByID[squad] else { return [] }
        return current.grants.keys.filter { canReach($0, from: squad, on: day) }.sorted()
    }

    /// The data assets a specialist can reach on a day through the squads they serve in now, sorted.
    ///
    /// A specialist reaches nothing of a squad they have been released from.
    ///
    /// - Complexity: O(*k* · *g*), where *k* is the number of their squads and *g* their grants.
    public func reachableData(by specialist: Specialist.ID, on day: Day? = nil) -> [DataAsset.ID] {
        var reachable: Set<DataAsset.ID> = []
        for squad in squadsOfSpecialist[specialist] ?? [] {
            reachable.formUnion(reachableData(from: squad, on: day))
        }
        return reachable.sorted()
    }

    /// Every grant of every squad, sorted by squad and asset, with who approved it, why, whether the mission
    /// needs it and whether it is live on `day`.
    ///
    /// - Complexity: O(*g* log *g*), where *g* is the number of grants.
    public func grantAudit(on day: Day? = nil) -> [GrantAuditEntry] {
        var entries: [GrantAuditEntry] = []
        for squad in squads {
            for (asset, grant) in squad.grants.sorted(by: { $0.key < $1.key }) {
                guard let holder = holderOfAsset[asset] else { continue }
                entries.append(
                    GrantAuditEntry(
                        squad: squad.id,
                        asset: asset,
                        holder: holder,
                        approvedBy: grant.approvedBy,
                        reason: grant.reason,
                        neededByMission: squad.mission.requiredData.contains(asset),
                        expires: grant.expires,
                        isLive: canReach(asset, from: squad.id, on: day)
                    )
                )
            }
        }
        return entries
    }
}
