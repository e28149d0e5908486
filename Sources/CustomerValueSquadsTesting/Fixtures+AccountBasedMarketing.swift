extension Fixtures {
    /// Identifiers used by ``accountBasedMarketing``.
    public enum AccountBasedMarketing {
        /// The account-based marketing pilot squad.
        public static let pilot: CustomerValueSquad.ID = "abm-pilot"
        /// The commercial division over marketing and sales.
        public static let commercial: Department.ID = "commercial"
        /// The marketing department, where the pilot starts.
        public static let marketing: Department.ID = "marketing"
        /// The sales department.
        public static let sales: Department.ID = "sales"
        /// The product department.
        public static let product: Department.ID = "product"
        /// The communications department.
        public static let communications: Department.ID = "communications"
        /// The analytics department.
        public static let analytics: Department.ID = "analytics"
        /// The marketing lead, who owns the pilot's accountability.
        public static let marketingLead: Specialist.ID = "maya"
        /// The customer relationship records, held by sales.
        public static let crm: DataAsset.ID = "crm"
        /// The product usage data, held by product (analytical).
        public static let productUsage: DataAsset.ID = "product-usage"
        /// The campaign results, held by marketing (analytical).
        public static let campaignResults: DataAsset.ID = "campaign-results"
        /// The payroll, held by the commercial division; no squad needs it.
        public static let commissions: DataAsset.ID = "commissions"
    }

    /// A software company that starts its change in account-based marketing: one pilot squad, drawn from
    /// marketing, sales, product, communications and analytics, centred on one key account.
    ///
    /// Six departments, twelve specialists, one pilot squad of seven from five departments.
    public static var accountBasedMarketing: Organization {
        typealias Ids = AccountBasedMarketing
        let departments = [
            Department(
                id: Ids.commercial,
                name: "Commercial",
                function: "wins and keeps customers",
                head: "hendra",
                dataAssets: [DataAsset(id: Ids.commissions, name: "Sales commissions", kind: .financial)]
            ),
            Department(
                id: Ids.marketing,
                name: "Marketing",
                function: "creates demand",
                parent: Ids.commercial,
                head: Ids.marketingLead,
                dataAssets: [DataAsset(id: Ids.campaignResults, name: "Campaign results", kind: .analytical)]
            ),
            Department(
                id: Ids.sales,
                name: "Sales",
                function: "closes deals",
                parent: Ids.commercial,
                head: "sinta",
                dataAssets: [DataAsset(id: Ids.crm, name: "Customer relationship records", kind: .customer)]
            ),
            Department(
                id: Ids.product,
                name: "Product",
                function: "builds the platform",
                head: "putra",
                dataAssets: [DataAsset(id: Ids.productUsage, name: "Product usage", kind: .analytical)]
            ),
            Department(id: Ids.communications, name: "Communications", function: "tells the story", head: "citra"),
            Department(id: Ids.analytics, name: "Analytics", function: "turns data into insight", head: "arif"),
        ]
        let specialists = [
            Specialist(
                id: "hendra", name: "Hendra Gunawan", title: "Chief commercial officer", department: Ids.commercial),
            Specialist(
                id: Ids.marketingLead,
                name: "Maya Putri",
                title: "Head of marketing",
                department: Ids.marketing,
                skills: ["account marketing": .expert, "campaign design": .proficient]
            ),
            Specialist(
                id: "rudi",
                name: "Rudi Hakim",
                title: "Digital marketer",
                department: Ids.marketing,
                skills: ["campaign design": .proficient, "account marketing": .competent]
            ),
            Specialist(
                id: "sinta",
                name: "Sinta Dewi",
                title: "Head of sales",
                department: Ids.sales,
                skills: ["enterprise sales": .expert]
            ),
            Specialist(
                id: "agus",
                name: "Agus Salim",
                title: "Account executive",
                department: Ids.sales,
                skills: ["enterprise sales": .proficient, "account management": .proficient]
            ),
            Specialist(
                id: "putra",
                name: "Putra Nugroho",
                title: "Head of product",
                department: Ids.product,
                skills: ["product management": .expert]
            ),
            Specialist(
                id: "wulan",
                name: "Wulan Sari",
                title: "Product manager",
                department: Ids.product,
                skills: ["product management": .proficient]
            ),
            Specialist(
                id: "citra",
                name: "Citra Amelia",
                title: "Head of communications",
                department: Ids.communications,
                skills: ["copywriting": .expert]
            ),
            Specialist(
                id: "bayu",
                name: "Bayu Firmansyah",
                title: "Content writer",
                department: Ids.communications,
                skills: ["copywriting": .proficient]
            ),
            Specialist(
                id: "arif",
                name: "Arif Rahman",
                title: "Head of analytics",
                department: Ids.analytics,
                skills: [.analytics: .expert]
            ),
            Specialist(
                id: "nadia",
                name: "Nadia Lubis",
                title: "Data analyst",
                department: Ids.analytics,
                skills: [.analytics: .proficient]
            ),
            Specialist(
                id: "joko",
                name: "Joko Susilo",
                title: "Customer success manager",
                department: Ids.sales,
                skills: ["customer success": .proficient]
            ),
        ]
        let pilot = CustomerValueSquad(
            id: Ids.pilot,
            name: "Key account pilot",
            mission: Mission(
                statement: "Make Garuda Logistics' buying committee see us as their partner in growth",
                valueArea: .account("Garuda Logistics"),
                customer: "Garuda Logistics' buying committee",
                requiredSkills: [
                    "account marketing", "enterprise sales", "product management", "copywriting", .analytics,
                ],
                requiredData: [Ids.crm, Ids.productUsage, Ids.campaignResults],
                goalContribution: "a won key account proves the way to grow every account"
            ),
            memberships: [
                Ids.marketingLead: member("squad lead", 50),
                "rudi": member("campaign designer", 80),
                "agus": member("account executive", 60),
                "wulan": member("product manager", 40),
                "bayu": member("content writer", 60),
                "nadia": member("analyst", 50),
                "joko": member("customer success manager", 30),
            ],
            decisionRights: [
                "discount": DecisionRight(
                    scope: "offer renewal discounts to the account",
                    limit: .init(amount: 15, unit: "% discount")
                ),
                "campaign-budget": DecisionRight(
                    scope: "spend the campaign budget",
                    limit: .init(amount: 20_000, unit: "USD per quarter")
                ),
            ],
            grants: [
                Ids.crm: DataAccessGrant(approvedBy: "sinta", reason: "see every touch with the account"),
                Ids.productUsage: DataAccessGrant(approvedBy: "putra", reason: "know how the account uses us"),
                Ids.campaignResults: DataAccessGrant(approvedBy: Ids.marketingLead, reason: "measure what works"),
            ],
            accountability: Accountability(
                outcomes: [
                    Outcome(
                        id: "pipeline",
                        metric: "Qualified pipeline with the account",
                        unit: "USD",
                        baseline: 0,
                        target: 500_000,
                        current: 120_000
                    ),
                    Outcome(
                        id: "time-to-meeting",
                        metric: "Days from first touch to first meeting",
                        unit: "days",
                        baseline: 30,
                        target: 10,
                        current: 21,
                        direction: .decrease
                    ),
                ],
                owner: Ids.marketingLead,
                reviewCadence: .biweekly,
                toleratedSmallFailures: 2
            ),
            cycleLength: .biweekly,
            stage: .piloting
        )
        return build(
            name: "Nusantara Cloud",
            goal: "Grow every account we serve",
            departments: departments,
            specialists: specialists,
            squads: [pilot]
        )
    }
}
