import CustomerValueSquads
import Testing

/// The domain's model squad, built step by step the way a hospital would: a surgeon, an anaesthetist and
/// nurses, each from their own department with their own chief, with one mission — the patient.
@Suite("Scenario: the operating room")
struct OperatingRoomScenarioTests {
    @Test("three silos form one squad around the patient")
    func operatingRoom() throws {
        var hospital = try Organization(name: "Rumah Sakit Harapan", goal: "Every patient goes home well")
        try hospital.addDepartment(Department(id: "surgery", name: "Surgery", function: "operates"))
        try hospital.addDepartment(
            Department(id: "anaesthesiology", name: "Anaesthesiology", function: "anaesthetises"))
        try hospital.addDepartment(
            Department(
                id: "nursing",
                name: "Nursing",
                function: "cares",
                dataAssets: [DataAsset(id: "vitals", name: "Vital signs", kind: .customer)]
            )
        )
        try hospital.hire(Specialist(id: "chief-surgeon", name: "Chief", department: "surgery"))
        try hospital.appointHead("chief-surgeon", of: "surgery")
        try hospital.hire(
            Specialist(id: "surgeon", name: "Surgeon", department: "surgery", skills: ["surgery": .expert]))
        try hospital.hire(
            Specialist(
                id: "anaesthetist", name: "Anaesthetist", department: "anaesthesiology",
                skills: ["anaesthesia": .expert])
        )
        for nurse in ["nurse-1", "nurse-2", "nurse-3"] {
            try hospital.hire(
                Specialist(
                    id: .init(stringLiteral: nurse), name: nurse, department: "nursing",
                    skills: ["nursing": .proficient])
            )
        }

        try hospital.formSquad(
            CustomerValueSquad(
                id: "or-1",
                name: "Operating room 1",
                mission: Mission(
                    statement: "The patient on the table comes out safe",
                    valueArea: .productService("surgery"),
                    customer: "the patient",
                    requiredSkills: ["surgery", "anaesthesia", "nursing"],
                    requiredData: ["vitals"]
                )
            )
        )
        try hospital.assign("surgeon", to: "or-1", role: "surgeon", share: 80)
        try hospital.assign("anaesthetist", to: "or-1", role: "anaesthetist", share: 80)
        for nurse: Specialist.ID in ["nurse-1", "nurse-2", "nurse-3"] {
            try hospital.assign(nurse, to: "or-1", role: "operating-room nurse", share: 50)
        }
        // The surgeon does not ask the chief before acting when the patient bleeds.
        try hospital.delegate(DecisionRight(scope: "stop a bleed without asking"), as: "stop-bleed", to: "or-1")
        try hospital.grantAccess(to: "vitals", for: "or-1", DataAccessGrant(reason: "watch the patient in real time"))
        try hospital.advance("or-1", to: .operating)

        let squad = try #require(hospital.squad("or-1"))
        #expect(squad.size == 5)
        #expect(hospital.departments(of: "or-1") == ["anaesthesiology", "nursing", "surgery"])
        // Each member keeps their home department and chief.
        #expect(hospital.specialist("surgeon")?.department == "surgery")
        #expect(hospital.department("surgery")?.head == "chief-surgeon")
        #expect(hospital.squads(of: "nurse-2") == ["or-1"])
        #expect(hospital.sparePercent(of: "nurse-2") == 50)

        // No specialist can be given to a second room beyond their time.
        try hospital.formSquad(CustomerValueSquad(id: "or-2", name: "Operating room 2", mission: squad.mission))
        #expect {
            try hospital.assign("surgeon", to: "or-2", role: "surgeon", share: 30)
        } throws: { error in
            (error as? OrganizationError)?.code == .overbooked
        }
        try hospital.assign("surgeon", to: "or-2", role: "surgeon", share: 20)
        #expect(hospital.bookedPercent(of: "surgeon") == 100)
    }
}
