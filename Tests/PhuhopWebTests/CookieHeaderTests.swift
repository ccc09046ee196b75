import HTTPTypes
import Hummingbird
import Testing
@testable import PhuhopWeb

/// A cookie found by name reads as Hummingbird's `Request.cookies` reads it.
@Suite struct CookieHeaderTests {
    private func fields(_ values: [String]) -> HTTPFields {
        var fields = HTTPFields()
        for value in values { fields.append(HTTPField(name: .cookie, value: value)) }
        fields.append(HTTPField(name: .contentType, value: "phuhop_session=not-a-cookie"))
        return fields
    }

    @Test func findsACookieAmongOthersAndHeaders() {
        let headers = fields(["phuhop_lang=en;  phuhop_session=abc=def; empty=", "phuhop_signin=xyz"])
        #expect(CookieHeader.value("phuhop_session", in: headers) == "abc=def")
        #expect(CookieHeader.value("phuhop_lang", in: headers) == "en")
        #expect(CookieHeader.value("empty", in: headers) == "")
        #expect(CookieHeader.value("phuhop_signin", in: headers) == "xyz")
    }

    @Test func aNameMustMatchWhole() {
        let headers = fields(["phuhop_session2=no; xphuhop_session=no; phuhop_sess=no; phuhop_session"])
        #expect(CookieHeader.value("phuhop_session", in: headers) == nil)
        #expect(CookieHeader.value("", in: fields(["=v"])) == "v")
        #expect(CookieHeader.value("a", in: fields([])) == nil)
        #expect(CookieHeader.value("a", in: fields([";;"])) == nil)
    }

    @Test func readsAsHummingbirdDoes() {
        let headers = ["a=1;b=2; c = 3 ;\td=4", "a=5; e=\"6\"", "f=7;", " g=8"]
        let cookies = Cookies(from: headers)
        for name in ["a", "b", "c", "c ", "d", "e", "f", "g", "h"] {
            #expect(CookieHeader.value(name, in: fields(headers)) == cookies[name]?.value, "cookie \(name)")
        }
    }
}
