/// Ready-made organisations from the domain, for tests, examples and demonstrations.
///
/// Each fixture is built right: it satisfies every invariant, and its squads pass the default validation
/// policy, so a test can start from a known-good value and break exactly one thing.
public enum Fixtures {
    /// Builds an organisation from parts known to be valid; a failure here is a bug in the fixture.
    static func build(
        name: String,
        goal: String,
        departments: [Department],
        specialists: [Specialist],
        squads: [CustomerValueSquad]
    ) -> Organization {
        trusted { () throws(OrganizationError) in
            try Organization(
                name: name, goal: goal, departments: departments, specialists: specialists, squads: squads)
        }
    }

    static func member(_ role: Role, _ percent: Int) -> Membership {
        Membership(role: role, share: TimeShare(trusted: percent))
    }
}
