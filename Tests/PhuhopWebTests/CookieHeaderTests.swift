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
        #expect(CookieHeader.value("phuhop_signin", in: headers) == "xyz")
        // A cookie without a value is no cookie: an empty sign-in token cannot match an empty field.
        #expect(CookieHeader.value("empty", in: headers) == nil)
    }

    @Test func aNameMustMatchWhole() {
        let headers = fields(["phuhop_session2=no; xphuhop_session=no; phuhop_sess=no; phuhop_session"])
        #expect(CookieHeader.value("phuhop_session", in: headers) == nil)
        #expect(CookieHeader.value("a", in: fields([])) == nil)
        #expect(CookieHeader.value("a", in: fields([";;"])) == nil)
    }

    @Test func readsAsHummingbirdDoes() {
        let cases: [[String]] = [
            ["a=1;b=2; c = 3 ;\td=4", "a=5; e=\"6\"", "f=7;", " g=8"],
            ["a=; a=2", "b==x; c=y=z; ==v; =w"],
            ["h=1", "h=2"],
            [";; i=1 ;; ;j=2;;"],
            ["k=ü; l=2"],
            ["\u{00A0}m=1; n=2"],
        ]
        for headers in cases {
            let cookies = Cookies(from: headers)
            for name in ["a", "b", "c", "c ", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "", "=", "x"] {
                #expect(CookieHeader.value(name, in: fields(headers)) == cookies[name]?.value, "cookie “\(name)” in \(headers)")
            }
        }
    }
}
