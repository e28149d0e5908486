import ArgumentParser
import CustomerValueSquads
import Foundation

/// How `import-scim` and `scim pull` read users and groups into an organisation.
struct SCIMReadingOptions: ParsableArguments {
    @Option(help: "The organisation's name.")
    var name = "Imported organisation"

    @Option(help: "The organisation's shared goal.")
    var goal = ""

    @Option(parsing: .upToNextOption, help: "Groups to read as squads, by id or display name.")
    var groups: [String] = []

    @Flag(help: "Read every group as a squad.")
    var allGroups = false

    @Flag(help: "Keep each user's manager as their reporting line (not only to infer departments' heads).")
    var reportingLines = false

    @Option(parsing: .unconditional, help: "The share of each squad member's time, in percent.")
    var share: Int = 20

    func options(ids: SpecialistIDSource) throws(InputError) -> SCIMImport.Options {
        let memberShare: TimeShare
        do {
            memberShare = try TimeShare(percent: share)
        } catch {
            throw InputError("--share: \(error.message)")
        }
        var options = SCIMImport.Options(
            name: name, goal: goal, squads: allGroups ? .all : groups.isEmpty ? .none : .named(Set(groups)),
            share: memberShare)
        options.specialistIDs = ids.choice
        options.keepsReportingLines = reportingLines
        return options
    }
}
