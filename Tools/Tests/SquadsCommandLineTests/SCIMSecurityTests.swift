import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The SCIM client against servers on this machine's loopback that misbehave: redirects, paging that does not end,
/// answers that do not end. Nothing here waits on a timeout: each refusal comes from what the server said.
@Suite("the SCIM client against a server it should not trust", .serialized)
struct SCIMSecurityTests {
    let sample = Commands.sampleOrganization
    let token = "token-\(UUID().uuidString)"

    /// A client of `base` through the default transport (URLSession), logging into `log`.
    func client(_ base: String, log: Log = Log(), maximumAnswerBytes: Int = SCIMClient.defaultMaximumAnswerBytes)
        -> SCIMClient
    {
        SCIMClient(
            baseURL: URL(string: base)!, token: token, timeout: 10, maximumAnswerBytes: maximumAnswerBytes,
            log: { log.append($0) }, pause: { _ in })
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// A server that answers every list with no resources.
    static func emptyServer(host: String = "127.0.0.1") throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(host: host) { request, write in
            _ = write(
                .init(LoopbackHTTPServer.answer(200, LoopbackHTTPServer.listResponse([], total: 0, startIndex: 1))))
        }
    }

    func message(of body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a redirect to another host is refused, both URLs named, and the token never reaches it")
    func redirectToAnotherHost() throws {
        let other = try Self.emptyServer(host: "127.0.0.2")
        defer { other.stop() }
        let target = other.base
        let first = try LoopbackHTTPServer { request, write in
            _ = write(LoopbackHTTPServer.answer(302, headers: ["Location": target + request.target]))
        }
        defer { first.stop() }
        let error = message { _ = try Commands.scimPush(sample, to: client(first.base + "/v2"), dryRun: true) }
        let text = try #require(error)
        #expect(text.contains("the server at \(first.base)/v2/ServiceProviderConfig"))
        #expect(text.contains("redirected to \(target)/v2/ServiceProviderConfig"))
        #expect(text.contains("the token is only sent to http://127.0.0.1:\(first.port)"))
        #expect(other.requests.isEmpty, "the other host was asked: \(other.requests.map(\.target))")
        #expect(first.requests.count == 1)
        #expect(first.requests.first?.headers["authorization"] == "Bearer \(token)")
    }

    @Test("a redirect to another port of the same host is another origin, refused too")
    func redirectToAnotherPort() throws {
        let other = try Self.emptyServer()
        defer { other.stop() }
        let target = other.base
        let first = try LoopbackHTTPServer { request, write in
            _ = write(LoopbackHTTPServer.answer(307, headers: ["Location": target + request.target]))
        }
        defer { first.stop() }
        let text = try #require(message { _ = try client(first.base).list("/Users") })
        #expect(text.contains("redirected to \(target)/Users"))
        #expect(other.requests.isEmpty)
    }

    @Test("a redirect within the server's origin is followed and shown in the log")
    func redirectWithinTheOrigin() throws {
        let server = try LoopbackHTTPServer { request, write in
            if request.target.hasPrefix("/old/") {
                let moved = "/new/" + request.target.dropFirst("/old/".count)
                _ = write(LoopbackHTTPServer.answer(301, headers: ["Location": moved]))
            } else {
                let user: [String: Any] = ["id": "u1", "userName": "someone"]
                let list = LoopbackHTTPServer.listResponse([user], total: 1, startIndex: 1)
                _ = write(LoopbackHTTPServer.answer(200, list))
            }
        }
        defer { server.stop() }
        let log = Log()
        let users = try client(server.base + "/old", log: log).list("/Users")
        #expect(users.count == 1 && users.first?["id"] as? String == "u1")
        #expect(server.requests.map(\.target).map { String($0.prefix(10)) } == ["/old/Users", "/new/Users"])
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(token)" })
        #expect(
            log.all.contains {
                $0.contains("GET /Users → 301, redirected within the server to \(server.base)/new/Users")
            })
    }

    @Test("a redirect that never ends stops after the documented number")
    func endlessRedirects() throws {
        let server = try LoopbackHTTPServer { request, write in
            _ = write(LoopbackHTTPServer.answer(302, headers: ["Location": request.target]))
        }
        defer { server.stop() }
        let text = try #require(message { _ = try client(server.base).list("/Users") })
        #expect(text.contains("redirected more than \(SCIMClient.maximumRedirects) times"))
        #expect(server.requests.count == SCIMClient.maximumRedirects + 1)
    }

    /// A transport that records what it was asked and answers with `answer`.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var urls: [String] = []
        let answer: @Sendable (URLRequest) -> SCIMClient.Answer
        init(_ answer: @escaping @Sendable (URLRequest) -> SCIMClient.Answer) { self.answer = answer }
        var transport: SCIMClient.Transport {
            { [self] request, _ in
                lock.withLock { urls.append(request.url?.absoluteString ?? "") }
                return answer(request)
            }
        }
    }

    @Test("a redirect from https to plain http is refused, even on the same host")
    func httpsToHTTP() throws {
        let recorder = Recorder { request in
            let plain = request.url!.absoluteString.replacingOccurrences(of: "https://", with: "http://")
            return .init(status: 302, location: plain)
        }
        let client = SCIMClient(
            baseURL: URL(string: "https://idp.example.com/scim/v2")!, token: token, transport: recorder.transport)
        let text = try #require(message { _ = try client.list("/Users") })
        #expect(text.contains("from https to plain http"))
        #expect(text.contains("https://idp.example.com/scim/v2/Users"))
        #expect(recorder.urls.count == 1)
    }

    @Test(
        "a token over plain http to an address that is not loopback is refused before connecting, unless allowed",
        arguments: ["http://192.0.2.10/scim/v2", "http://idp.example.com/scim/v2", "http://[2001:db8::1]:8080/v2"])
    func plainHTTPElsewhere(base: String) throws {
        let recorder = Recorder { _ in .init(status: 200, body: Data(#"{"totalResults":0,"Resources":[]}"#.utf8)) }
        let refused = SCIMClient(baseURL: URL(string: base)!, token: token, transport: recorder.transport)
        let text = try #require(message { _ = try refused.list("/Users") })
        #expect(text.contains("--allow-insecure-http"))
        #expect(recorder.urls.isEmpty)

        let allowed = SCIMClient(
            baseURL: URL(string: base)!, token: token, allowsInsecureHTTP: true, transport: recorder.transport)
        #expect(try allowed.list("/Users").isEmpty)
        let withoutToken = SCIMClient(baseURL: URL(string: base)!, transport: recorder.transport)
        #expect(try withoutToken.list("/Users").isEmpty)
        #expect(recorder.urls.count == 2)
    }

    @Test(
        "loopback stays allowed over plain http",
        arguments: ["http://127.0.0.1:9/v2", "http://127.1.2.3/v2", "http://localhost:8080/v2", "http://[::1]:80/v2"])
    func plainHTTPOnLoopback(base: String) throws {
        let recorder = Recorder { _ in .init(status: 200, body: Data(#"{"totalResults":0,"Resources":[]}"#.utf8)) }
        let client = SCIMClient(baseURL: URL(string: base)!, token: token, transport: recorder.transport)
        #expect(try client.list("/Users").isEmpty)
        #expect(recorder.urls.count == 1)
    }

    @Test("push and pull offer --allow-insecure-http, --max-answer-bytes and --max-pages in their help")
    func insecureFlag() throws {
        let scim = SubcommandTests.allCommands().filter { ["push", "pull"].contains($0.configuration.commandName) }
        #expect(scim.count == 2)
        for command in scim {
            let help = Squads.helpMessage(for: command)
            #expect(help.contains("--allow-insecure-http") && help.contains("--max-answer-bytes"))
            #expect(help.contains("--max-pages"))
        }
    }

    @Test("a page that repeats what was read stops the pull at once, naming the resource")
    func repeatingPage() throws {
        let server = try LoopbackHTTPServer { request, write in
            // The same page whatever is asked, claiming a billion resources.
            let user: [String: Any] = ["id": "1", "userName": "same"]
            let list = LoopbackHTTPServer.listResponse(
                [user], total: 1_000_000_000, startIndex: LoopbackHTTPServer.startIndex(of: request))
            _ = write(LoopbackHTTPServer.answer(200, list))
        }
        defer { server.stop() }
        let text = try #require(message { _ = try client(server.base).list("/Users") })
        #expect(text.contains("repeats resource 1"))
        #expect(server.requests.count == 2)
    }

    @Test("a page at another startIndex than asked stops the pull at once")
    func wrongStartIndex() throws {
        let server = try LoopbackHTTPServer { request, write in
            let start = LoopbackHTTPServer.startIndex(of: request)
            let user: [String: Any] = ["id": "user-\(start)", "userName": "u\(start)"]
            let list = LoopbackHTTPServer.listResponse([user], total: 5, startIndex: 1)
            _ = write(LoopbackHTTPServer.answer(200, list))
        }
        defer { server.stop() }
        let text = try #require(message { _ = try client(server.base).list("/Users") })
        #expect(text.contains("asked for the page at startIndex 2, the SCIM server answered the page at startIndex 1"))
        #expect(server.requests.count == 2)
    }

    @Test("an empty page before the announced total is reached stops the pull")
    func emptyPageShortOfTheTotal() throws {
        let recorder = Recorder { request in
            let first = request.url!.query!.contains("startIndex=1&")
            let resources = first ? #"[{"id":"a"}]"# : "[]"
            return .init(status: 200, body: Data(#"{"totalResults":3,"Resources":\#(resources)}"#.utf8))
        }
        let client = SCIMClient(baseURL: URL(string: "https://idp.example.com/v2")!, transport: recorder.transport)
        let text = try #require(message { _ = try client.list("/Users") })
        #expect(text.contains("is empty, but the SCIM server announced 3 resources and gave 1"))
        #expect(recorder.urls.count == 2)
    }

    @Test("paging stops after the most pages allowed, and reads exactly that many")
    func pageLimit() throws {
        let recorder = Recorder { request in
            let start = URLComponents(url: request.url!, resolvingAgainstBaseURL: false)!
                .queryItems!.first { $0.name == "startIndex" }!.value!
            return .init(status: 200, body: Data(#"{"totalResults":100,"Resources":[{"id":"r\#(start)"}]}"#.utf8))
        }
        let limited = SCIMClient(
            baseURL: URL(string: "https://idp.example.com/v2")!, maximumPages: 7, transport: recorder.transport)
        let text = try #require(message { _ = try limited.list("/Users") })
        #expect(text.contains("after 7 pages (7 resources)"))
        #expect(recorder.urls.count == 7)
        let enough = SCIMClient(
            baseURL: URL(string: "https://idp.example.com/v2")!, maximumPages: 100, transport: recorder.transport)
        #expect(try enough.list("/Users").count == 100)
    }

    @Test("an answer longer than the limit is refused while it arrives, without reading the rest")
    func unboundedAnswer() throws {
        let limit = 1 << 20
        let server = try LoopbackHTTPServer { _, write in
            // No length announced: blanks until the client goes, at most 256 MiB.
            guard
                write(Data("HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\nConnection: close\r\n\r\n".utf8))
            else { return }
            let chunk = Data(repeating: 0x20, count: 64 << 10)
            for _ in 0..<4096 where write(chunk) {}
        }
        defer { server.stop() }
        let text = try #require(message { _ = try client(server.base, maximumAnswerBytes: limit).list("/Users") })
        #expect(text.contains("longer than \(limit) bytes"))
        #expect(text.contains("--max-answer-bytes"))
        // The client stopped reading: what left the server is the limit plus what the sockets' buffers hold.
        #expect(server.bytesSent < 64 << 20, "\(server.bytesSent) bytes were taken")
    }

    @Test("an answer announcing more than the limit is refused before its body is read")
    func announcedLength() throws {
        let server = try LoopbackHTTPServer { _, write in
            _ = write(Data("HTTP/1.1 200 OK\r\nContent-Length: 600000000\r\nConnection: close\r\n\r\n".utf8))
            let chunk = Data(repeating: 0x20, count: 64 << 10)
            for _ in 0..<4096 where write(chunk) {}
        }
        defer { server.stop() }
        let text = try #require(message { _ = try client(server.base, maximumAnswerBytes: 1000).list("/Users") })
        #expect(text.contains("longer than 1000 bytes"))
    }

    @Test("an answer of exactly the limit is read")
    func answerAtTheLimit() throws {
        let body = LoopbackHTTPServer.listResponse([["id": "a"]], total: 1, startIndex: 1)
        let server = try LoopbackHTTPServer { _, write in _ = write(LoopbackHTTPServer.answer(200, body)) }
        defer { server.stop() }
        #expect(try client(server.base, maximumAnswerBytes: body.utf8.count).list("/Users").count == 1)
        let text = try #require(
            message { _ = try client(server.base, maximumAnswerBytes: body.utf8.count - 1).list("/Users") })
        #expect(text.contains("longer than \(body.utf8.count - 1) bytes"))
    }
}
