import Hummingbird
import PhuhopCore

/// Why a request was refused; rendered in one place (`FrontDoor`), as a page for a browser and
/// as JSON under `/api`.
public enum WebError: Error, Sendable {
    /// No session: a page redirects to sign-in, the API answers 401.
    case signInRequired
    /// Outside the user's role or scope (logged).
    case forbidden
    case notFound(LocalizedText)
    /// A form or payload that cannot be used, with the reason.
    case badRequest(LocalizedText)
    /// A form posted without its CSRF token, or with another session's.
    case staleForm
    /// Too many failed sign-ins for the name: try again after the seconds given.
    case throttled(Int)
    /// A body larger than the bytes given.
    case tooLarge(Int)

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired: .unauthorized
        case .forbidden, .staleForm: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .throttled: .tooManyRequests
        case .tooLarge: .contentTooLarge
        }
    }

    var message: LocalizedText {
        switch self {
        case .signInRequired:
            LocalizedText(vi: "cần đăng nhập", en: "sign-in required")
        case .forbidden:
            LocalizedText(vi: "bạn không có quyền xem hoặc thay đổi mục này; lần truy cập đã được ghi lại",
                          en: "you may not read or change this; the attempt was logged")
        case .notFound(let what), .badRequest(let what):
            what
        case .staleForm:
            LocalizedText(vi: "biểu mẫu đã hết hạn hoặc không đến từ trang này; tải lại trang rồi gửi lại",
                          en: "the form has expired or did not come from this site; reload the page and send it again")
        case .tooLarge(let bytes):
            LocalizedText(vi: "nội dung gửi lên quá lớn (tối đa \(bytes / 1024) KB)", en: "the request is too large (at most \(bytes / 1024) KB)")
        case .throttled(let seconds):
            LocalizedText(vi: "đăng nhập sai nhiều lần; thử lại sau \(seconds) giây",
                          en: "too many failed sign-ins; try again in \(seconds) seconds")
        }
    }
}
