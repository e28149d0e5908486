/// How far squads reach into the silos: which data flows out of which department to which squad, and what
/// each squad still cannot reach.
public struct SiloReach: Sendable, Hashable, Codable {
    /// One data asset and the squads that hold a grant to it.
    public struct AssetReach: Sendable, Hashable, Codable {
        /// The data asset.
        public var asset: DataAsset.ID
        /// The squads with a grant to it, sorted.
        public var squads: [CustomerValueSquad.ID]
    }

    /// One department's data and who reaches it.
    public struct DepartmentReach: Sendable, Hashable, Codable {
        /// The department.
        public var department: Department.ID
        /// Its data assets, in the department's order, each with the squads that reach it.
        public var assets: [AssetReach]
        /// How many of its assets at least one squad reaches.
        public var reachedAssetCount: Int
    }

    /// One squad's reach across the silos.
    public struct SquadReach: Sendable, Hashable, Codable {
        /// The squad.
        public var squad: CustomerValueSquad.ID
        /// The home departments of its members, sorted.
        public var departments: [Department.ID]
        /// The data assets it holds live grants to, sorted.
        public var reachable: [DataAsset.ID]
        /// The data assets its mission needs but it holds no live grant to, sorted.
        public var unreachableNeeds: [DataAsset.ID]
    }

    /// Every department, sorted by identifier.
    public var departments: [DepartmentReach]
    /// Every squad that is not dissolved, sorted by identifier.
    public var squads: [SquadReach]
    /// The number of data assets in the organisation.
    public var assetCount: Int
    /// The number of data assets at least one squad reaches.
    public var reachedAssetCount: Int

    /// The share of the organisation's data that flows to any squad, from 0 to 1 (0 when there is no data).
    public var reachedFraction: Double {
        assetCount == 0 ? 0 : Double(reachedAssetCount) / Double(assetCount)
    }
}

extension Organization {
    /// Which of each department's data assets are reachable by which squads through grants; which
    /// departments each squad spans and which needed data it cannot reach; and how much silo data flows to
    /// squads at all.
    ///
    /// Only live grants count (see ``canReach(_:from:on:)``): dissolved squads hold no grants, and a grant
    /// that has expired on `day` reaches nothing.
    ///
    /// - Parameter day: The day grants are judged on; ``Day/today`` when none is given.
    /// - Complexity: O(*a* + *g* log *g* + *m* + *d* log *d*), where *a* is the number of data assets, *g* the
    ///   number of grants, *m* the total squad size and *d* the number of departments.
    public func siloReach(on day: Day? = nil) -> SiloReach {
        var reachedBy: [DataAsset.ID: [CustomerValueSquad.ID]] = [:]
        var squadReach: [SiloReach.SquadReach] = []
        for squad in squads where squad.stage != .dissolved {
            let reachable = reachableData(from: squad.id, on: day)
            for asset in reachable { reachedBy[asset, default: []].append(squad.id) }
            squadReach.append(
                SiloReach.SquadReach(
                    squad: squad.id,
                    departments: departments(of: squad.id),
                    reachable: reachable,
                    unreachableNeeds: squad.mission.requiredData.filter { !canReach($0, from: squad.id, on: day) }
                        .sorted()
                )
            )
        }
        let departmentReach = departments.map { department in
            let assets = department.dataAssets.map { asset in
                SiloReach.AssetReach(asset: asset.id, squads: (reachedBy[asset.id] ?? []).sorted())
            }
            return SiloReach.DepartmentReach(
                department: department.id,
                assets: assets,
                reachedAssetCount: assets.count { !$0.squads.isEmpty }
            )
        }
        return SiloReach(
            departments: departmentReach,
            squads: squadReach,
            assetCount: dataAssetCount,
            reachedAssetCount: reachedBy.count
        )
    }
}
