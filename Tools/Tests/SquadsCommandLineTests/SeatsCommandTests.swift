import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads seats and hiring-plan")
struct SeatsCommandTests {
    /// The sample with an account-manager seat no one can fill and an analyst seat someone can.
    func organization() throws -> Organization {
        var organization = Commands.sampleOrganization
        try organization.setCostPerFTE(80_000, of: "marketing")
        var account = Seat(
            id: "account", role: "account manager", skills: ["key accounts": .proficient], share: 50,
            neededFrom: "2027-01-04")
        account.department = "marketing"
        try organization.openSeat(account, in: "bali")
        let analyst = try #require(
            organization.specialists.first {
                !$0.skills.isEmpty && organization.sparePercent(of: $0.id) >= 20
                    && organization.squad("bali")?.memberships[$0.id] == nil
            })
        let skill = try #require(analyst.skills.keys.min())
        try organization.openSeat(
            Seat(id: "helper", role: "helper", skills: [skill: .novice], share: 20, neededFrom: "2026-12-20"),
            in: "bali")
        return organization
    }

    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-seats-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("seats lists each open seat with its candidates, or says it is a hire")
    func seats() throws {
        let organization = try organization()
        let text = try Commands.seats(organization)
        #expect(
            text.contains(
                "- bali/account: account manager, 50% from 2027-01-04; needs key accounts (proficient) in marketing"))
        #expect(text.contains("no one inside has the skills and the time"))
        #expect(text.contains("- bali/helper: helper, 20% from 2026-12-20"))
        #expect(text.components(separatedBy: "candidates: ").count == 2)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(Commands.seats(organization, format: .json).utf8))
                as? [[String: Any]])
        #expect(json.count == 2 && (json[0]["candidates"] as? [Any])?.isEmpty == true)
        #expect(throws: InputError.self) { try Commands.seats(organization, squad: "balli") }
        #expect(try Commands.seats(Commands.sampleOrganization).contains("No open seats"))
    }

    @Test("hiring-plan as text, CSV and JSON; a floor of an unknown department is refused with a suggestion")
    func hiringPlan() throws {
        let organization = try organization()
        let plan = try Commands.hiringPlan(organization, plan: nil, floors: [])
        #expect(plan.hires.map(\.seat) == ["account"] && plan.filledInside.map(\.seat) == ["helper"])
        let text = try Commands.hiringPlan(plan, format: .text)
        #expect(text.contains("1 person to hire, 0.50 FTE, cost 40000"))
        #expect(text.contains("- 2027-Q1: 1 person, 0.50 FTE, cost 40000"))
        #expect(text.contains("filled from inside: bali/helper by "))
        let csv = try Commands.hiringPlan(plan, format: .csv)
        #expect(csv.hasPrefix(HiringPlan.csvColumns.joined(separator: ",") + "\r\n"))
        #expect(
            csv.contains(
                "seat,bali,account,,marketing,account manager,key accounts,0.5,1,2027-01-04,2027-Q1,80000,40000"))
        let json = try JSONDecoder().decode(HiringPlan.self, from: Data(Commands.hiringPlan(plan, format: .json).utf8))
        #expect(json == plan)
        #expect {
            try Commands.hiringPlan(organization, plan: nil, floors: ["marketting=0.5"])
        } throws: { error in
            (error as? InputError)?.message.contains("did you mean \"marketing\"") == true
        }
        let floored = try Commands.hiringPlan(organization, plan: nil, floors: ["marketing=1"])
        #expect(floored.hires.contains { $0.reason == .backfill && $0.department == "marketing" })
    }

    @Test("the report has a seats-and-hiring section once a squad has an open seat, with a row per seat")
    func report() throws {
        let page = try Commands.report(organization())
        #expect(page.contains("<section id=\"seats\"><h2>Seats and hiring</h2>"))
        #expect(page.contains("2 open seats: 1 can be filled from inside, 1 person to hire (0.50 FTE, cost 40000)"))
        #expect(page.contains("<title>FTE to hire by quarter</title>"))
        let table = try #require(page.components(separatedBy: "<table id=\"open-seats\">").last)
        #expect(table.components(separatedBy: "</table>")[0].components(separatedBy: "<tr").count == 4)
        #expect(!(try Commands.report(Commands.sampleOrganization)).contains("id=\"seats\""))
    }

    @Test("diff shows the seats opened, filled and closed and the hiring before and after, once there are seats")
    func diff() throws {
        let before = try organization()
        let helper = try #require(try Commands.hiringPlan(before, plan: nil, floors: []).filledInside.first)
        var after = before
        try after.fillSeat("helper", in: "bali", with: helper.specialist)
        try after.closeSeat("account", in: "bali")
        let text = try Commands.diff(before, after, on: "2026-12-01")
        #expect(text.contains("## Seats and hiring"))
        #expect(text.contains("- open seats 2 → 0: 0 opened, 1 filled, 1 closed"))
        #expect(text.contains("- to hire 1 → 0 people, 0.50 → 0 FTE, cost 40000 → 0"))
        #expect(
            !(try Commands.diff(Commands.sampleOrganization, Commands.sampleOrganization)).contains("Seats and hiring"))
    }

    @Test("export-csv writes the seats and the hiring plan; --plan goes only with the hiring plan")
    func exportCSV() throws {
        let folder = try folder()
        try organization().jsonData().write(to: URL(fileURLWithPath: folder + "/org.json"))
        for table in ["seats", "hiring-plan"] {
            var command = try Squads.parseAsRoot([
                "export-csv", folder + "/org.json", "--table", table, "--output", folder + "/\(table).csv",
            ])
            try command.run()
        }
        let seats = try String(contentsOfFile: folder + "/seats.csv", encoding: .utf8)
        #expect(seats.hasPrefix(CSVTable.seats.columns.joined(separator: ",") + "\r\n"))
        #expect(seats.components(separatedBy: "\r\n").count == 4)
        let hires = try String(contentsOfFile: folder + "/hiring-plan.csv", encoding: .utf8)
        #expect(hires.contains("seat,bali,account,"))
        var wrong = try Squads.parseAsRoot([
            "export-csv", folder + "/org.json", "--table", "seats", "--floor", "marketing=0.5",
        ])
        #expect(throws: (any Error).self) { try wrong.run() }
    }
}
