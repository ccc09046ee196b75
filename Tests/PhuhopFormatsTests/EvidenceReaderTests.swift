import Foundation
import PhuhopCore
import Testing
@testable import PhuhopFormats

@Suite struct EvidenceReaderTests {
    let standard: Standard

    init() throws {
        standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("qd06-2019")).standard
    }

    private func evidence(facts: String, period: String = "{from: 2023-11-01, to: 2024-10-31}",
                          unitType: String = "xa") -> String {
        """
        unit:
          id: "01"
          name: "Xã Thử"
          province: "Tỉnh Thử"
          unitType: \(unitType)
          attributes: {mountainous: false}
        period: \(period)
        facts:
        \(facts)
        """
    }

    private func problems(_ text: String, file: String = "e.yaml") -> [Diagnostic] {
        problems(Data(text.utf8), file: file)
    }

    private func problems(_ data: Data, file: String = "e.yaml") -> [Diagnostic] {
        do {
            _ = try EvidenceReader.read(data, file: file, standard: standard)
            return []
        } catch let error as InputError {
            return error.diagnostics
        } catch {
            return [Diagnostic(location: SourceLocation(file: file, line: 0, column: 0), field: "",
                               message: LocalizedText(vi: "\(error)", en: "\(error)"))]
        }
    }

    /// Facts are looked for from where the last one was found (evidence lists them in the
    /// standard's order); in any other order they must still all be found.
    @Test func readsFactsInAnyOrder() throws {
        let name = "xa-dak-ro-not-recognized.yaml"
        let yaml = try Data(contentsOf: RepositoryPaths.examples.appendingPathComponent(name))
        let inOrder = try EvidenceReader.read(yaml, file: name, standard: standard)
        var facts: [String] = []
        for (f, value) in inOrder.facts.enumerated().reversed() {
            guard let value else { continue }
            facts.append("\"\(standard.facts[f].id)\": \(value.jsonText)")
        }
        let unit = inOrder.unit
        let json = """
            {"standard": "qd06-2019", "period": {"from": "\(inOrder.period.from)", "to": "\(inOrder.period.to)"},
             "unit": {"id": "\(unit.id)", "name": "\(unit.name)", "province": "\(unit.province)", "unitType": "\(unit.unitType.rawValue)",
                      "attributes": {\(standard.attributes.enumerated().compactMap { a, d in unit.attributes[a].map { "\"\(d.id)\": \($0)" } }.joined(separator: ", "))}},
             "vetoEvents": [],
             "facts": {\(facts.joined(separator: ", "))}}
            """
        let reversed = try EvidenceReader.read(Data(json.utf8), file: "reversed.json", standard: standard)
        #expect(reversed.facts == inOrder.facts)
        #expect(reversed.facts.compactMap { $0 }.count == facts.count)
    }

    @Test func readsFactsWithTheirSources() throws {
        let text = evidence(facts: """
          c02.births: 120
          c02.births-registered-on-time:
            value: 118
            source: {document: "Sổ hộ tịch", date: 2024-11-05, collectedBy: "Nguyễn Thị Lan"}
          c08.underweight-share: 4.2%
        """)
        let read = try EvidenceReader.read(Data(text.utf8), file: "e.yaml", standard: standard)
        let births = try #require(standard.factIndex("c02.births-registered-on-time"))
        #expect(read.facts[births] == .count(118))
        #expect(read.sources[births]?.collectedBy == "Nguyễn Thị Lan")
        let share = try #require(standard.factIndex("c08.underweight-share"))
        #expect(read.facts[share] == .share(Rational(42, 1000)!))
    }

    @Test func aNegativeCountNamesLineAndField() throws {
        let found = problems(evidence(facts: "  c02.births: -3"))
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.location.line == 9)
        #expect(problem.field == "facts.c02.births")
        #expect(problem.message.en.contains("negative"))
    }

    @Test func aNumeratorAboveItsDenominatorIsRejected() throws {
        let found = problems(evidence(facts: "  c02.births: 10\n  c02.births-registered-on-time: 11"))
        let problem = try #require(found.first)
        #expect(problem.field == "facts.c02.births-registered-on-time")
        #expect(problem.location.line == 10)
        #expect(problem.message.vi.contains("tử số vượt mẫu số"))
    }

    @Test func aShareAbove100PercentIsRejected() throws {
        let problem = try #require(problems(evidence(facts: "  c08.stunting-share: 100.5%")).first)
        #expect(problem.field == "facts.c08.stunting-share")
        #expect(problem.message.en.contains("between 0% and 100%"))
    }

    @Test func aPeriodEndingBeforeItStartsIsRejected() throws {
        let problem = try #require(problems(evidence(facts: "  c02.births: 1", period: "{from: 2024-11-01, to: 2024-10-31}")).first)
        #expect(problem.field == "period.to")
        #expect(problem.message.en.contains("before it starts"))
    }

    @Test func anUnknownFactGetsADidYouMean() throws {
        let problem = try #require(problems(evidence(facts: "  c02.birth: 1")).first)
        #expect(problem.message.en.contains("unknown fact “c02.birth”"))
        #expect(problem.message.en.contains("Did you mean “c02.births”?"))
    }

    @Test func aWrongTypeIsRejected() throws {
        let found = problems(evidence(facts: "  c02.births: many\n  c01.officer-assigned: 1"))
        #expect(found.count == 2)
        #expect(found[0].message.en.contains("expected a whole number"))
        #expect(found[1].message.en.contains("expected true or false"))
    }

    @Test func anUnknownUnitTypeAndAttributeAreRejected() throws {
        let text = evidence(facts: "  c02.births: 1", unitType: "huyen").replacingOccurrences(of: "mountainous", with: "mountainus")
        let messages = problems(text).map(\.message.en)
        #expect(messages.contains { $0.contains("invalid unit type “huyen”") })
        #expect(messages.contains { $0.contains("Did you mean “mountainous”?") })
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var data = Data("unit:\n  id: x\n  name: ".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let problem = try #require(problems(data).first)
        #expect(problem.location.line == 3)
        #expect(problem.message.en.contains("not valid UTF-8"))
    }

    @Test func aYAMLSyntaxErrorNamesTheLine() throws {
        let problem = try #require(problems("unit: {id: x\nperiod: [\n").first)
        #expect(problem.message.en.contains("syntax error"))
        #expect(problem.location.line >= 2)
    }

    @Test func jsonIsReadWithLinesToo() throws {
        let json = """
        {
        \t"unit": {"id": "01", "name": "Phường A", "province": "Hà Nội", "unitType": "phuong", "attributes": {"centralCity": true}},
        \t"period": {"from": "2023-11-01", "to": "2024-10-31"},
        \t"facts": {"c02.births": 120,
        \t\t"c02.births-registered-on-time": 121}
        }
        """
        let problem = try #require(problems(json, file: "e.json").first)
        #expect(problem.location.line == 5)
        #expect(problem.field == "facts.c02.births-registered-on-time")
    }

    @Test func aPeriodOutsideTheStandardsForceIsRejected() throws {
        let problem = try #require(problems(evidence(facts: "  c02.births: 1", period: "{from: 2017-11-01, to: 2018-10-31}")).first)
        #expect(problem.message.en.contains("in force from 2019-01-03"))
    }

    @Test func aShareWithTooManyDigitsIsAnErrorNotACrash() throws {
        let problem = try #require(problems(evidence(facts: "  c08.stunting-share: 1.00000000000000001%")).first)
        #expect(problem.field == "facts.c08.stunting-share")
    }

    @Test func aShareWithoutAPercentSignIsRejectedAsAmbiguous() throws {
        let problem = try #require(problems(evidence(facts: "  c08.stunting-share: 0.24")).first)
        #expect(problem.message.en.contains("with a % sign"))
    }

    @Test func anImplausiblyLargeCountIsRejected() throws {
        let found = problems(evidence(facts: "  children.total: 9999999999999999\n  c02.births: 99999999999999999999"))
        #expect(found.count == 2)
        #expect(found[0].message.en.contains("too large"))
        #expect(found[1].message.en.contains("too large"))
    }

    @Test func aCohortLargerThanAllChildrenIsRejected() throws {
        let problem = try #require(problems(evidence(facts: "  children.total: 100\n  c07.under1: 101")).first)
        #expect(problem.field == "facts.c07.under1")
    }

    @Test func aUnitsNamesAreTrimmedAndNoneMayBeBlank() throws {
        let standard = try CriteriaLoader.load(folder: RepositoryPaths.criteria.appendingPathComponent("tt18-2023")).standard
        let form = try Data(contentsOf: RepositoryPaths.examples.appendingPathComponent("checklists/truong-th-kim-dong-tu-danh-gia.yaml"))
        var text = String(decoding: form, as: UTF8.self)
        let communeLine = try #require(text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("commune:") })
        text = text.replacingOccurrences(of: String(communeLine), with: "  commune: \"  \"")
        let evidence = try EvidenceReader.read(Data(text.utf8), file: "school.yaml", standard: standard)
        #expect(evidence.unit.commune == nil)
        let nameLine = try #require(text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("name:") })
        let blank = text.replacingOccurrences(of: String(nameLine), with: "  name: \" \"")
        do {
            _ = try EvidenceReader.read(Data(blank.utf8), file: "school.yaml", standard: standard)
            Issue.record("a blank name was accepted")
        } catch let error as InputError {
            #expect(error.diagnostics.map { $0.rendered(.en) }.contains { $0.contains("unit.name: no value for unit.name") })
        }
    }
}

private extension FactValue {
    /// The value as JSON, as a program would post it.
    var jsonText: String {
        switch self {
        case .count(let n): "\(n)"
        case .boolean(let b): "\(b)"
        case .share(let share): "\"\(DecimalText.plain(share.multiplied(by: 100)))%\""
        case .answer(let answer): "\"\(answer.rawValue)\""
        }
    }
}
