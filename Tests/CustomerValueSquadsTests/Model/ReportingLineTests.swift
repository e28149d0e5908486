import CustomerValueSquadsSamples
import CustomerValueSquadsTesting
import Foundation
import Testing

@testable import CustomerValueSquads

private typealias OR = Fixtures.OperatingRoom

/// The operating room with its reporting lines: the surgeon reports to the chief of surgery, who reports to
/// the medical director, as do the anaesthetist and the head nurse.
private func hospitalWithLines() throws -> Organization {
    var hospital = Fixtures.operatingRoom
    try hospital.setManager("dr-wati", for: "dr-hadi")
    try hospital.setManager("dr-hadi", for: OR.surgeon)
    try hospital.setManager("dr-wati", for: OR.anaesthetist)
    try hospital.setManager("dr-wati", for: "n-ayu")
    return hospital
}

@Suite("Reporting lines")
struct ReportingLineTests {
    @Test("managers, reports and the line above someone are answered from the value")
    func lookups() throws {
        let hospital = try hospitalWithLines()
        #expect(hospital.specialist(OR.surgeon)?.manager == "dr-hadi")
        #expect(hospital.reports(of: "dr-wati") == [OR.anaesthetist, "dr-hadi", "n-ayu"])
        #expect(hospital.reports(of: OR.surgeon) == [])
        #expect(hospital.managers(of: OR.surgeon) == ["dr-hadi", "dr-wati"])
        #expect(hospital.managers(of: "dr-wati") == [])
        #expect(hospital.managers(of: "ghost") == [])
        #expect(hospital.hasReportingLines && !Fixtures.operatingRoom.hasReportingLines)
        try hospital.checkInvariants()
    }

    @Test("a load large enough to index on another thread keeps the lines and their index")
    func largeLoad() throws {
        var shape = OrganizationGenerator.Shape(specialists: 25_000, squads: 100)
        shape.reportingSpan = 8
        let organization = OrganizationGenerator(seed: 3, shape: shape).generate()
        let read = try Organization(jsonData: try organization.jsonData(prettyPrinted: false))
        #expect(read == organization)
        #expect(read.reports(of: "s-0") == organization.reports(of: "s-0"))
        #expect(read.reportingLines() == organization.reportingLines())
        try read.checkInvariants()
    }

    @Test("a cycle is refused with the line it would make, and the value is left as it was")
    func cycleNamed() throws {
        var hospital = try hospitalWithLines()
        let before = hospital
        #expect {
            try hospital.setManager(OR.surgeon, for: "dr-wati")
        } throws: { error in
            let error = try #require(error as? OrganizationError)
            return error.code == .reportingCycle
                && error.message.contains("dr-wati → dr-sari → dr-hadi → dr-wati")
        }
        #expect(hospital == before)
        #expect(hospital.reports(of: OR.surgeon) == [])
    }

    @Test("the bulk initialiser and both decoders refuse a cycle and a missing manager at the manager field")
    func bulkChecks() throws {
        let hospital = try hospitalWithLines()
        var specialists = hospital.specialists
        let director = try #require(specialists.firstIndex { $0.id == "dr-wati" })
        specialists[director].manager = OR.surgeon
        let cycle = #expect(throws: OrganizationError.self) {
            try Organization(
                name: "H", goal: "", departments: hospital.departments, specialists: specialists,
                squads: hospital.squads)
        }
        #expect(cycle?.code == .reportingCycle)
        // The bulk check walks each line once and names the cycle it closes.
        #expect(cycle?.message == "the reporting lines have a cycle: dr-wati → dr-sari → dr-hadi → dr-wati")
        #expect(cycle?.path.last == "manager")
        specialists[director].manager = "ghost"
        let missing = #expect(throws: OrganizationError.self) {
            try Organization(
                name: "H", goal: "", departments: hospital.departments, specialists: specialists,
                squads: hospital.squads)
        }
        #expect(missing?.code == .unknownReference)
        #expect(missing?.path == ["specialists", String(director), "manager"])

        // In a document, the same: by the fast reader and by Codable.
        var text = String(decoding: try hospital.jsonData(), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "\"id\": \"dr-wati\",", with: "\"id\": \"dr-wati\",\n      \"manager\": \"dr-sari\",")
        let data = Data(text.utf8)
        for read in [{ try Organization(jsonData: data) }, { try JSONDecoder().decode(Organization.self, from: data) }]
        {
            #expect {
                _ = try read()
            } throws: { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return false }
                return (context.underlyingError as? OrganizationError)?.code == .reportingCycle
                    && context.codingPath.last?.stringValue == "manager"
            }
        }
    }

    @Test("documents keep the lines; version 2 documents, which have none, still read")
    func format() throws {
        let hospital = try hospitalWithLines()
        let data = try hospital.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schemaVersion\": 3"))
        #expect(text.contains("\"manager\": \"dr-hadi\""))
        #expect(try Organization(jsonData: data) == hospital)
        #expect(try JSONDecoder().decode(Organization.self, from: data) == hospital)

        let plain = try Fixtures.operatingRoom.jsonData()
        let version2 = String(decoding: plain, as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 2")
        #expect(version2.contains("\"schemaVersion\": 2"))
        #expect(!version2.contains("\"manager\""))
        #expect(try Organization(jsonData: Data(version2.utf8)) == Fixtures.operatingRoom)
        #expect(Organization.readableSchemaVersions == 1...3)
    }

    @Test("a manager who leaves hands their reports to their own manager, recorded as changes that replay and undo")
    func leavingManager() throws {
        var hospital = try hospitalWithLines()
        // The chief of surgery manages the surgeon; to let them go, someone else heads surgery.
        try hospital.appointHead(OR.surgeon, of: OR.surgery)
        let before = hospital
        var after = hospital
        let log = try after.record(reason: "retires", on: "2026-12-01") { try $0.offboard("dr-hadi") }
        #expect(after.specialist(OR.surgeon)?.manager == "dr-wati")
        #expect(after.reports(of: "dr-wati") == [OR.anaesthetist, OR.surgeon, "n-ayu"])
        #expect(log.map(\.action.kind) == ["updateSpecialist", "removeSpecialist"])
        #expect(try before.applying(log) == after)
        #expect(try after.applying(log.reversed().map(\.inverse)) == before)
        try after.checkInvariants()

        // The director has no manager: her reports are left at the top.
        var top = after
        try top.appointHead("dr-hadi-2", of: OR.board, hiringFirst: true)
        try top.offboard("dr-wati")
        #expect(top.specialist(OR.surgeon)?.manager == nil)
        #expect(top.reports(of: "dr-wati") == [])
        try top.checkInvariants()
    }

    @Test("a raw removal of someone others still report to is refused, so its inverse can put everything back")
    func rawRemovalRefused() throws {
        var hospital = try hospitalWithLines()
        try hospital.appointHead(OR.surgeon, of: OR.surgery)
        let before = hospital
        let chief = try #require(hospital.specialist("dr-hadi"))
        #expect {
            try hospital.apply(OrganizationChange(.removeSpecialist(chief)))
        } throws: { ($0 as? OrganizationError)?.code == .stillReferenced }
        #expect(hospital == before)
    }

    @Test("the changes between two organisations redraw lines in any direction without a cycle on the way")
    func changesBetween() throws {
        let hospital = try hospitalWithLines()
        // The line turned upside down, a leaver whose manager leaves too, and a newcomer managing an old hand.
        var target = hospital
        try target.appointHead(OR.surgeon, of: OR.surgery)
        try target.setManager(nil, for: "dr-wati")
        try target.setManager(nil, for: "dr-hadi")
        try target.setManager(nil, for: OR.surgeon)
        try target.setManager(OR.surgeon, for: "dr-hadi")
        try target.setManager("dr-hadi", for: "dr-wati")
        try target.hire(Specialist(id: "coach", name: "Coach", department: OR.quality))
        try target.setManager("coach", for: OR.surgeon)
        try target.hire(Specialist(id: "temp-1", name: "Temp", department: OR.quality, manager: "coach"))
        try target.hire(Specialist(id: "temp-2", name: "Temp", department: OR.quality, manager: "temp-1"))
        var start = hospital
        try start.hire(Specialist(id: "old-1", name: "Old", department: OR.quality))
        try start.hire(Specialist(id: "old-2", name: "Old", department: OR.quality, manager: "old-1"))
        try start.hire(Specialist(id: "old-3", name: "Old", department: OR.quality, manager: "old-2"))
        let changes = target.changes(from: start, reason: "redraw")
        #expect(try start.applying(changes) == target)
        #expect(try target.applying(changes.reversed().map(\.inverse)) == start)
    }
}

extension Organization {
    /// Hires `id` into `department` (when asked) and makes them its head, for the tests above.
    fileprivate mutating func appointHead(_ id: Specialist.ID, of department: Department.ID, hiringFirst: Bool)
        throws
    {
        if hiringFirst { try hire(Specialist(id: id, name: "Head", department: department)) }
        try appointHead(id, of: department)
    }
}
