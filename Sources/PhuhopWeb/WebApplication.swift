import Hummingbird
import Logging
import PhuhopReports

/// Builds the web application: one function for the executable (`phuhop serve`) and the tests.
public enum WebApplication {
    /// Every route, behind the front door (sessions, language, errors, security headers).
    public static func router(_ services: WebServices) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: FrontDoor(services: services))
        router.get("/app.css") { _, _ in
            var response = Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                                    body: ResponseBody(byteBuffer: ByteBuffer(string: Layout.stylesheet)))
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        SignInRoutes(services: services).register(on: router)
        UnitListRoutes(services: services).register(on: router)
        UnitRoutes(services: services).register(on: router)
        EvidenceRoutes(services: services).register(on: router)
        ChecklistRoutes(services: services).register(on: router)
        DashboardRoutes(services: services).register(on: router)
        WhatIfRoutes(services: services).register(on: router)
        UserRoutes(services: services).register(on: router)
        APIRoutes(services: services).register(on: router)
        return router
    }

    /// The application listening on `host:port`; `onRunning` is called once it listens.
    public static func build(_ services: WebServices, host: String = "127.0.0.1", port: Int = 8080,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "phuhop")
        logger.logLevel = .warning
        return Application(router: router(services),
                           configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Phuhop"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }
}
