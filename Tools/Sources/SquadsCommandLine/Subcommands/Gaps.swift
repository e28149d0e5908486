import ArgumentParser
import CustomerValueSquads
import Foundation

struct GapsCommand: SquadsCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List each squad's skill gaps and the specialists who could fill them.",
        discussion: "Candidates are ranked by proficiency, then spare time, then whether they bring a new department."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Only this squad.")
    var squad: String?

    func execute() throws {
        let organization = try options.organization()
        let output: String
        do {
            let id = try squad.map { text throws(InputError) in try Input.squadID(text) }
            var progress = ProgressLine("skill gaps")
            defer { progress.finish() }
            output = try Commands.gaps(organization, squad: id, format: options.format) { done, total in
                progress.update(done: done, total: total)
            }
        } catch {
            throw InputError("\(options.file): \(error.message)")
        }
        try emit(output)
    }
}
