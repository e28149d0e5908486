// Transformations of departments and the data assets they hold. Each checks first and changes second: when
// it throws, the organisation is exactly as it was.

extension Organization {
    /// Adds a department, with the data assets it holds.
    ///
    /// A new department has no staff yet, so it cannot name a head; appoint one with
    /// ``appointHead(_:of:)`` after hiring them.
    ///
    /// - Parameter department: The department to add.
    /// - Throws: ``OrganizationError`` — ``OrganizationError/Code/duplicateID`` if its identifier or one
    ///   of its assets' identifiers is taken; ``OrganizationError/Code/unknownReference`` if its parent or
    ///   head does not exist; ``OrganizationError/Code/headOutsideDepartment`` if it names a head;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name.
    /// - Complexity: O(*k* + *h*), where *k* is the number of its assets and *h* the hierarchy's depth.
    public mutating func addDepartment(_ department: Department) throws(OrganizationError) {
        try Self.requireNew(departmentsByID.index(forKey: department.id) == nil, "department \(department.id)")
        try checkDepartment(department, path: [])
        storage.insert(department)
    }

    /// Returns a copy with a department added; see ``addDepartment(_:)``.
    public func addingDepartment(_ department: Department) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.addDepartment(department) }
    }

    /// Removes an empty department and the data assets it holds.
    ///
    /// - Parameter id: The department to remove.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such department;
    ///   ``OrganizationError/Code/stillReferenced`` if specialists still have it as their home, departments
    ///   report to it, a squad holds a grant to or needs one of its assets, a squad has an interaction with it, or
    ///   an open seat belongs to it.
    /// - Complexity: O(*q* · *k* + *i* + *n*), where *q* is the number of squads, *k* the number of its assets, *i*
    ///   the number of interactions and *n* the number of open seats.
    public mutating func removeDepartment(_ id: Department.ID) throws(OrganizationError) {
        let department = try existingDepartment(id)
        if let staff = staffOfDepartment[id], let first = staff.min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "department \(id) still has \(staff.count) specialists, such as \(first); transfer them first"
            )
        }
        if let children = childrenOfDepartment[id], let first = children.min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "departments such as \(first) still report to \(id); move them first"
            )
        }
        if let first = squadInteracting(with: .department(id)) {
            throw OrganizationError(
                code: .stillReferenced,
                message: "squad \(first) still has an interaction with department \(id); remove that first"
            )
        }
        if let squad = squadsByID.values.filter({ $0.seats.contains { $0.department == id } }).map(\.id).min() {
            throw OrganizationError(
                code: .stillReferenced,
                message: "squad \(squad) still has an open seat in department \(id); change or close it first")
        }
        for asset in department.dataAssets {
            if let squad = squadsUsing(asset.id).first {
                throw OrganizationError(
                    code: .stillReferenced,
                    message: "squad \(squad) still uses data asset \(asset.id) of department \(id)"
                )
            }
        }
        storage.removeDepartment(id)
    }

    /// Returns a copy with a department removed; see ``removeDepartment(_:)``.
    public func removingDepartment(_ id: Department.ID) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.removeDepartment(id) }
    }

    /// Places a department under another one, or at the top of the hierarchy.
    ///
    /// - Parameters:
    ///   - id: The department to move.
    ///   - parent: Its new parent, or `nil` for the top.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if either department does not exist;
    ///   ``OrganizationError/Code/hierarchyCycle`` if `parent` is `id` or lies below it.
    /// - Complexity: O(*h*), where *h* is the depth of the hierarchy.
    public mutating func moveDepartment(_ id: Department.ID, under parent: Department.ID?) throws(OrganizationError) {
        _ = try existingDepartment(id)
        try checkParent(parent, of: id, path: [])
        storage.modifyDepartment(id) { $0.parent = parent }
    }

    /// Returns a copy with a department moved; see ``moveDepartment(_:under:)``.
    public func movingDepartment(_ id: Department.ID, under parent: Department.ID?) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.moveDepartment(id, under: parent) }
    }

    /// Appoints the head of a department, or leaves it without one.
    ///
    /// - Parameters:
    ///   - head: The new head, who must have the department as their home; `nil` to leave it headless.
    ///   - department: The department.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the department or the specialist does not
    ///   exist; ``OrganizationError/Code/headOutsideDepartment`` if the specialist belongs elsewhere.
    public mutating func appointHead(_ head: Specialist.ID?, of department: Department.ID) throws(OrganizationError) {
        try changeDepartment(department) { $0.head = head }
    }

    /// Returns a copy with a department's head appointed; see ``appointHead(_:of:)``.
    public func appointingHead(_ head: Specialist.ID?, of department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.appointHead(head, of: department) }
    }

    /// Adds a data asset to the department that holds it.
    ///
    /// - Parameters:
    ///   - asset: The asset.
    ///   - department: The department that holds it.
    /// - Throws: ``OrganizationError/Code/duplicateID`` if the asset's identifier is taken anywhere;
    ///   ``OrganizationError/Code/unknownReference`` if the department does not exist;
    ///   ``OrganizationError/Code/invalidValue`` for a blank name.
    public mutating func addDataAsset(_ asset: DataAsset, to department: Department.ID) throws(OrganizationError) {
        _ = try existingDepartment(department)
        if let holder = holderOfAsset[asset.id] {
            throw OrganizationError(
                code: .duplicateID,
                message: "data asset \(asset.id) already exists in department \(holder)"
            )
        }
        try Self.requireText(asset.name, "the name of data asset \(asset.id)", path: [])
        storage.modifyDepartment(department) { $0.dataAssets.append(asset) }
    }

    /// Returns a copy with a data asset added; see ``addDataAsset(_:to:)``.
    public func addingDataAsset(_ asset: DataAsset, to department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.addDataAsset(asset, to: department) }
    }

    /// Removes a data asset no squad uses.
    ///
    /// - Parameter id: The asset.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if no department holds it;
    ///   ``OrganizationError/Code/stillReferenced`` if a squad holds a grant to it or its mission or an
    ///   interaction needs it.
    /// - Complexity: O(*q* + *k*), where *q* is the number of squads and *k* the assets of its department.
    public mutating func removeDataAsset(_ id: DataAsset.ID) throws(OrganizationError) {
        guard let holder = holderOfAsset[id] else {
            throw OrganizationError(code: .unknownReference, message: "there is no data asset \(id)")
        }
        if let squad = squadsUsing(id).first {
            throw OrganizationError(
                code: .stillReferenced,
                message: "squad \(squad) still holds a grant to or needs data asset \(id)"
            )
        }
        storage.modifyDepartment(holder) { $0.dataAssets.removeAll { $0.id == id } }
    }

    /// Returns a copy with a data asset removed; see ``removeDataAsset(_:)``.
    public func removingDataAsset(_ id: DataAsset.ID) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.removeDataAsset(id) }
    }
}

extension Organization {
    /// Sets the share of a department's capacity that must stay home, or clears it.
    ///
    /// - Parameters:
    ///   - floor: The share, from 0 to 1, or `nil` for none.
    ///   - department: The department.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such department;
    ///   ``OrganizationError/Code/invalidValue`` for a share outside 0...1.
    public mutating func setCapacityFloor(_ floor: Double?, of department: Department.ID) throws(OrganizationError) {
        try changeDepartment(department) { $0.capacityFloor = floor }
    }

    /// Returns a copy with a department's capacity floor set; see ``setCapacityFloor(_:of:)``.
    public func settingCapacityFloor(_ floor: Double?, of department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.setCapacityFloor(floor, of: department) }
    }

    /// Sets what one full-time equivalent of a department costs, for planning, or clears it.
    ///
    /// - Parameters:
    ///   - cost: The amount, 0 or more, or `nil` for unknown.
    ///   - department: The department.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if there is no such department;
    ///   ``OrganizationError/Code/invalidValue`` for a negative or infinite amount.
    public mutating func setCostPerFTE(_ cost: Double?, of department: Department.ID) throws(OrganizationError) {
        try changeDepartment(department) { $0.costPerFTE = cost }
    }

    /// Returns a copy with a department's cost per FTE set; see ``setCostPerFTE(_:of:)``.
    public func settingCostPerFTE(_ cost: Double?, of department: Department.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.setCostPerFTE(cost, of: department) }
    }

    /// Changes one department's own fields with `body`, checks it as a whole, then stores it.
    private mutating func changeDepartment(_ id: Department.ID, _ body: (inout Department) -> Void)
        throws(OrganizationError)
    {
        var changed = try existingDepartment(id)
        body(&changed)
        try checkDepartment(changed, path: [])
        storage.replace(changed)
    }
}
