import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// A seat for a perfusionist at half time from 1 April, who must be competent at perfusion.
private let perfusionist = Seat(
    id: "perfusionist", role: "perfusionist", skills: ["perfusion": .competent], share: 50, neededFrom: "2026-04-01",
    note: "cardiac cases from May")

private func code(of body: () throws(OrganizationError) -> Void) -> OrganizationError.Code? {
    do {
        try body()
        return nil
    } catch {
        return error.code
    }
}

/// The operating room with the perfusionist's seat open, and a dissolved squad beside it.
private func withSeat() throws -> Organization {
    var organization = Fixtures.operatingRoom
    try organization.openSeat(perfusionist, in: OR.squad)
    try organization.formSquad(
        CustomerValueSquad(id: "recovery", name: "Recovery ward", mission: Mission(statement: "Home within three days"))
    )
    try organization.dissolve("recovery")
    return organization
}

@Suite("Open seats")
struct SeatTests {
    @Test("a seat is opened, changed in place and closed; the squad lists it in the order it was opened")
    func accepted() throws {
        var organization = try withSeat()
        #expect(organization.squad(OR.squad)?.seats == [perfusionist])
        let scrub = Seat(
            id: "scrub", role: "scrub nurse", skills: ["scrub nursing": .proficient], neededFrom: "2026-05-01")
        try organization.openSeat(scrub, in: OR.squad)
        var changed = perfusionist
        changed.share = 80
        changed.neededFrom = "2026-03-01"
        changed.note = ""
        try organization.changeSeat(changed, in: OR.squad)
        #expect(organization.squad(OR.squad)?.seats == [changed, scrub])
        try organization.closeSeat("perfusionist", in: OR.squad)
        #expect(organization.squad(OR.squad)?.seats == [scrub])
        try organization.checkInvariants()
        // The copies give the same values and leave the original alone.
        let original = try withSeat()
        #expect(try original.closingSeat("perfusionist", in: OR.squad).squad(OR.squad)?.seats == [])
        #expect(try original.openingSeat(scrub, in: OR.squad).squad(OR.squad)?.seats == [perfusionist, scrub])
        #expect(try original.changingSeat(changed, in: OR.squad).squad(OR.squad)?.seats == [changed])
        #expect(original.squad(OR.squad)?.seats == [perfusionist])
    }

    @Test("every refusal names its code and leaves the organisation as it was")
    func refused() throws {
        var organization = try withSeat()
        let before = organization
        var blankRole = perfusionist
        blankRole.id = "other"
        blankRole.role = " "
        var blankSkill = perfusionist
        blankSkill.id = "other"
        blankSkill.skills = [" \u{200B}": .novice]
        var costly = perfusionist
        costly.id = "other"
        costly.costPerFTE = 2e12
        var nowhere = perfusionist
        nowhere.id = "other"
        nowhere.department = "nowhere"
        var unknown = perfusionist
        unknown.id = "nobody"
        let cases: [(String, OrganizationError.Code, (inout Organization) throws(OrganizationError) -> Void)] = [
            (
                "open in no squad", .unknownReference,
                { o throws(OrganizationError) in try o.openSeat(perfusionist, in: "none") }
            ),
            (
                "open in a dissolved squad", .squadDissolved,
                { o throws(OrganizationError) in try o.openSeat(perfusionist, in: "recovery") }
            ),
            ("open twice", .duplicateID, { o throws(OrganizationError) in try o.openSeat(perfusionist, in: OR.squad) }),
            (
                "open with a blank role", .invalidValue,
                { o throws(OrganizationError) in try o.openSeat(blankRole, in: OR.squad) }
            ),
            (
                "open with a blank skill", .invalidValue,
                { o throws(OrganizationError) in try o.openSeat(blankSkill, in: OR.squad) }
            ),
            (
                "change a seat not open", .unknownReference,
                { o throws(OrganizationError) in try o.changeSeat(unknown, in: OR.squad) }
            ),
            (
                "change with a blank role", .invalidValue,
                {
                    o throws(OrganizationError) in
                    var seat = perfusionist
                    seat.role = ""
                    try o.changeSeat(seat, in: OR.squad)
                }
            ),
            (
                "change in a dissolved squad", .squadDissolved,
                { o throws(OrganizationError) in try o.changeSeat(perfusionist, in: "recovery") }
            ),
            (
                "close a seat not open", .unknownReference,
                { o throws(OrganizationError) in try o.closeSeat("nobody", in: OR.squad) }
            ),
            (
                "close in no squad", .unknownReference,
                { o throws(OrganizationError) in try o.closeSeat("perfusionist", in: "none") }
            ),
            (
                "fill a seat not open", .unknownReference,
                { o throws(OrganizationError) in try o.fillSeat("nobody", in: OR.squad, with: "dr-hadi") }
            ),
            (
                "fill with no one", .unknownReference,
                { o throws(OrganizationError) in try o.fillSeat("perfusionist", in: OR.squad, with: "ghost") }
            ),
            (
                "fill with a member", .duplicateID,
                { o throws(OrganizationError) in try o.fillSeat("perfusionist", in: OR.squad, with: OR.surgeon) }
            ),
            (
                "fill in a dissolved squad", .squadDissolved,
                { o throws(OrganizationError) in try o.fillSeat("perfusionist", in: "recovery", with: "dr-hadi") }
            ),
            (
                "fill over 100 %", .overbooked,
                {
                    o throws(OrganizationError) in
                    // The chief of surgery gives an audit 60 %; the seat's 50 % would book him at 110 %.
                    try o.formSquad(
                        CustomerValueSquad(
                            id: "audit", name: "Audit", mission: Mission(statement: "Every death reviewed"),
                            memberships: ["dr-hadi": Membership(role: "reviewer", share: 60)]))
                    try o.fillSeat("perfusionist", in: OR.squad, with: "dr-hadi")
                }
            ),
        ]
        for (description, expected, body) in cases {
            var copy = organization
            #expect(code { () throws(OrganizationError) in try body(&copy) } == expected, "\(description)")
            if description != "fill over 100 %" { #expect(copy == before, "\(description)") }
        }
        // The over-booking case formed a squad first; the refused fill itself changed nothing after it.
        try organization.formSquad(
            CustomerValueSquad(
                id: "audit", name: "Audit", mission: Mission(statement: "Every death reviewed"),
                memberships: ["dr-hadi": Membership(role: "reviewer", share: 60)]))
        let formed = organization
        #expect(
            code { () throws(OrganizationError) in
                try organization.fillSeat("perfusionist", in: OR.squad, with: "dr-hadi")
            } == .overbooked)
        #expect(organization == formed)
    }

    @Test("filling a seat is assigning by hand in the seat's role and share and closing it, as one recorded change")
    func fillEqualsAssign() throws {
        let organization = try withSeat()
        let filled = try organization.fillingSeat("perfusionist", in: OR.squad, with: "dr-hadi", since: "2026-04-02")
        let byHand = try organization.assigning(
            "dr-hadi", to: OR.squad, role: "perfusionist", share: 50, since: "2026-04-02"
        ).closingSeat("perfusionist", in: OR.squad)
        #expect(filled == byHand)
        #expect(
            filled.squad(OR.squad)?.memberships["dr-hadi"]
                == Membership(role: "perfusionist", share: 50, since: "2026-04-02"))
        #expect(filled.squad(OR.squad)?.seats == [])
        #expect(filled.bookedPercent(of: "dr-hadi") == 50)
        // Recorded like any other change, with an exact inverse.
        let changes = filled.changes(from: organization)
        #expect(try organization.applying(changes) == filled)
        #expect(try filled.applying(changes.reversed().map(\.inverse)) == organization)
    }

    @Test("a seat's department cannot go while the seat names it; a diff adds or removes both in an order that applies")
    func department() throws {
        var organization = Fixtures.operatingRoom
        try organization.addDepartment(Department(id: "perfusion", name: "Perfusion", parent: OR.board))
        var seat = perfusionist
        seat.department = "perfusion"
        seat.costPerFTE = nil
        try organization.openSeat(seat, in: OR.squad)
        let before = organization
        #expect(
            code { () throws(OrganizationError) in try organization.removeDepartment("perfusion") } == .stillReferenced)
        #expect(organization == before)
        // Both ways through the change list: the department and the seat arrive together and leave together.
        let plain = Fixtures.operatingRoom
        let adding = organization.changes(from: plain)
        #expect(try plain.applying(adding) == organization)
        let removing = plain.changes(from: organization)
        #expect(try organization.applying(removing) == plain)
        #expect(try Organization(jsonData: organization.jsonData()) == organization)
    }

    @Test("the linked-data export has a post per member, held by them, and an open post per seat")
    func linkedData() throws {
        var organization = try withSeat()
        organization = try organization.changingSeat(with(perfusionist) { $0.department = OR.surgery }, in: OR.squad)
        let object = try #require(
            try JSONSerialization.jsonObject(with: organization.linkedData()) as? [String: Any])
        let posts = try #require(object["@graph"] as? [[String: Any]]).filter { $0["@type"] as? String == "org:Post" }
        let members = organization.squads.reduce(0) { $0 + $1.memberships.count }
        #expect(posts.filter { $0["org:heldBy"] != nil }.count == members)
        let open = posts.filter { $0["org:heldBy"] == nil }
        #expect(open.map { $0["@id"] as? String } == ["cvs:post/or-team/seat/perfusionist"])
        #expect((open.first?["cvs:department"] as? [String: String])?["@id"] == "cvs:department/surgery")
        #expect(open.first?["cvs:neededFrom"] != nil && open.first?["cvs:note"] as? String == perfusionist.note)
    }

    @Test("a seat is overdue from the day after it was needed, not on the day; a forming squad is not judged")
    func overdueBoundary() throws {
        var organization = Fixtures.operatingRoom
        try organization.openSeat(
            Seat(id: "due", role: "perfusionist", share: 10, neededFrom: "2026-04-01"), in: OR.squad)
        func overdue(on day: Day) -> [Finding] {
            organization.validate(on: day).findings.filter { $0.code == .squadSeatOverdue }
        }
        #expect(overdue(on: "2026-04-01").isEmpty)
        let late = overdue(on: "2026-04-02")
        #expect(late.count == 1 && late.first?.figures["longestDaysOverdue"] == 1)
        #expect(late.first?.message.contains("seat due (perfusionist, needed from 2026-04-01, 1 day ago)") == true)
        try organization.openSeat(
            Seat(id: "later", role: "runner", share: 10, neededFrom: "2026-04-10"), in: OR.squad)
        let both = overdue(on: "2026-04-21")
        #expect(both.first?.figures["overdueSeats"] == 2 && both.first?.figures["longestDaysOverdue"] == 20)
        #expect(both.first?.message.hasPrefix("2 seats are still open past their day: due (") == true)
        try organization.formSquad(
            CustomerValueSquad(id: "new", name: "New", mission: Mission(statement: "Serve")))
        try organization.openSeat(Seat(id: "x", role: "any", neededFrom: "2026-01-01"), in: "new")
        #expect(overdue(on: "2026-04-21").map(\.subject) == [.squad(OR.squad)])
    }

    @Test("whether a specialist has the seat's skills at its proficiency")
    func isMet() throws {
        let seat = Seat(id: "s", role: "scrub", skills: ["scrub nursing": .proficient], neededFrom: "2026-01-01")
        let organization = Fixtures.operatingRoom
        #expect(seat.isMet(by: try #require(organization.specialist("n-ayu"))))  // expert
        #expect(seat.isMet(by: try #require(organization.specialist("n-dewi"))))  // proficient
        #expect(!seat.isMet(by: try #require(organization.specialist("n-rina"))))  // no scrub nursing
        #expect(
            Seat(id: "s", role: "any", neededFrom: "2026-01-01").isMet(
                by: try #require(organization.specialist("dr-hadi"))))
    }

    @Test("dissolving a squad closes its seats; a dissolved squad holding seats is refused when it enters")
    func dissolvedHoldsNone() throws {
        var organization = try withSeat()
        try organization.dissolve(OR.squad)
        #expect(organization.squad(OR.squad)?.seats == [])
        var squad = try #require(organization.squad("recovery"))
        squad.seats = [perfusionist]
        var fresh = Fixtures.operatingRoom
        #expect(
            code { () throws(OrganizationError) in try fresh.formSquad(squad) } == .dissolvedSquadNotEmpty)
    }

    @Test("seats are kept by both readers and the writer; a seat listed twice is refused at its place")
    func json() throws {
        var organization = try withSeat()
        var scrub = Seat(id: "scrub", role: "scrub nurse", neededFrom: "2026-05-01")
        scrub.costPerFTE = 72_000.5
        try organization.openSeat(scrub, in: OR.squad)
        let data = try organization.jsonData()
        #expect(try Organization(jsonData: data) == organization)
        #expect(try JSONDecoder().decode(Organization.self, from: data) == organization)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try Organization(jsonData: encoder.encode(organization)) == organization)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"neededFrom\""))
        // A squad without seats writes none: documents without seats are as they were.
        #expect(!String(decoding: try Fixtures.operatingRoom.jsonData(), as: UTF8.self).contains("\"seats\""))

        let twice = text.replacingOccurrences(of: "\"scrub\"", with: "\"perfusionist\"")
        #expect(twice != text)
        #expect {
            try Organization(jsonData: Data(twice.utf8))
        } throws: { error in
            "\(error)".contains("seats") && "\(error)".contains("perfusionist")
        }
        var shareless = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var squads = try #require(shareless["squads"] as? [[String: Any]])
        let index = try #require(squads.firstIndex { ($0["seats"] as? [Any])?.isEmpty == false })
        var seats = try #require(squads[index]["seats"] as? [[String: Any]])
        seats[0]["share"] = nil
        squads[index]["seats"] = seats
        shareless["squads"] = squads
        #expect {
            try Organization(jsonData: try JSONSerialization.data(withJSONObject: shareless))
        } throws: { error in
            "\(error)".contains("share")
        }
    }
}
