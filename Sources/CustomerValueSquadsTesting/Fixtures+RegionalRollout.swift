extension Fixtures {
    /// Identifiers used by ``regionalRollout``.
    public enum RegionalRollout {
        /// The pilot squad in East Java, operating.
        public static let pilot: CustomerValueSquad.ID = "east-java"
        /// The first replica, in North Sumatra, piloting.
        public static let firstReplica: CustomerValueSquad.ID = "north-sumatra"
        /// The second replica, in Bali, still forming.
        public static let secondReplica: CustomerValueSquad.ID = "bali"
        /// The head office, at the top of the hierarchy.
        public static let headOffice: Department.ID = "head-office"
        /// The departments squads draw from.
        public static let departments: [Department.ID] = [
            "sales", "marketing", "customer-service", "logistics", "analytics",
        ]
        /// The store sales ledger, held by sales.
        public static let storeSales: DataAsset.ID = "store-sales"
        /// The loyalty-card records, held by marketing.
        public static let loyaltyCards: DataAsset.ID = "loyalty-cards"
        /// The basket analytics, held by analytics (analytical).
        public static let basketAnalytics: DataAsset.ID = "basket-analytics"
        /// The delivery records, held by logistics.
        public static let deliveries: DataAsset.ID = "deliveries"
    }

    /// A chain of candy stores rolling out squads region by region, like opening a chain of stores: one
    /// pilot gets it right, then replicas follow in batches.
    ///
    /// Six departments, twenty-six specialists and three regional squads: the East Java pilot (operating,
    /// built right), the North Sumatra replica (piloting, built right) and the Bali replica, which is still
    /// forming — three members, no decision rights yet — so validation has something to say about it.
    public static var regionalRollout: Organization {
        typealias Ids = RegionalRollout
        let skillOf: [Department.ID: Skill] = [
            "sales": "store sales",
            "marketing": "local marketing",
            "customer-service": "customer care",
            "logistics": "supply planning",
            "analytics": .analytics,
        ]
        let assetsOf: [Department.ID: [DataAsset]] = [
            "sales": [DataAsset(id: Ids.storeSales, name: "Store sales ledger", kind: .financial)],
            "marketing": [DataAsset(id: Ids.loyaltyCards, name: "Loyalty-card records", kind: .customer)],
            "logistics": [DataAsset(id: Ids.deliveries, name: "Delivery records", kind: .operational)],
            "analytics": [DataAsset(id: Ids.basketAnalytics, name: "Basket analytics", kind: .analytical)],
        ]
        var departments = [
            Department(id: Ids.headOffice, name: "Head office", function: "runs the chain", head: "boss")
        ]
        var specialists = [
            Specialist(id: "boss", name: "Bu Ratna", title: "Managing director", department: Ids.headOffice)
        ]
        for department in Ids.departments {
            departments.append(
                Department(
                    id: department,
                    name: department.rawValue.split(separator: "-").map(\.capitalized).joined(separator: " "),
                    function: "\(skillOf[department]?.rawValue ?? "") for every store",
                    parent: Ids.headOffice,
                    head: Specialist.ID(stringLiteral: "\(department)-1"),
                    dataAssets: assetsOf[department] ?? []
                )
            )
            for number in 1...5 {
                specialists.append(
                    Specialist(
                        id: Specialist.ID(stringLiteral: "\(department)-\(number)"),
                        name: "\(department.rawValue.capitalized) specialist \(number)",
                        title: number == 1 ? "Head of \(department)" : "Specialist",
                        department: department,
                        skills: [skillOf[department] ?? "general": number <= 2 ? .expert : .proficient]
                    )
                )
            }
        }
        func regionalSquad(
            _ id: CustomerValueSquad.ID,
            region: String,
            members: [(Specialist.ID, Role, Int)],
            stage: CustomerValueSquad.Stage,
            empowered: Bool
        ) -> CustomerValueSquad {
            CustomerValueSquad(
                id: id,
                name: "\(region) squad",
                mission: Mission(
                    statement: "Every family in \(region) finds their favourite sweets in a store near them",
                    valueArea: .geography(region),
                    customer: "families in \(region)",
                    requiredSkills: ["store sales", "local marketing", "customer care", .analytics],
                    requiredData: [Ids.storeSales, Ids.loyaltyCards, Ids.basketAnalytics],
                    goalContribution: "each region that works is a store the chain can copy"
                ),
                memberships: Dictionary(
                    uniqueKeysWithValues: members.map { ($0.0, member($0.1, $0.2)) }
                ),
                decisionRights: empowered
                    ? [
                        "local-prices": DecisionRight(
                            scope: "set promotional prices in the region",
                            limit: .init(amount: 20, unit: "% discount")
                        ),
                        "assortment": DecisionRight(scope: "choose the regional assortment"),
                    ] : [:],
                grants: [
                    Ids.storeSales: DataAccessGrant(approvedBy: "sales-1", reason: "see what sells where"),
                    Ids.loyaltyCards: DataAccessGrant(approvedBy: "marketing-1", reason: "know the regulars"),
                    Ids.basketAnalytics: DataAccessGrant(approvedBy: "analytics-1", reason: "learn from baskets"),
                ],
                accountability: Accountability(
                    outcomes: [
                        Outcome(
                            id: "sales-growth",
                            metric: "Like-for-like sales growth",
                            unit: "%",
                            baseline: 0,
                            target: 12,
                            current: stage == .operating ? 9 : 2
                        ),
                        Outcome(
                            id: "stock-outs",
                            metric: "Stock-outs per store per week",
                            unit: "items",
                            baseline: 14,
                            target: 4,
                            current: stage == .operating ? 6 : 12,
                            direction: .decrease
                        ),
                    ],
                    owner: members.first?.0,
                    reviewCadence: .biweekly,
                    toleratedSmallFailures: 3
                ),
                cycleLength: .biweekly,
                stage: stage
            )
        }
        // Each regional squad: its region, its members (specialist, role, share), its stage, whether it decides.
        let designs: [(CustomerValueSquad.ID, String, [(Specialist.ID, Role, Int)], CustomerValueSquad.Stage, Bool)] = [
            (
                Ids.pilot, "East Java",
                [
                    ("sales-2", "squad lead", 50), ("sales-3", "store sales", 60),
                    ("marketing-2", "local marketing", 50),
                    ("customer-service-2", "customer care", 60), ("logistics-2", "supply planning", 40),
                    ("analytics-2", "analyst", 40), ("customer-service-3", "customer care", 40),
                ], .operating, true
            ),
            (
                Ids.firstReplica, "North Sumatra",
                [
                    ("sales-4", "squad lead", 50), ("marketing-3", "local marketing", 60),
                    ("customer-service-4", "customer care", 60), ("logistics-3", "supply planning", 40),
                    ("analytics-3", "analyst", 40), ("marketing-4", "local marketing", 30),
                ], .piloting, true
            ),
            (
                Ids.secondReplica, "Bali",
                [
                    ("sales-5", "squad lead", 50), ("marketing-5", "local marketing", 50),
                    ("analytics-4", "analyst", 30),
                ],
                .forming, false
            ),
        ]
        let squads = designs.map { id, region, members, stage, empowered in
            regionalSquad(id, region: region, members: members, stage: stage, empowered: empowered)
        }
        return build(
            name: "Toko Manis",
            goal: "Be the sweet shop every Indonesian family trusts",
            departments: departments,
            specialists: specialists,
            squads: squads
        )
    }
}
