import Testing
@testable import PhuhopWeb

@Suite struct FormDataTests {
    @Test func decodesPlusAndPercentIntoNFC() {
        // "Xã" typed decomposed (a + combining tilde... ) arrives composed.
        let form = FormData(encoded: "name=X%61%CC%83+B%E1%BA%AFc&empty=&flag&x=1&x=2")
        #expect(form["name"] == "Xã Bắc")
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form.dictionary["x"] == "1")
        #expect(form["missing"] == nil)
    }

    @Test func encodesEverythingButUnreservedASCII() {
        #expect(FormData.encode("/units?q=Xã&a=b") == "%2Funits%3Fq%3DX%C3%A3%26a%3Db")
        #expect(FormData(encoded: Substring("q=" + FormData.encode("a+b & c/đ")))["q"] == "a+b & c/đ")
    }
}
