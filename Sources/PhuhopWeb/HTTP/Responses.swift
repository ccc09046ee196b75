import Foundation
import Hummingbird
import NIOCore
import PhuhopCore
import PhuhopReports

/// How responses are made: HTML pages, JSON, redirects, and reading posted forms.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        json(bytes: Array(text.utf8), status: status)
    }

    /// JSON already rendered to UTF-8: a decision's JSON is sent without passing through a String.
    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// JSON written compact by `write` straight into the buffer it is sent from, which has room
    /// for `capacity` bytes; a text that outgrows it is copied in afterwards.
    static func json(capacity: Int, status: HTTPResponse.Status = .ok, _ write: (inout JSONWriter) -> Void) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: capacity)
        var spilled: [UInt8]?
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: capacity) { region in
            var writer = JSONWriter(pretty: false, into: region)
            write(&writer)
            guard writer.isInRegion else {
                spilled = writer.bytes
                return 0
            }
            return writer.count
        }
        if let spilled { buffer.writeBytes(spilled) }
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: buffer))
    }

    /// A redirect after a POST: the browser asks for the page with GET (303).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The fields of a posted form (at most 1 MB).
    static func form(_ request: Request) async throws -> FormData {
        let type = request.headers[.contentType] ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw WebError.badRequest(LocalizedText(vi: "cần gửi biểu mẫu (application/x-www-form-urlencoded)",
                                                    en: "expected a form (application/x-www-form-urlencoded)"))
        }
        return FormData(encoded: Substring(String(buffer: try await body(request))))
    }

    /// The largest body read: 1 MB, far above any form or evidence payload.
    static let bodyLimit = 1 << 20

    /// A request's body, refused (413) beyond `bodyLimit`.
    static func body(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: bodyLimit)
        } catch is NIOTooManyBytesError {
            throw WebError.tooLarge(bodyLimit)
        }
    }

    /// The query string's fields.
    static func query(_ request: Request) -> FormData {
        FormData(encoded: Substring(request.uri.query ?? ""))
    }

    /// A local path to return to: only paths on this site (`/x`, never `//host` or `http:`).
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/units" }
        return text
    }

    /// A cookie the browser keeps for the site only, out of scripts' reach; sent over HTTPS
    /// only when `secure` (the server is behind an HTTPS proxy).
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
