import ArgumentParser
import CustomerValueSquads
import Foundation

struct SpansCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "spans",
        abstract:
            "Show managers' spans and the layers of the reporting lines, for the organisation and each department.",
        discussion: """
            A manager's span is the number of people who report to them directly; a line's layers are the people \
            on it from the top down. A department's layers are those of the longest line of its own staff.
            """
    )

    @OptionGroup var options: AnalysisOptions

    func execute() throws {
        try emit(Commands.spans(try options.organization(), format: options.format))
    }
}

struct DistanceCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Show how far each squad's decisions would climb the reporting lines without the squad.",
        discussion: """
            The climb is the number of layers from the member farthest below the lowest manager all members \
            report to, up to that manager; a decision goes up and comes back down, so its distance is twice the \
            climb. Each decision right the squad holds saves that distance.
            """
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Only this squad.")
    var squad: String?

    func execute() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try squad.map { text throws(InputError) in try Input.squadID(text) }
            output = try Commands.distance(organization, squad: id, format: options.format)
        } catch {
            throw InputError("\(options.file): \(error.message)")
        }
        try emit(output)
    }
}
