import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhuhopCore
import PhuhopFormats
import PhuhopStore
@testable import PhuhopWeb

/// A store seeded with the demo province, one user of each role, and the application over it.
///
/// - `admin` (the demo's administrator),
/// - `eva`, an evaluator assigned DEMO-X001 (and so the school DEMO-T01 attached to it),
/// - `school01`, the account of the school DEMO-T01,
/// - `vera`, a viewer.
final class WebFixture: Sendable {
    let folder: URL
    let store: Store
    let services: WebServices
    let adminPassword: String
    static let password = "correct horse battery"
    /// A cheap bcrypt cost: the tests sign in often; the cost is read from each hash.
    static let passwords = Passwords(cost: 4)

    /// `concurrentSignIns` is high by default: the tests that share a fixture sign in as the
    /// same users at the same time.
    init(now: @escaping @Sendable () -> Date = Date.init, concurrentSignIns: Int = 64, secureCookies: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phuhop-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("web.sqlite").path, create: true)
        let standards = try ["qd06-2019", "tt18-2023", "tt45-2021", "qd548-2011", "moh-safe-community"].map {
            try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent($0))
        }
        let variant = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("variants/qd06-2019-epi99"))
        adminPassword = try DemoSeed.seed(store, commune: standards[0], school: standards[1], passwords: Self.passwords)
        try store.addUser(UserAccount(name: "eva", role: .evaluator, passwordHash: Self.passwords.hash(Self.password),
                                      units: ["DEMO-X001"]), by: "test")
        try store.addUser(UserAccount(name: "school01", role: .school, passwordHash: Self.passwords.hash(Self.password),
                                      school: "DEMO-T01"), by: "test")
        try store.addUser(UserAccount(name: "vera", role: .viewer, passwordHash: Self.passwords.hash(Self.password)), by: "test")
        services = try WebServices(store: store, standards: standards, variants: ["qd06-2019-epi99": variant],
                                   passwords: Self.passwords, throttle: SignInThrottle(concurrent: concurrentSignIns, now: now),
                                   secureCookies: secureCookies)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The password of a fixture user.
    func password(_ name: String) -> String { name == "admin" ? adminPassword : Self.password }

    /// Runs `body` with a client of the application's router (no sockets).
    func test<Value>(_ body: @escaping @Sendable (Browser) async throws -> Value) async throws -> Value {
        try await WebApplication.build(services).test(.router) { client in
            try await body(Browser(client: client))
        }
    }

    /// One fixture shared by the tests that only read (and post forms that are refused).
    static let shared: Result<WebFixture, any Error> = Result { try WebFixture() }
}

/// A test client that keeps cookies as a browser does, and reads the CSRF token of its session.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
    }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: extra, body: nil)
    }

    /// Posts a form (`application/x-www-form-urlencoded`).
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { FormData.encode($0.0) + "=" + FormData.encode($0.1) }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: String?) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0])
            if pair[1].isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Signs in through the sign-in form; returns the response to the POST.
    @discardableResult
    func signIn(_ name: String, _ password: String) async throws -> Page {
        let form = try await get("/signin")
        return try await post("/signin?next=%2Funits", [("csrf", Browser.csrf(in: form.body)), ("name", name), ("password", password)])
    }

    /// The session's CSRF token, read from a page's forms.
    func csrf() async throws -> String {
        Browser.csrf(in: try await get("/units").body)
    }

    static func csrf(in html: String) -> String {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
