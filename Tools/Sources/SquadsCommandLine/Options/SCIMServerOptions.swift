import ArgumentParser
import CustomerValueSquads
import Foundation

struct SCIMServerOptions: ParsableArguments {
    @Option(help: "The SCIM server's base URL, such as https://idp.example.com/scim/v2.")
    var url: String

    @Option(help: "A bearer token; or set SQUADS_SCIM_TOKEN, which keeps it out of the process list.")
    var token: String?

    @Option(parsing: .unconditional, help: "How long one request may take, in seconds.")
    var timeout: Double = 30

    @Flag(help: "Print each request and the server's answer on standard error.")
    var verbose = false

    @Flag(
        help: ArgumentHelp(
            "Send the token over plain http to an address that is not loopback (loopback is always allowed); "
                + "without it such a URL is refused before anything is sent."))
    var allowInsecureHTTP = false

    @Option(
        parsing: .unconditional,
        help: "The longest answer read from the server, in bytes; a longer one is refused without reading the rest.")
    var maxAnswerBytes = SCIMClient.defaultMaximumAnswerBytes

    @Option(parsing: .unconditional, help: "The most pages read from one list of users or groups.")
    var maxPages = SCIMClient.defaultMaximumPages

    func client() throws -> SCIMClient {
        guard let base = URL(string: url), ["http", "https"].contains(base.scheme?.lowercased() ?? "") else {
            throw InputError("--url: \(url) is not an http or https URL")
        }
        guard timeout > 0 else {
            throw InputError("--timeout: \(timeout) is not a positive number of seconds")
        }
        guard maxAnswerBytes > 0 else {
            throw InputError("--max-answer-bytes: \(maxAnswerBytes) is not a positive size")
        }
        guard maxPages > 0 else { throw InputError("--max-pages: \(maxPages) is not a positive number") }
        let verbose = verbose
        return SCIMClient(
            baseURL: base, token: token ?? ProcessInfo.processInfo.environment["SQUADS_SCIM_TOKEN"], timeout: timeout,
            maximumAnswerBytes: maxAnswerBytes, maximumPages: maxPages, allowsInsecureHTTP: allowInsecureHTTP,
            log: { message in
                if verbose { FileHandle.standardError.write(Data("squads: \(message)\n".utf8)) }
            })
    }
}
