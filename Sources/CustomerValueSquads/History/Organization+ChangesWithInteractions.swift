// The change list between two organisations, ordered around the squads' interactions; the changes of
// everything else come from Organization+Changes.swift.

extension Organization {
    /// The changes that turn `old` into this organisation, in an order in which each one applies.
    ///
    /// Applying the result to `old` with ``apply(_:)-(Sequence<OrganizationChange>)`` gives this organisation. Departments that
    /// change are first loosened (their parent, head and moving data assets taken off) and set to their final
    /// form once the specialists are in place; squads that change are replaced whole. When squads have
    /// interactions and replacing each changed squad once cannot be ordered (an interaction with a squad that
    /// arrives later, say), the interactions of the squads concerned are taken off first and put back last.
    ///
    /// - Parameters:
    ///   - old: The organisation before.
    ///   - reason: The reason every change carries; empty by default.
    ///   - day: The day every change carries; `nil` by default.
    /// - Complexity: O(*n* log *n*) in the size of the two organisations, plus applying the changes once to
    ///   check them when squads have interactions.
    public func changes(from old: Organization, reason: String = "", on day: Day? = nil) -> [OrganizationChange] {
        let hasInteractions =
            old.squadsByID.values.contains { !$0.interactions.isEmpty }
            || squadsByID.values.contains { !$0.interactions.isEmpty }
        let plain = structuralChanges(from: old, reason: reason, on: day)
        guard hasInteractions else { return plain }
        // Most changes leave interactions alone, and one change per squad does: use that when it applies.
        var attempt = old
        if (try? attempt.apply(plain)) != nil, attempt == self { return plain }
        func change(_ action: OrganizationChange.Action) -> OrganizationChange {
            OrganizationChange(action, reason: reason, day: day)
        }
        // Otherwise interactions tie squads to each other in an order the changes cannot follow: they are taken
        // off first wherever anything around them changes — their squad, the squad they are with, the data they need — and put back last, once every
        // squad, department and asset is in its final form.
        var moving: Set<DataAsset.ID> = []
        for (asset, holder) in old.holderOfAsset where holderOfAsset[asset] != holder { moving.insert(asset) }
        let changed = Set(old.squadsByID.keys.filter { squadsByID[$0] != old.squadsByID[$0] })
        var result: [OrganizationChange] = []
        var middle = old
        for id in old.squadsByID.keys.sorted() {
            guard let before = old.squadsByID[id], !before.interactions.isEmpty else { continue }
            let touched =
                changed.contains(id)
                || before.interactions.contains { interaction in
                    if case .squad(let other) = interaction.counterpart, changed.contains(other) { return true }
                    return !interaction.dataNeeded.isDisjoint(with: moving)
                }
            guard touched else { continue }
            var loose = before
            loose.interactions = []
            result.append(change(.updateSquad(from: before, to: loose)))
            middle.storage.replace(loose)  // fewer references: every invariant still holds
        }
        middle.assertInvariantsHold(after: "taking interactions off before the changes")
        var target = self
        for id in squadsByID.keys.sorted() {
            guard let after = squadsByID[id], !after.interactions.isEmpty,
                middle.squadsByID[id]?.interactions != after.interactions
            else { continue }
            var loose = after
            loose.interactions = []
            target.storage.replace(loose)
        }
        target.assertInvariantsHold(after: "taking interactions off the target")
        result += target.structuralChanges(from: middle, reason: reason, on: day)
        for id in squadsByID.keys.sorted() {
            guard let after = squadsByID[id], let now = target.squadsByID[id], now != after else { continue }
            result.append(change(.updateSquad(from: now, to: after)))
        }
        return result
    }
}
