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
public struct SCIMClient: Sendable {
    /// The server's base URL, such as `https://idp.example.com/scim/v2`.
    public let baseURL: URL
    /// The bearer token sent with every request, if any.
    public let token: String?
    /// How long one request may take, in seconds.
    public let timeout: TimeInterval
    /// How many times a request refused with 429 or 503 is tried again.
    public let retries: Int
    /// Where each request is reported, for `--verbose`.
    public let log: @Sendable (String) -> Void
    /// What sends a request and waits for the answer: its status, body and `Retry-After` seconds.
    public typealias Transport = @Sendable (URLRequest) throws -> (status: Int, body: Data, retryAfter: Double?)
    private let transport: Transport
    private let pause: @Sendable (TimeInterval) -> Void

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: The server's base URL.
    ///   - token: The bearer token, if any.
    ///   - timeout: How long one request may take, in seconds; 30 by default.
    ///   - retries: How many times a request refused with 429 or 503 is tried again; 4 by default.
    ///   - log: Where each request is reported; nowhere by default.
    ///   - transport: What sends requests; `URLSession` by default. Tests give a server of their own.
    ///   - pause: How the client waits before trying again; `Thread.sleep` by default.
    public init(
        baseURL: URL, token: String? = nil, timeout: TimeInterval = 30, retries: Int = 4,
        log: @escaping @Sendable (String) -> Void = { _ in }, transport: Transport? = nil,
        pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.baseURL = baseURL
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.log = log
        self.transport = transport ?? { try SCIMClient.perform($0) }
        self.pause = pause
    }

    /// Sends one request and returns the body of a successful answer.
    ///
    /// - Throws: ``SCIMServerError`` for an answer that is not 2xx (after the retries for 429 and 503);
    ///   ``InputError`` when the server cannot be reached.
    @discardableResult
    public func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: Data? = nil) throws -> Data {
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
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        var attempt = 0
        while true {
            let (status, data, retryAfter) = try transport(request)
            if (200..<300).contains(status) {
                log("\(method) \(path) → \(status)")
                return data
            }
            if (status == 429 || status == 503) && attempt < retries {
                let wait = min(retryAfter ?? 0.25 * pow(2, Double(attempt)), 10)
                log("\(method) \(path) → \(status); trying again in \(wait) s")
                pause(wait)
                attempt += 1
                continue
            }
            throw Self.serverError(status: status, body: data, request: "\(method) \(path)")
        }
    }

    /// Every resource of a list endpoint (`/Users`, `/Groups`), page by page as RFC 7644 §3.4.2.4 says, with an
    /// optional filter; each resource as the JSON object the server sent.
    public func list(_ path: String, filter: String? = nil, pageSize: Int = 100) throws -> [[String: Any]] {
        var resources: [[String: Any]] = []
        var start = 1
        while true {
            var query = [
                URLQueryItem(name: "startIndex", value: String(start)),
                URLQueryItem(name: "count", value: String(pageSize)),
            ]
            if let filter { query.append(URLQueryItem(name: "filter", value: filter)) }
            let data = try send("GET", path, query: query)
            guard let page = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InputError("GET \(path): the SCIM server's answer is not a JSON object")
            }
            let items = page["Resources"] as? [[String: Any]] ?? []
            resources += items
            let total = (page["totalResults"] as? NSNumber)?.intValue ?? resources.count
            if items.isEmpty || resources.count >= total { return resources }
            start += items.count
        }
    }

    /// Sends `request` and waits for the answer: status, body and the `Retry-After` seconds, if given.
    private static func perform(_ request: URLRequest) throws -> (status: Int, body: Data, retryAfter: Double?) {
        final class Answer: @unchecked Sendable {
            var value: Result<(Int, Data, Double?), any Error> = .failure(InputError("no answer"))
        }
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                answer.value = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                let retryAfter = (response.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
                answer.value = .success((response.statusCode, data ?? Data(), retryAfter))
            }
            done.signal()
        }.resume()
        done.wait()
        do {
            return try answer.value.get()
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(
                "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? ""): \(error.localizedDescription)")
        }
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
