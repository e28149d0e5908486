import ArgumentParser
import CustomerValueSquads
import Foundation

struct SampleCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Print the built-in sample organisation as a JSON document, or a generated one of any size.",
        discussion: "With --specialists, generates an organisation of that size (departments, data assets and "
            + "squads in proportion unless --squads says otherwise), the same for the same --seed: "
            + "`squads sample --specialists 200000 > large.json` to try the tool at scale."
    )

    @Option(
        parsing: .unconditional,
        help: "Generate an organisation with this many specialists instead of the built-in sample.")
    var specialists: Int?

    @Option(
        parsing: .unconditional, help: "With --specialists: how many squads; a tenth of the specialists by default.")
    var squads: Int?

    @Option(parsing: .unconditional, help: "With --specialists: the generator's seed.")
    var seed: UInt64 = 2026

    func execute() throws {
        guard let specialists else {
            if squads != nil { throw InputError("--squads needs --specialists") }
            return try emit(Commands.sample())
        }
        let output: String = try Commands.sample(specialists: specialists, squads: squads, seed: seed)
        try emit(output)
    }
}
