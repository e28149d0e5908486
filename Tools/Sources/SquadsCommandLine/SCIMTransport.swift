import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Where a URL's requests go: scheme, host and port, as browsers and curl compare origins before sending credentials.
struct SCIMOrigin: Equatable, CustomStringConvertible {
    let scheme: String
    let host: String
    let port: Int?

    init(_ url: URL) {
        scheme = url.scheme?.lowercased() ?? ""
        host = (url.host ?? "").lowercased()
        port = url.port ?? Self.defaultPort[scheme]
    }

    private static let defaultPort = ["http": 80, "https": 443]

    var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)" + (port.map { ":\($0)" } ?? "")
    }

    /// Whether `host` names this machine: `localhost`, an address in 127.0.0.0/8, or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// The client's default transport: an HTTP client that follows no redirect (the SCIM client decides, with the
/// `Location` header) and reads the answer as it streams, failing the request — and closing the connection — as soon
/// as the body passes the limit, so memory never holds more than the limit.
enum SCIMTransport {
    /// One HTTP client for the process, on the shared event loops; it lives as long as the process.
    private static let http = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled))

    /// Sends `request` and waits for the answer, reading at most `maximumBytes` of its body.
    static func perform(_ request: URLRequest, maximumBytes: Int) throws -> SCIMClient.Answer {
        let method = request.httpMethod ?? "GET"
        let url = request.url?.absoluteString ?? ""
        do {
            var headers = HTTPHeaders()
            for (name, value) in request.allHTTPHeaderFields ?? [:] { headers.add(name: name, value: value) }
            let outgoing = try HTTPClient.Request(
                url: url, method: HTTPMethod(rawValue: method), headers: headers,
                body: request.httpBody.map { .data($0) })
            let seconds = request.timeoutInterval > 0 ? request.timeoutInterval : 30
            let deadline = NIODeadline.now() + .milliseconds(Int64(seconds * 1000))
            return try http.execute(
                request: outgoing, delegate: Collector(maximumBytes: maximumBytes), deadline: deadline
            ).wait()
        } catch is AnswerTooLong {
            throw SCIMClient.tooLong(method: method, url: request.url, limit: maximumBytes)
        } catch {
            throw InputError("\(method) \(url): \(Self.describe(error))")
        }
    }

    /// The words for what went wrong on the way.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            return "the SCIM server did not answer in time (\(error))"
        case let error as HTTPClientError where error == .connectTimeout:
            return "could not connect to the SCIM server in time"
        default:
            let text = String(describing: error)
            if text.contains("SSL") || text.contains("certificate") || text.contains("handshake") {
                return "the TLS connection was refused; the server's certificate is not trusted here (\(text))"
            }
            return text.contains("connectionRefused") || text.contains("Connection refused")
                ? "could not connect to the SCIM server (connection refused)" : text
        }
    }

    private struct AnswerTooLong: Error {}

    /// Collects one answer; every callback runs on the request's event loop, one after another.
    private final class Collector: HTTPClientResponseDelegate, @unchecked Sendable {
        typealias Response = SCIMClient.Answer
        let maximumBytes: Int
        private var head: HTTPResponseHead?
        private var body = ByteBuffer()

        init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

        func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
            self.head = head
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > maximumBytes {
                return task.eventLoop.makeFailedFuture(AnswerTooLong())
            }
            return task.eventLoop.makeSucceededVoidFuture()
        }

        func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
            guard body.readableBytes + buffer.readableBytes <= maximumBytes else {
                body = ByteBuffer()
                return task.eventLoop.makeFailedFuture(AnswerTooLong())
            }
            var part = buffer
            body.writeBuffer(&part)
            return task.eventLoop.makeSucceededVoidFuture()
        }

        func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
            let headers = head?.headers ?? HTTPHeaders()
            return SCIMClient.Answer(
                status: Int(head?.status.code ?? 0), body: Data(body.readableBytesView),
                retryAfter: headers.first(name: "Retry-After").flatMap(Double.init),
                location: headers.first(name: "Location"))
        }
    }
}
