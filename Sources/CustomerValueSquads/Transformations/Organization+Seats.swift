// Open seats: opened, changed, closed and filled.

extension Organization {
    /// Opens a seat in a squad.
    ///
    /// - Parameters:
    ///   - seat: The seat; its identifier must not be open in the squad already.
    ///   - squad: The squad.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad; ``OrganizationError/Code/duplicateID``
    ///   if the squad already has a seat with this identifier; ``OrganizationError/Code/invalidValue`` for a blank
    ///   role or skill or a cost out of range; ``OrganizationError/Code/unknownReference`` for a department that
    ///   does not exist.
    /// - Complexity: O(*n* + *k*), where *n* is the number of the squad's seats and *k* the seat's skills.
    public mutating func openSeat(_ seat: Seat, in squad: CustomerValueSquad.ID) throws(OrganizationError) {
        let current = try changeableSquad(squad)
        guard !current.seats.contains(where: { $0.id == seat.id }) else {
            throw OrganizationError(code: .duplicateID, message: "squad \(squad) already has a seat \(seat.id)")
        }
        try checkSeat(seat, of: squad, path: [])
        storage.modifySquad(squad) { $0.seats.append(seat) }
    }

    /// Returns a copy with a seat opened; see ``openSeat(_:in:)``.
    public func openingSeat(_ seat: Seat, in squad: CustomerValueSquad.ID) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.openSeat(seat, in: squad) }
    }

    /// Replaces an open seat with `seat`, the one with the same identifier: its role, skills, share, day or note
    /// change; it keeps its place in the squad's list.
    ///
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad, the seat or the seat's department does
    ///   not exist; ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/invalidValue`` for a blank role or skill or a cost out of range.
    /// - Complexity: O(*n* + *k*), where *n* is the number of the squad's seats and *k* the seat's skills.
    public mutating func changeSeat(_ seat: Seat, in squad: CustomerValueSquad.ID) throws(OrganizationError) {
        let index = try seatIndex(seat.id, in: try changeableSquad(squad))
        try checkSeat(seat, of: squad, path: [])
        storage.modifySquad(squad) { $0.seats[index] = seat }
    }

    /// Returns a copy with a seat changed; see ``changeSeat(_:in:)``.
    public func changingSeat(_ seat: Seat, in squad: CustomerValueSquad.ID) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in try copy.changeSeat(seat, in: squad) }
    }

    /// Closes an open seat without filling it: the squad no longer needs it.
    ///
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad or the seat does not exist;
    ///   ``OrganizationError/Code/squadDissolved`` for a dissolved squad.
    /// - Complexity: O(*n*), where *n* is the number of the squad's seats.
    public mutating func closeSeat(_ seat: Seat.ID, in squad: CustomerValueSquad.ID) throws(OrganizationError) {
        let index = try seatIndex(seat, in: try changeableSquad(squad))
        storage.modifySquad(squad) { $0.seats.remove(at: index) }
    }

    /// Returns a copy with a seat closed; see ``closeSeat(_:in:)``.
    public func closingSeat(_ seat: Seat.ID, in squad: CustomerValueSquad.ID) throws(OrganizationError)
        -> Organization
    {
        try transformed { (copy) throws(OrganizationError) in try copy.closeSeat(seat, in: squad) }
    }

    /// Fills an open seat: `specialist` joins the squad in the seat's role for the seat's share, and the seat is
    /// no longer open — in one step, the same as ``assign(_:to:role:share:since:)`` followed by
    /// ``closeSeat(_:in:)``, and refused as a whole.
    ///
    /// Whether the specialist has the seat's skills is not required (``Seat/isMet(by:)`` says it; a squad may
    /// take someone who will learn); everything `assign` checks is.
    ///
    /// - Parameters:
    ///   - seat: The seat.
    ///   - squad: The squad.
    ///   - specialist: Who fills it.
    ///   - since: The day the membership starts; `nil` by default.
    /// - Throws: ``OrganizationError/Code/unknownReference`` if the squad, the seat or the specialist does not
    ///   exist; ``OrganizationError/Code/squadDissolved`` for a dissolved squad;
    ///   ``OrganizationError/Code/duplicateID`` if the specialist is already a member;
    ///   ``OrganizationError/Code/overbooked`` if the seat's share would book them over 100 %.
    /// - Complexity: O(*n* + *k*), where *n* is the number of the squad's seats and *k* the number of squads the
    ///   specialist serves in.
    public mutating func fillSeat(
        _ seat: Seat.ID, in squad: CustomerValueSquad.ID, with specialist: Specialist.ID, since: Day? = nil
    ) throws(OrganizationError) {
        let current = try changeableSquad(squad)
        let index = try seatIndex(seat, in: current)
        let open = current.seats[index]
        // `assign` checks everything and changes nothing when it refuses; the seat goes only once it has agreed.
        try assign(specialist, to: squad, role: open.role, share: open.share, since: since)
        storage.modifySquad(squad) { $0.seats.remove(at: index) }
    }

    /// Returns a copy with a seat filled; see ``fillSeat(_:in:with:since:)``.
    public func fillingSeat(
        _ seat: Seat.ID, in squad: CustomerValueSquad.ID, with specialist: Specialist.ID, since: Day? = nil
    ) throws(OrganizationError) -> Organization {
        try transformed { (copy) throws(OrganizationError) in
            try copy.fillSeat(seat, in: squad, with: specialist, since: since)
        }
    }

    /// The position of seat `id` in `squad`'s list.
    private func seatIndex(_ id: Seat.ID, in squad: CustomerValueSquad) throws(OrganizationError) -> Int {
        guard let index = squad.seats.firstIndex(where: { $0.id == id }) else {
            throw OrganizationError(code: .unknownReference, message: "squad \(squad.id) has no open seat \(id)")
        }
        return index
    }
}
