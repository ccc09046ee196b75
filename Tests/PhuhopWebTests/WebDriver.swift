import AsyncHTTPClient
import Foundation
import NIOCore

/// A small W3C WebDriver client for chromedriver: enough to drive a real headless Chromium
/// through the application as a person would.
struct WebDriver {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let endpoint: URL
    let session: String

    /// Starts a headless Chromium session. JavaScript is switched off in the pages: every flow
    /// must work without it (WebDriver's own commands do not need the page's scripts).
    static func start(endpoint: URL, chromium: String) async throws -> WebDriver {
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                         "--lang=vi"],
                "prefs": ["profile.managed_default_content_settings.javascript": 2],
            ] as [String: Any],
        ] as [String: Any]]]
        let value = try await call(endpoint.appendingPathComponent("session"), "POST", capabilities)
        guard let object = value as? [String: Any], let id = object["sessionId"] as? String else {
            throw Failure(description: "no session in \(String(describing: value))")
        }
        return WebDriver(endpoint: endpoint, session: id)
    }

    private var base: URL { endpoint.appendingPathComponent("session").appendingPathComponent(session) }

    func go(_ url: String) async throws {
        _ = try await Self.call(base.appendingPathComponent("url"), "POST", ["url": url])
    }

    func url() async throws -> String {
        try await Self.call(base.appendingPathComponent("url"), "GET", nil) as? String ?? ""
    }

    /// The address once it satisfies `expected`, waiting up to 10 s: a click that submits a
    /// form may return before the browser has followed the answer's redirect.
    func url(where expected: (String) -> Bool) async throws -> String {
        var current = try await url()
        for _ in 0..<100 where !expected(current) {
            try await Task.sleep(for: .milliseconds(100))
            current = try await url()
        }
        return current
    }

    /// The page's source once it holds `text`, waiting up to 10 s (see `url(where:)`); the
    /// source as it then is otherwise.
    func source(containing text: String) async throws -> String {
        var current = try await source()
        for _ in 0..<100 where !current.contains(text) {
            try await Task.sleep(for: .milliseconds(100))
            current = try await source()
        }
        return current
    }

    func source() async throws -> String {
        try await Self.call(base.appendingPathComponent("source"), "GET", nil) as? String ?? ""
    }

    func title() async throws -> String {
        try await Self.call(base.appendingPathComponent("title"), "GET", nil) as? String ?? ""
    }

    /// The element the CSS selector finds first.
    func element(_ selector: String) async throws -> String {
        let value = try await Self.call(base.appendingPathComponent("element"), "POST", ["using": "css selector", "value": selector])
        guard let object = value as? [String: Any], let id = object.values.first as? String else {
            throw Failure(description: "no element \(selector)")
        }
        return id
    }

    /// Every element the CSS selector finds.
    func elements(_ selector: String) async throws -> [String] {
        let value = try await Self.call(base.appendingPathComponent("elements"), "POST", ["using": "css selector", "value": selector])
        return (value as? [[String: Any]] ?? []).compactMap { $0.values.first as? String }
    }

    func click(_ selector: String) async throws {
        try await click(element: element(selector))
    }

    func click(element: String) async throws {
        _ = try await Self.call(base.appendingPathComponent("element/\(element)/click"), "POST", [String: Any]())
    }

    /// Clears a field and types into it.
    func type(_ selector: String, _ text: String) async throws {
        let id = try await element(selector)
        _ = try await Self.call(base.appendingPathComponent("element/\(id)/clear"), "POST", [String: Any]())
        _ = try await Self.call(base.appendingPathComponent("element/\(id)/value"), "POST", ["text": text])
    }

    /// The page printed to PDF on A4 paper (sizes in centimetres, as WebDriver takes them).
    func printA4() async throws -> Data {
        let value = try await Self.call(base.appendingPathComponent("print"), "POST",
                                        ["page": ["width": 21.0, "height": 29.7], "background": true])
        guard let text = value as? String, let data = Data(base64Encoded: text) else { throw Failure(description: "no PDF") }
        return data
    }

    func screenshot() async throws -> Data {
        let value = try await Self.call(base.appendingPathComponent("screenshot"), "GET", nil)
        guard let text = value as? String, let data = Data(base64Encoded: text) else { throw Failure(description: "no screenshot") }
        return data
    }

    func quit() async {
        _ = try? await Self.call(base, "DELETE", nil)
    }

    /// One WebDriver command; returns its `value`, or throws its error.
    static func call(_ url: URL, _ method: String, _ body: Any?) async throws -> Any? {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .init(rawValue: method)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let value = object?["value"]
        if let error = value as? [String: Any], let kind = error["error"] as? String {
            throw Failure(description: "\(method) \(url.path): \(kind): \(error["message"] as? String ?? "")")
        }
        return value
    }
}
