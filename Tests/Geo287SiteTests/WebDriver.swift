import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal W3C WebDriver client for the browser tests: starts Debian's `chromedriver` on a
/// free loopback port, opens one headless Chromium session, and speaks JSON over HTTP to
/// 127.0.0.1 only. Every call is bounded in time.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let driver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { chromium != nil && driver != nil }

    private let process = Process()
    private let port: Int
    private(set) var session = ""

    init(width: Int, height: Int) throws {
        guard let chromium = Self.chromium, let driver = Self.driver else { throw Failure(description: "chromium or chromedriver missing") }
        let port = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 20_000)
        process.executableURL = URL(fileURLWithPath: driver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.port = port
        var ready = false
        for _ in 0..<100 where !ready {
            Thread.sleep(forTimeInterval: 0.1)
            ready = (try? call("GET", "/status", nil, timeout: 2)) != nil
        }
        guard ready else { stop(); throw Failure(description: "chromedriver did not start") }
        let caps: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:loggingPrefs": ["browser": "ALL", "performance": "ALL"],
            "goog:chromeOptions": ["binary": chromium, "perfLoggingPrefs": ["enableNetwork": true, "enablePage": false],
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                            "--window-size=\(width),\(height)", "--lang=en-US"]],
        ]]]
        let created = try call("POST", "/session", caps, timeout: 60)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            stop(); throw Failure(description: "no session: \(created)")
        }
        session = id
    }

    deinit { stop() }

    func stop() {
        if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)", nil, timeout: 10); session = "" }
        // chromedriver may outlive SIGTERM: end it for good, waiting at most five seconds.
        if process.isRunning {
            process.terminate()
            let end = Date().addingTimeInterval(5)
            while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    // MARK: Commands

    func open(_ url: URL) throws { _ = try command("POST", "url", ["url": url.absoluteString]) }

    @discardableResult
    func script(_ js: String, _ args: [Any] = []) throws -> Any? {
        (try command("POST", "execute/sync", ["script": js, "args": args]))["value"] ?? nil
    }

    /// Runs a Chrome DevTools command (geolocation, permissions).
    func devtools(_ cmd: String, _ params: [String: Any]) throws { _ = try command("POST", "goog/cdp/execute", ["cmd": cmd, "params": params]) }

    /// The browser console's entries (level and message).
    func consoleEntries() throws -> [(level: String, message: String)] {
        let r = try command("POST", "se/log", ["type": "browser"])
        return ((r["value"] as? [[String: Any]]) ?? []).map { (($0["level"] as? String) ?? "", ($0["message"] as? String) ?? "") }
    }

    /// Every URL the page requested since the last call (DevTools network events).
    func requestedURLs() throws -> [String] {
        let r = try command("POST", "se/log", ["type": "performance"])
        return ((r["value"] as? [[String: Any]]) ?? []).compactMap { entry in
            guard let text = entry["message"] as? String,
                  let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let message = json["message"] as? [String: Any], (message["method"] as? String) == "Network.requestWillBeSent",
                  let params = message["params"] as? [String: Any], let request = params["request"] as? [String: Any] else { return nil }
            return request["url"] as? String
        }
    }

    func screenshot(to path: String) throws {
        let r = try command("GET", "screenshot", nil)
        guard let b64 = r["value"] as? String, let png = Data(base64Encoded: b64) else { throw Failure(description: "no screenshot") }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try png.write(to: URL(fileURLWithPath: path))
    }

    func element(_ css: String) throws -> String {
        let r = try command("POST", "element", ["using": "css selector", "value": css])
        guard let v = r["value"] as? [String: Any], let id = v.values.first as? String else { throw Failure(description: "no element \(css): \(r)") }
        return id
    }

    func click(_ element: String) throws { _ = try command("POST", "element/\(element)/click", [:]) }

    func type(_ element: String, _ text: String) throws { _ = try command("POST", "element/\(element)/value", ["text": text]) }

    /// Polls `js` (an expression) until it is truthy; returns its last value.
    @discardableResult
    func wait(for js: String, seconds: Double = 15) throws -> Any? {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if let v = try script("return (\(js));"), !(v is NSNull), (v as? Bool) != false, (v as? String) != "" { return v }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "timed out waiting for \(js)")
    }

    // MARK: HTTP

    private func command(_ method: String, _ path: String, _ body: Any?) throws -> [String: Any] {
        let r = try call(method, "/session/\(session)/\(path)", body, timeout: 60)
        if let v = r["value"] as? [String: Any], let error = v["error"] as? String {
            throw Failure(description: "\(path): \(error): \(v["message"] ?? "")")
        }
        return r
    }

    /// One HTTP/1.1 request over a plain loopback socket (`Connection: close`), read to the end.
    private func call(_ method: String, _ path: String, _ body: Any?, timeout: TimeInterval) throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n\r\n"
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "\(path): cannot connect (\(errno))") }
        let request = Data(head.utf8) + payload
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw Failure(description: "\(path): send failed") }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // Read to the end of the body: its Content-Length when given (the driver may keep the
        // connection open), else until the driver closes the connection.
        while !Self.complete(response) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { response.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 { break }
            throw Failure(description: "\(path): no answer in \(timeout) s")
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "\(path): no HTTP header") }
        var content = response[split.upperBound...]
        if String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased().contains("transfer-encoding: chunked") {
            content = Self.dechunk(Data(content))[...]
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] else {
            throw Failure(description: "\(path): not JSON")
        }
        return json
    }

    static func complete(_ response: Data) -> Bool {
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
        return response.count - split.upperBound >= length
    }

    static func dechunk(_ d: Data) -> Data {
        var out = Data(), i = d.startIndex
        while let line = d[i...].range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: d[i..<line.lowerBound], as: UTF8.self).split(separator: ";")[0]
                .trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            if size == 0 { break }
            let start = line.upperBound, end = d.index(start, offsetBy: size, limitedBy: d.endIndex) ?? d.endIndex
            out.append(d[start..<end])
            i = d.index(end, offsetBy: 2, limitedBy: d.endIndex) ?? d.endIndex
        }
        return out
    }
}
