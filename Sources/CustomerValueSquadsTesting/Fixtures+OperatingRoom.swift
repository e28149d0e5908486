extension Fixtures {
    /// Identifiers used by ``operatingRoom``.
    public enum OperatingRoom {
        /// The operating-room squad.
        public static let squad: CustomerValueSquad.ID = "or-team"
        /// The surgery department.
        public static let surgery: Department.ID = "surgery"
        /// The anaesthesiology department.
        public static let anaesthesiology: Department.ID = "anaesthesiology"
        /// The nursing department.
        public static let nursing: Department.ID = "nursing"
        /// The quality and analytics department.
        public static let quality: Department.ID = "quality"
        /// The hospital's board, to which the clinical departments report.
        public static let board: Department.ID = "board"
        /// The lead surgeon, who owns the squad's accountability.
        public static let surgeon: Specialist.ID = "dr-sari"
        /// The anaesthetist.
        public static let anaesthetist: Specialist.ID = "dr-budi"
        /// The patient records, held by nursing.
        public static let patientRecords: DataAsset.ID = "patient-records"
        /// The surgical outcome registry, held by quality (analytical data).
        public static let outcomeRegistry: DataAsset.ID = "surgical-outcomes"
    }

    /// A hospital whose operating room is a customer value squad: a surgeon, an anaesthetist and nurses,
    /// each from their own department with their own chief, with one mission — the patient.
    ///
    /// Five departments (a board over surgery, anaesthesiology, nursing and quality), ten specialists, and
    /// one operating squad of eight from four departments with decision rights, grants to the data it needs,
    /// measurable outcomes and a weekly break-fix cycle.
    public static var operatingRoom: Organization {
        typealias Ids = OperatingRoom
        let departments = [
            Department(id: Ids.board, name: "Hospital board", function: "runs the hospital", head: "dr-wati"),
            Department(
                id: Ids.surgery,
                name: "Surgery",
                function: "operates on patients",
                parent: Ids.board,
                head: "dr-hadi"
            ),
            Department(
                id: Ids.anaesthesiology,
                name: "Anaesthesiology",
                function: "keeps patients safe under anaesthesia",
                parent: Ids.board,
                head: Ids.anaesthetist
            ),
            Department(
                id: Ids.nursing,
                name: "Nursing",
                function: "cares for patients around the clock",
                parent: Ids.board,
                head: "n-ayu",
                dataAssets: [DataAsset(id: Ids.patientRecords, name: "Patient records", kind: .customer)]
            ),
            Department(
                id: Ids.quality,
                name: "Quality and analytics",
                function: "measures clinical outcomes",
                parent: Ids.board,
                head: "q-lina",
                dataAssets: [DataAsset(id: Ids.outcomeRegistry, name: "Surgical outcome registry", kind: .analytical)]
            ),
        ]
        let specialists = [
            Specialist(id: "dr-wati", name: "Wati Santoso", title: "Medical director", department: Ids.board),
            Specialist(id: "dr-hadi", name: "Hadi Pratama", title: "Chief of surgery", department: Ids.surgery),
            Specialist(
                id: Ids.surgeon,
                name: "Sari Wijaya",
                title: "Surgeon",
                department: Ids.surgery,
                skills: ["surgery": .expert]
            ),
            Specialist(
                id: "dr-eko",
                name: "Eko Saputra",
                title: "Assistant surgeon",
                department: Ids.surgery,
                skills: ["surgery": .competent]
            ),
            Specialist(
                id: Ids.anaesthetist,
                name: "Budi Hartono",
                title: "Anaesthetist",
                department: Ids.anaesthesiology,
                skills: ["anaesthesia": .expert]
            ),
            Specialist(
                id: "n-ayu",
                name: "Ayu Lestari",
                title: "Head nurse",
                department: Ids.nursing,
                skills: ["scrub nursing": .expert, "circulating nursing": .proficient]
            ),
            Specialist(
                id: "n-dewi",
                name: "Dewi Anggraini",
                title: "Scrub nurse",
                department: Ids.nursing,
                skills: ["scrub nursing": .proficient]
            ),
            Specialist(
                id: "n-rina",
                name: "Rina Kusuma",
                title: "Circulating nurse",
                department: Ids.nursing,
                skills: ["circulating nursing": .proficient]
            ),
            Specialist(
                id: "n-tono",
                name: "Tono Wibowo",
                title: "Anaesthesia nurse",
                department: Ids.anaesthesiology,
                skills: ["anaesthesia": .competent]
            ),
            Specialist(
                id: "q-lina",
                name: "Lina Marpaung",
                title: "Clinical data analyst",
                department: Ids.quality,
                skills: [.analytics: .expert]
            ),
        ]
        let squad = CustomerValueSquad(
            id: Ids.squad,
            name: "Operating room 3",
            mission: Mission(
                statement: "Every patient on the table leaves the operating room safe",
                valueArea: .productService("elective surgery"),
                customer: "the patient",
                requiredSkills: ["surgery", "anaesthesia", "scrub nursing", "circulating nursing", .analytics],
                requiredData: [Ids.patientRecords, Ids.outcomeRegistry],
                goalContribution: "safe surgery is the first thing a patient trusts the hospital for"
            ),
            memberships: [
                Ids.surgeon: member("lead surgeon", 60),
                "dr-eko": member("assistant surgeon", 60),
                Ids.anaesthetist: member("anaesthetist", 50),
                "n-tono": member("anaesthesia nurse", 60),
                "n-ayu": member("scrub nurse", 40),
                "n-dewi": member("scrub nurse", 60),
                "n-rina": member("circulating nurse", 60),
                "q-lina": member("outcome analyst", 20),
            ],
            decisionRights: [
                "change-plan": DecisionRight(scope: "change the surgical plan while the patient is on the table"),
                "call-specialist": DecisionRight(scope: "call in any specialist of the hospital at once"),
            ],
            grants: [
                Ids.patientRecords: DataAccessGrant(
                    approvedBy: "n-ayu", reason: "know the patient before the incision"),
                Ids.outcomeRegistry: DataAccessGrant(approvedBy: "q-lina", reason: "learn from every operation"),
            ],
            accountability: Accountability(
                outcomes: [
                    Outcome(
                        id: "complications",
                        metric: "Post-operative complication rate",
                        unit: "%",
                        baseline: 4,
                        target: 2,
                        current: 3,
                        direction: .decrease
                    ),
                    Outcome(
                        id: "on-time-starts",
                        metric: "Operations starting on time",
                        unit: "%",
                        baseline: 70,
                        target: 90,
                        current: 80
                    ),
                ],
                owner: Ids.surgeon,
                reviewCadence: .biweekly,
                toleratedSmallFailures: 3
            ),
            cycleLength: .weekly,
            stage: .operating
        )
        return build(
            name: "St. Elisabeth Hospital",
            goal: "Every patient leaves healthier and safer than they came",
            departments: departments,
            specialists: specialists,
            squads: [squad]
        )
    }
}
