import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on a loopback address, one connection at a time, for testing what the SCIM client sends
/// to a server that misbehaves. Each request is recorded with its headers; `respond` writes the answer.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// One request as the server read it.
    struct Request: Sendable {
        let method: String
        let target: String
        let headers: [String: String]  // names in lower case
    }

    /// How the server answers a request: it writes to the connection through `write`, which returns false once the
    /// client has gone.
    typealias Respond = @Sendable (_ request: Request, _ write: (Data) -> Bool) -> Void

    let host: String
    private(set) var port: UInt16 = 0
    private let socket: Int32
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var sent = 0
    private let respond: Respond

    var requests: [Request] { lock.withLock { recorded } }
    /// The bytes of answers the client took before it closed the connection.
    var bytesSent: Int { lock.withLock { sent } }
    var base: String { "http://\(host):\(port)" }

    init(host: String = "127.0.0.1", respond: @escaping Respond) throws {
        self.host = host
        self.respond = respond
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, host, &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Stops listening; the serving thread closes the socket when its accept fails, so the descriptor is not
    /// reused by another server while that thread may still hold it.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    private func serve() {
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else {
                close(socket)
                return
            }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var head = Data()
        while head.range(of: Data("\r\n\r\n".utf8)) == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            head.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let request = Request(method: requestLine[0], target: requestLine[1], headers: headers)
        lock.withLock { recorded.append(request) }
        respond(request) { data in
            var offset = 0
            while offset < data.count {
                let written = data.withUnsafeBytes {
                    send(connection, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { return false }
                offset += written
                lock.withLock { sent += written }
            }
            return true
        }
    }

    /// The bytes of a whole HTTP answer with a body.
    static func answer(
        _ status: Int, _ body: String = "", headers: [String: String] = [:],
        contentType: String = "application/scim+json"
    ) -> Data {
        var text = "HTTP/1.1 \(status) Status\r\nConnection: close\r\nContent-Type: \(contentType)\r\n"
        text += "Content-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n" + body).utf8)
    }

    /// A list response of the given resources, as a SCIM server pages them.
    static func listResponse(_ resources: [[String: Any]], total: Int, startIndex: Int) -> String {
        let object: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": total,
            "startIndex": startIndex, "itemsPerPage": resources.count, "Resources": resources,
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// The `startIndex` a request asks for, 1 when it does not say.
    static func startIndex(of request: Request) -> Int {
        let items = URLComponents(string: "http://host" + request.target)?.queryItems ?? []
        return Int(items.first { $0.name == "startIndex" }?.value ?? "1") ?? 1
    }
}
