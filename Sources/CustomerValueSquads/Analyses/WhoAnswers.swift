/// A squad that answers for something — a customer, a value area, the use of a data asset — and the specialist
/// accountable for its results.
public struct AccountableSquad: Sendable, Hashable, Codable {
    /// The squad.
    public var squad: CustomerValueSquad.ID
    /// Its stage (never ``CustomerValueSquad/Stage/dissolved``: a dissolved squad answers for nothing).
    public var stage: CustomerValueSquad.Stage
    /// The specialist accountable for its outcomes (``Accountability/owner``), if it names one.
    public var owner: Specialist.ID?

    /// Creates an entry.
    public init(squad: CustomerValueSquad.ID, stage: CustomerValueSquad.Stage, owner: Specialist.ID?) {
        self.squad = squad
        self.stage = stage
        self.owner = owner
    }
}

/// Everything one specialist answers for across the organisation, every list sorted.
///
/// Made by ``Organization/responsibilities(of:)``. Squads that are dissolved are left out: their records keep
/// who owned and approved what, but no one answers for them any more.
public struct Responsibilities: Sendable, Hashable, Codable {
    /// A grant, named by the squad holding it and the data asset it opens.
    public struct Grant: Sendable, Hashable, Codable {
        /// The squad holding the grant.
        public var squad: CustomerValueSquad.ID
        /// The data asset.
        public var asset: DataAsset.ID

        /// Creates a grant reference.
        public init(squad: CustomerValueSquad.ID, asset: DataAsset.ID) {
            self.squad = squad
            self.asset = asset
        }
    }

    /// The specialist.
    public var specialist: Specialist.ID
    /// The squads whose outcomes they are accountable for.
    public var ownedSquads: [CustomerValueSquad.ID]
    /// The departments they head.
    public var headedDepartments: [Department.ID]
    /// The grants they approved, by squad, then asset.
    public var approvedGrants: [Grant]
    /// The squads they are a member of.
    public var memberOf: [CustomerValueSquad.ID]
}

extension Organization {
    /// The squads that serve `customer`, with who is accountable for each; sorted by squad.
    ///
    /// - Parameter customer: The customer as missions name it (``Mission/customer``), compared exactly.
    /// - Complexity: O(*s* log *s*), where *s* is the number of squads.
    public func accountableSquads(forCustomer customer: String) -> [AccountableSquad] {
        accountableSquads { $0.mission.customer == customer }
    }

    /// The squads that work in `area`, with who is accountable for each; sorted by squad.
    ///
    /// - Complexity: O(*s* log *s*), where *s* is the number of squads.
    public func accountableSquads(forValueArea area: ValueArea) -> [AccountableSquad] {
        accountableSquads { $0.mission.valueArea == area }
    }

    /// The squads that use data asset `asset` on `day` — that hold a grant to it live on that day — with who is
    /// accountable for each; sorted by squad.
    ///
    /// The department that holds the asset answers for the asset itself (``DataAsset`` is listed under it);
    /// these are the squads that answer for its use.
    ///
    /// - Parameters:
    ///   - asset: The data asset.
    ///   - day: The day; as ``canReach(_:from:on:)`` judges grants.
    /// - Complexity: O(*s* log *s*), where *s* is the number of squads.
    public func accountableSquads(forDataAsset asset: DataAsset.ID, on day: Day? = nil) -> [AccountableSquad] {
        accountableSquads { canReach(asset, from: $0.id, on: day) }
    }

    /// Everything `specialist` answers for: the squads they own, the departments they head, the grants they
    /// approved and the squads they work in; empty lists for someone who is not on staff.
    ///
    /// - Complexity: O(*s* log *s* + *d* log *d* + *g*), where *s* is the number of squads, *d* of departments
    ///   and *g* of grants.
    public func responsibilities(of specialist: Specialist.ID) -> Responsibilities {
        let live = squads.filter { $0.stage != .dissolved }
        return Responsibilities(
            specialist: specialist,
            ownedSquads: live.filter { $0.accountability.owner == specialist }.map(\.id),
            headedDepartments: departments.filter { $0.head == specialist }.map(\.id),
            approvedGrants: live.flatMap { squad in
                squad.grants.filter { $0.value.approvedBy == specialist }.keys.sorted().map {
                    Responsibilities.Grant(squad: squad.id, asset: $0)
                }
            },
            memberOf: live.filter { $0.memberships[specialist] != nil }.map(\.id)
        )
    }

    /// The squads that are not dissolved and satisfy `answers`, sorted by identifier.
    private func accountableSquads(where answers: (CustomerValueSquad) -> Bool) -> [AccountableSquad] {
        squads.filter { $0.stage != .dissolved && answers($0) }.map {
            AccountableSquad(squad: $0.id, stage: $0.stage, owner: $0.accountability.owner)
        }
    }
}
