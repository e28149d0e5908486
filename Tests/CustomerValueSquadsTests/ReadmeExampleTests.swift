import CustomerValueSquads
import Testing

/// The README's getting-started snippet, kept here so it keeps compiling and doing what it says.
@Suite("README")
struct ReadmeExampleTests {
    @Test("the getting-started snippet works as written")
    func gettingStarted() throws {
        var hospital = Organization(name: "St. Elisabeth Hospital", goal: "Every patient goes home well")
        try hospital.addDepartment(Department(id: "surgery", name: "Surgery", function: "operates"))
        try hospital.addDepartment(Department(id: "anaesthesiology", name: "Anaesthesiology"))
        try hospital.hire(Specialist(id: "dr-sari", name: "Sari", department: "surgery", skills: ["surgery": .expert]))
        try hospital.hire(
            Specialist(id: "dr-budi", name: "Budi", department: "anaesthesiology", skills: ["anaesthesia": .expert])
        )

        try hospital.formSquad(
            CustomerValueSquad(
                id: "or-1",
                name: "Operating room 1",
                mission: Mission(
                    statement: "The patient on the table comes out safe",
                    customer: "the patient",
                    requiredSkills: ["surgery", "anaesthesia"]
                )
            )
        )
        try hospital.assign("dr-sari", to: "or-1", role: "surgeon", share: 60)
        try hospital.assign("dr-budi", to: "or-1", role: "anaesthetist", share: 50)

        var refusal: OrganizationError?
        do {
            try hospital.assign("dr-sari", to: "or-1", role: "surgeon", share: 60)
        } catch {
            refusal = error
        }
        #expect(refusal?.code == .duplicateID)
        #expect(refusal?.message == "dr-sari is already a member of squad or-1")

        let json = try hospital.jsonData()
        let reloaded = try Organization(jsonData: json)
        #expect(reloaded == hospital)
    }
}
