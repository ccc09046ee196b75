import Testing
@testable import PhuhopCore

@Suite struct DecimalTextTests {
    @Test func percentagesUseTheLanguageSeparator() throws {
        let share = try #require(Rational(118, 120))
        #expect(ReasonText.percent(share, language: .vi) == "98,3%")
        #expect(ReasonText.percent(share, language: .en) == "98.3%")
        #expect(ReasonText.percent(try #require(Rational(49, 50)), language: .en) == "98%")
    }

    @Test func aValueJustBelowABoundNeverReadsAsTheBound() throws {
        // 1959/2000 = 97.95%: rounded to one decimal it would read 98.0%, the next band's floor.
        #expect(ReasonText.percent(try #require(Rational(1959, 2000)), language: .en) == "97.95%")
    }

    @Test func groupsThousands() {
        #expect(DecimalText.grouped(100000, language: .vi) == "100.000")
        #expect(DecimalText.grouped(1450, language: .en) == "1,450")
        #expect(DecimalText.grouped(-1234567, language: .en) == "-1,234,567")
        #expect(DecimalText.grouped(999, language: .vi) == "999")
        #expect(DecimalText.grouped(0, language: .vi) == "0")
    }

    @Test func writesTheShortestDecimalWithLeadingZerosAndSign() throws {
        #expect(DecimalText.plain(try #require(Rational(1, 20)), language: .vi) == "0,05")
        #expect(DecimalText.plain(try #require(Rational(-1, 20))) == "-0.05")
        #expect(DecimalText.plain(try #require(Rational(49, 50)).multiplied(by: 100), language: .en) == "98")
        #expect(DecimalText.plain(try #require(Rational(1, 3))) == "0.333333")
        #expect(DecimalText.plain(try #require(Rational(1, 1_000_000))) == "0.000001")
        // Past six places the value is rounded to six, all written.
        #expect(DecimalText.plain(try #require(Rational(1, 10_000_000))) == "0.000000")
    }

    @Test func roundsAndDropsTrailingZeros() throws {
        #expect(DecimalText.rounded(try #require(Rational(1, 2)), places: 2, language: .vi) == "0,5")
        #expect(DecimalText.rounded(Rational(integer: 100), places: 1, language: .en) == "100")
        #expect(DecimalText.rounded(try #require(Rational(1001, 2000)), places: 4, language: .en) == "0.5005")
        #expect(DecimalText.rounded(try #require(Rational(-5, 4)), places: 1, language: .en) == "-1.2")
    }
}

@Suite struct DecimalTextExactTests {
    @Test func everyDigitOfAFiniteDecimalIsKept() throws {
        #expect(DecimalText.exact(try #require(Rational(979_999_996, 10_000_000))) == "97.9999996")
        #expect(DecimalText.exact(try #require(Rational(1, 8))) == "0.125")
        #expect(DecimalText.exact(Rational(integer: 42)) == "42")
        #expect(DecimalText.exact(try #require(Rational(-3, 4))) == "-0.75")
        // A third has no finite decimal.
        #expect(DecimalText.exact(try #require(Rational(1, 3))) == nil)
    }

    @Test func groupsAtTheEdgesOfAWholeNumber() {
        #expect(DecimalText.grouped(1000, language: .vi) == "1.000")
        #expect(DecimalText.grouped(-1000, language: .en) == "-1,000")
        #expect(DecimalText.grouped(Int64.max, language: .en) == "9,223,372,036,854,775,807")
        #expect(DecimalText.grouped(Int64.min, language: .vi) == "-9.223.372.036.854.775.808")
    }

    @Test func writesEveryDigitOfAnExactDecimalPastSixtyFourBits() throws {
        // Int64.max / 2^18 has 18 places: its digits (times 10^18) no longer fit in 64 bits.
        #expect(DecimalText.exact(try #require(Rational(Int64.max, 262_144))) == "35184372088831.999996185302734375")
        #expect(DecimalText.exact(try #require(Rational(-3, 8))) == "-0.375")
        #expect(DecimalText.exact(try #require(Rational(1, 3))) == nil)
    }

    @Test func roundsWithoutTrailingZerosAndKeepsTheSign() throws {
        #expect(DecimalText.rounded(try #require(Rational(1, 2)), places: 4, language: .vi) == "0,5")
        #expect(DecimalText.rounded(try #require(Rational(2, 1)), places: 2, language: .en) == "2")
        #expect(DecimalText.rounded(try #require(Rational(-1, 8)), places: 2, language: .en) == "-0.12")  // half up: -12.5 hundredths → -12
        #expect(DecimalText.rounded(try #require(Rational(1, 1999)), places: 4, language: .en) == "0.0005")
    }

    @Test func bandRangesReadAsTheDataWritesThem() throws {
        let both = Band(lower: Bound(try #require(Rational(98, 100)), inclusive: true),
                        upper: Bound(Rational(integer: 1), inclusive: false), points: 40, provenance: .verified)
        #expect(both.rangeText(percent: true, language: .vi) == ">= 98%, < 100%")
        let above = Band(lower: Bound(.zero, inclusive: false), upper: nil, points: 0, provenance: .verified)
        #expect(above.rangeText(percent: false) == "> 0")
        let upTo = Band(lower: nil, upper: Bound(try #require(Rational(5, 2)), inclusive: true), points: 5, provenance: .verified)
        #expect(upTo.rangeText(percent: false, language: .vi) == "<= 2,5")
        #expect(Band(lower: nil, upper: nil, points: 1, provenance: .verified).rangeText(percent: true) == "*")
    }

    @Test func textBytesWriteWholeNumbersAndTextsAsTheyAre() {
        var text = TextBytes(capacity: 4)
        for number in [0, 7, -5, 1_234_567, Int.min] {
            text.write(number)
            text.write(" ")
        }
        text.write("Xã Đắk Rơ “98,3%”")
        text.write(" → ")
        #expect(text.text == "0 7 -5 1234567 \(Int.min) Xã Đắk Rơ “98,3%” → ")
    }
}
