import Testing
@testable import PhuhopCore

@Suite struct RationalTests {
    @Test func fortyNineOfFiftyIsExactlyNinetyEightPercent() throws {
        let share = try #require(Rational(49, 50))
        let bound = try #require(Rational(percent: "98%"))
        #expect(share == bound)
        #expect(!(share < bound))
    }

    @Test func decimalsAreReadDigitByDigit() throws {
        #expect(Rational(decimal: "0.1") == Rational(1, 10))
        #expect(Rational(decimal: "98,5") == Rational(985, 10))
        #expect(Rational(percent: "4.2%") == Rational(42, 1000))
        #expect(Rational(decimal: "1e3") == nil)
        #expect(Rational(decimal: "1.2.3") == nil)
        #expect(Rational(decimal: "") == nil)
    }

    @Test func comparisonsCrossMultiplyWithoutOverflow() throws {
        let a = try #require(Rational(Int64.max - 1, Int64.max))
        let b = try #require(Rational(Int64.max - 2, Int64.max - 1))
        #expect(b < a)
    }

    @Test func roundingIsHalfUp() throws {
        #expect(try #require(Rational(983, 1000)).rounded(places: 1) == 10)
        #expect(try #require(Rational(118, 120)).multiplied(by: 100).rounded(places: 1) == 983)
        #expect(try #require(Rational(1, 20)).rounded(places: 1) == 1)
    }

    @Test func zeroDenominatorIsRefused() {
        #expect(Rational(1, 0) == nil)
    }

    @Test func arithmeticThatCannotBeHeldExactlyNeverTraps() throws {
        let tiny = try #require(Rational(1, Int64.max))
        #expect(tiny.divided(by: Int64.max) == nil)
        let huge = Rational(integer: Int64.max)
        #expect(huge.multiplied(by: 10) == Rational(integer: Int64.max))
        #expect(Rational(percent: "1.00000000000000001%") == nil)
    }
}

