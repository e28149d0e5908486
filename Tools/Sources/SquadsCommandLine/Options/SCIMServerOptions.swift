import ArgumentParser
import CustomerValueSquads
import Foundation

struct SCIMServerOptions: ParsableArguments {
    @Option(help: "The SCIM server's base URL, such as https://idp.example.com/scim/v2.")
    var url: String

    @Option(help: "A bearer token; or set SQUADS_SCIM_TOKEN, which keeps it out of the process list.")
    var token: String?

    @Option(help: "How long one request may take, in seconds.")
    var timeout: Double = 30

    @Flag(help: "Print each request and the server's answer on standard error.")
    var verbose = false

    func client() throws -> SCIMClient {
        guard let base = URL(string: url), ["http", "https"].contains(base.scheme?.lowercased() ?? "") else {
            throw InputError("--url: \(url) is not an http or https URL")
        }
        guard timeout > 0 else {
            throw InputError("--timeout: \(timeout) is not a positive number of seconds")
        }
        let verbose = verbose
        return SCIMClient(
            baseURL: base, token: token ?? ProcessInfo.processInfo.environment["SQUADS_SCIM_TOKEN"], timeout: timeout,
            log: { message in
                if verbose { FileHandle.standardError.write(Data("squads: \(message)\n".utf8)) }
            })
    }
}
