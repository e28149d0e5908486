import CustomerValueSquads
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A SCIM server refused a request: its HTTP status and, from its error body (RFC 7644 §3.12), `scimType` and
/// `detail`.
public struct SCIMServerError: Error, Equatable, CustomStringConvertible {
    /// The request, such as `PATCH /Groups/2819c223`.
    public let request: String
    /// The HTTP status.
    public let status: Int
    /// The SCIM error type, such as `uniqueness`, if the server said.
    public let scimType: String?
    /// What the server said is wrong, if it said.
    public let detail: String?

    /// Creates the error for a refused request.
    public init(request: String, status: Int, scimType: String?, detail: String?) {
        self.request = request
        self.status = status
        self.scimType = scimType
        self.detail = detail
    }

    /// `the SCIM server refused PATCH /Groups/x: 401 (invalidValue): Authorization failure ...`
    public var description: String {
        "the SCIM server refused \(request): \(status)" + (scimType.map { " (\($0))" } ?? "")
            + (detail.map { ": \($0)" } ?? "")
    }
}

/// A small SCIM 2.0 client: bearer token, timeout, retries with back-off on 429 and 503, paging through list
/// responses, and the server's error bodies turned into ``SCIMServerError``.
///
/// The client does not trust the server with more than it must. Every request, in ``send(_:_:query:body:)``,
/// goes through the same checks:
/// - The token is sent only to the origin (scheme, host and port) of ``baseURL``. A redirect within that origin is
///   followed (at most ``maximumRedirects`` times) and logged; a redirect to another origin, or from `https` to
///   `http`, is refused with both URLs named, and nothing is sent there.
/// - A token is not sent over plain `http` to an address other than loopback unless ``allowsInsecureHTTP``.
/// - An answer longer than ``maximumAnswerBytes`` is refused while it arrives, without reading the rest.
/// - ``list(_:filter:pageSize:)`` stops with an error when a page repeats resources, starts at another index than
///   asked, or brings nothing new before the announced total; and after ``maximumPages`` pages.
public struct SCIMClient: Sendable {
    /// What a transport answered: status, body, the `Retry-After` seconds and the `Location` of a redirect.
    public struct Answer: Sendable {
        /// The HTTP status.
        public var status: Int
        /// The body, at most the client's ``SCIMClient/maximumAnswerBytes`` long.
        public var body: Data
        /// The `Retry-After` header in seconds, if given.
        public var retryAfter: Double?
        /// The `Location` header, as the server wrote it, if given.
        public var location: String?

        /// Creates an answer.
        public init(status: Int, body: Data = Data(), retryAfter: Double? = nil, location: String? = nil) {
            self.status = status
            self.body = body
            self.retryAfter = retryAfter
            self.location = location
        }
    }

    /// The largest answer read by default: 64 MiB.
    public static let defaultMaximumAnswerBytes = 64 << 20
    /// The most pages ``list(_:filter:pageSize:)`` reads by default: 10 000 (a million resources at 100 a page).
    public static let defaultMaximumPages = 10_000
    /// How many redirects within the server's origin one request follows.
    public static let maximumRedirects = 5

    /// The server's base URL, such as `https://idp.example.com/scim/v2`.
    public let baseURL: URL
    /// The bearer token sent with every request, if any.
    public let token: String?
    /// How long one request may take, in seconds.
    public let timeout: TimeInterval
    /// How many times a request refused with 429 or 503 is tried again.
    public let retries: Int
    /// The longest answer read, in bytes; a longer one is refused without reading the rest.
    public let maximumAnswerBytes: Int
    /// The most pages one list reads.
    public let maximumPages: Int
    /// Whether a token may be sent over plain `http` to an address that is not loopback.
    public let allowsInsecureHTTP: Bool
    /// Where each request is reported, for `--verbose`.
    public let log: @Sendable (String) -> Void
    /// What sends a request and waits for the answer, reading at most the given number of bytes (and throwing
    /// past it). It must not follow redirects: the client decides which to follow.
    public typealias Transport = @Sendable (_ request: URLRequest, _ maximumBytes: Int) throws -> Answer
    private let transport: Transport
    private let pause: @Sendable (TimeInterval) -> Void

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: The server's base URL.
    ///   - token: The bearer token, if any.
    ///   - timeout: How long one request may take, in seconds; 30 by default.
    ///   - retries: How many times a request refused with 429 or 503 is tried again; 4 by default.
    ///   - maximumAnswerBytes: The longest answer read; ``defaultMaximumAnswerBytes`` by default.
    ///   - maximumPages: The most pages one list reads; ``defaultMaximumPages`` by default.
    ///   - allowsInsecureHTTP: Whether a token may travel over plain `http` to an address that is not loopback.
    ///   - log: Where each request is reported; nowhere by default.
    ///   - transport: What sends requests; `URLSession` by default. Tests give a server of their own.
    ///   - pause: How the client waits before trying again; `Thread.sleep` by default.
    public init(
        baseURL: URL, token: String? = nil, timeout: TimeInterval = 30, retries: Int = 4,
        maximumAnswerBytes: Int = SCIMClient.defaultMaximumAnswerBytes,
        maximumPages: Int = SCIMClient.defaultMaximumPages, allowsInsecureHTTP: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }, transport: Transport? = nil,
        pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.baseURL = baseURL
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.maximumAnswerBytes = max(0, maximumAnswerBytes)
        self.maximumPages = max(1, maximumPages)
        self.allowsInsecureHTTP = allowsInsecureHTTP
        self.log = log
        self.transport = transport ?? { try SCIMTransport.perform($0, maximumBytes: $1) }
        self.pause = pause
    }

    /// Sends one request, with `headers` beside the ones every request carries, and returns the body of a
    /// successful answer.
    ///
    /// - Throws: ``SCIMServerError`` for an answer that is not 2xx (after the retries for 429 and 503);
    ///   ``InputError`` when the server cannot be reached, redirects elsewhere, answers too much, or when the token
    ///   would travel over plain `http` (see the type's discussion).
    @discardableResult
    public func send(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: Data? = nil, headers: [String: String] = [:]
    ) throws -> Data {
        var components = URLComponents(
            url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw InputError("\(baseURL)\(path): not a URL") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("application/scim+json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/scim+json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        var attempt = 0
        var redirects = 0
        while true {
            try checkDestination(of: request)
            let answer = try transport(request, maximumAnswerBytes)
            guard answer.body.count <= maximumAnswerBytes else {
                throw Self.tooLong(method: method, url: request.url, limit: maximumAnswerBytes)
            }
            let shown = "\(method) \(path)"
            if (200..<300).contains(answer.status) {
                log("\(shown) → \(answer.status)")
                return answer.body
            }
            if [301, 302, 303, 307, 308].contains(answer.status), let location = answer.location {
                request = try redirect(request, status: answer.status, to: location, count: redirects)
                redirects += 1
                log("\(shown) → \(answer.status), redirected within the server to \(request.url?.absoluteString ?? "")")
                continue
            }
            if (answer.status == 429 || answer.status == 503) && attempt < retries {
                let wait = min(answer.retryAfter ?? 0.25 * pow(2, Double(attempt)), 10)
                log("\(shown) → \(answer.status); trying again in \(wait) s")
                pause(wait)
                attempt += 1
                continue
            }
            throw Self.serverError(status: answer.status, body: answer.body, request: shown)
        }
    }

    /// Every resource of a list endpoint (`/Users`, `/Groups`), page by page as RFC 7644 §3.4.2.4 says, with an
    /// optional filter; each resource as the JSON object the server sent.
    ///
    /// - Throws: ``InputError`` when a page repeats a resource already read, starts at another index than asked,
    ///   brings nothing before the announced total is reached, or when ``maximumPages`` pages were read; the
    ///   errors of ``send(_:_:query:body:)``.
    /// - Complexity: O(*n*) in the resources read, in at most ``maximumPages`` requests.
    public func list(_ path: String, filter: String? = nil, pageSize: Int = 100) throws -> [[String: Any]] {
        var resources: [[String: Any]] = []
        var seen: Set<String> = []
        var start = 1
        var pages = 0
        while true {
            guard pages < maximumPages else {
                throw InputError(
                    "GET \(path): the SCIM server still had more after \(maximumPages) pages (\(resources.count) "
                        + "resources); stopped there")
            }
            pages += 1
            var query = [
                URLQueryItem(name: "startIndex", value: String(start)),
                URLQueryItem(name: "count", value: String(pageSize)),
            ]
            if let filter { query.append(URLQueryItem(name: "filter", value: filter)) }
            let data = try send("GET", path, query: query)
            guard let page = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InputError("GET \(path): the SCIM server's answer is not a JSON object")
            }
            if let answered = (page["startIndex"] as? NSNumber)?.intValue, answered != start {
                throw InputError(
                    "GET \(path): asked for the page at startIndex \(start), the SCIM server answered the page at "
                        + "startIndex \(answered); stopped reading")
            }
            let items = page["Resources"] as? [[String: Any]] ?? []
            for item in items {
                guard let id = item["id"] as? String else { continue }
                guard seen.insert(id).inserted else {
                    throw InputError(
                        "GET \(path): the page at startIndex \(start) repeats resource \(id), read before; the SCIM "
                            + "server's paging does not move forward, stopped reading")
                }
            }
            resources += items
            let total = (page["totalResults"] as? NSNumber)?.intValue ?? resources.count
            if resources.count >= total { return resources }
            if items.isEmpty {
                throw InputError(
                    "GET \(path): the page at startIndex \(start) is empty, but the SCIM server announced "
                        + "\(total) resources and gave \(resources.count); stopped reading")
            }
            start += items.count
        }
    }

    /// Refuses a request whose token would travel over plain `http` to an address that is not loopback.
    private func checkDestination(of request: URLRequest) throws {
        guard token != nil, !allowsInsecureHTTP, let url = request.url, url.scheme?.lowercased() == "http" else {
            return
        }
        guard !SCIMOrigin.isLoopback(url.host ?? "") else { return }
        throw InputError(
            "\(url.absoluteString): the token would travel unencrypted over plain http to \(url.host ?? "?"); use "
                + "https, or --allow-insecure-http if this network is trusted")
    }

    /// The request to send after a redirect within the server's origin, or the error for any other redirect.
    private func redirect(_ request: URLRequest, status: Int, to location: String, count: Int) throws -> URLRequest {
        let from = request.url ?? baseURL
        guard let target = URL(string: location, relativeTo: from)?.absoluteURL else {
            throw InputError("\(from.absoluteString): the SCIM server redirected to \(location), which is not a URL")
        }
        if from.scheme?.lowercased() == "https" && target.scheme?.lowercased() != "https" {
            throw InputError(
                "the server at \(from.absoluteString) redirected to \(target.absoluteString), from https to plain "
                    + "http; refused, nothing was sent there")
        }
        guard SCIMOrigin(baseURL) == SCIMOrigin(target) else {
            throw InputError(
                "the server at \(from.absoluteString) redirected to \(target.absoluteString); the token is only sent to "
                    + "\(SCIMOrigin(baseURL).description) — give \(target.absoluteString) with --url if you trust it")
        }
        guard count < Self.maximumRedirects else {
            throw InputError(
                "\(from.absoluteString): the SCIM server redirected more than \(Self.maximumRedirects) times; stopped")
        }
        var next = request
        next.url = target
        if status == 303 {
            next.httpMethod = "GET"
            next.httpBody = nil
            next.setValue(nil, forHTTPHeaderField: "Content-Type")
        }
        return next
    }

    /// The error for an answer longer than `limit` bytes.
    static func tooLong(method: String, url: URL?, limit: Int) -> InputError {
        InputError(
            "\(method) \(url?.absoluteString ?? ""): the SCIM server's answer is longer than \(limit) bytes; refused "
                + "without reading the rest (raise the limit with --max-answer-bytes)")
    }

    /// The error for a refused request, from the SCIM error body where there is one.
    static func serverError(status: Int, body: Data, request: String) -> SCIMServerError {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let detail =
            object?["detail"] as? String
            ?? (body.isEmpty ? nil : String(decoding: body.prefix(500), as: UTF8.self))
        return SCIMServerError(
            request: request, status: status, scimType: object?["scimType"] as? String, detail: detail)
    }
}
