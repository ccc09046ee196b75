import PhuhopCore

/// Reads the parts of criteria files; used by `CriteriaLoader`, which owns the files.
struct Reader {
    var log: DiagnosticLog
    let base: String
    private(set) var facts: [FactDefinition] = []
    private(set) var locations: [ValueReference: SourceLocation] = [:]
    private var factLimits: [(fact: Int, limit: String, element: Element, log: DiagnosticLog)] = []

    init(log: DiagnosticLog, base: String) {
        self.log = log
        self.base = base
    }

    mutating func locate(_ reference: ValueReference, _ element: Element) {
        locations[reference] = SourceLocation(file: log.file, line: element.line, column: element.column)
    }

    // MARK: Facts

    mutating func collectFacts(_ element: Element?, log fileLog: DiagnosticLog) {
        for item in fileLog.items(element) {
            guard let map = MappingReader(item, allowed: Keys.fact, log: fileLog),
                  let id = fileLog.string(map.required("id")),
                  let typeName = fileLog.string(map.required("type")),
                  let name = fileLog.text(map.required("name")) else { continue }
            guard let type = FactType(rawValue: typeName) else {
                let names = FactType.allCases.map(\.rawValue)
                let hint = Suggestion.hint(for: typeName, in: names)
                fileLog.add(item.child("type", map.optional("type")?.node ?? item.node), LocalizedText(
                    vi: "loại dữ kiện “\(typeName)” không hợp lệ; dùng \(names.joined(separator: ", ")).\(hint.vi)",
                    en: "invalid fact type “\(typeName)”; use \(names.joined(separator: ", ")).\(hint.en)"))
                continue
            }
            if facts.contains(where: { $0.id == id }) {
                fileLog.add(item, LocalizedText(vi: "dữ kiện “\(id)” được khai báo hai lần",
                                                en: "fact “\(id)” is declared twice"))
                continue
            }
            facts.append(FactDefinition(id: id, type: type, name: name, rollUp: rollUp(map.optional("rollUp"), log: fileLog)))
            if let limit = map.optional("atMost"), let limitID = fileLog.string(limit) {
                factLimits.append((facts.count - 1, limitID, limit, fileLog))
            }
        }
    }

    /// Reads `rollUp: {unitTypes: [ho-gia-dinh], count: assessed | passed}`.
    private func rollUp(_ element: Element?, log fileLog: DiagnosticLog) -> RollUpRule? {
        guard let element, let map = MappingReader(element, allowed: ["unitTypes", "count", "note"], log: fileLog) else { return nil }
        var types: [UnitType] = []
        if let e = map.required("unitTypes") {
            for name in fileLog.strings(e) ?? [] {
                switch FactText.unitType(name) {
                case .success(let type): types.append(type)
                case .failure(let problem): fileLog.add(e, problem.message)
                }
            }
        }
        guard let count: RollUpRule.Count = fileLog.choice(map.required("count"), named: LocalizedText(vi: "cách đếm", en: "count"))
        else { return nil }
        return types.isEmpty ? nil : RollUpRule(unitTypes: types, count: count)
    }

    mutating func resolveFactLimits() {
        for entry in factLimits {
            guard let index = factIndex(entry.limit, entry.element, log: entry.log, type: .count) else { continue }
            facts[entry.fact].atMost = index
        }
    }

    /// Resolves a fact id, checking its type; logs an unknown id with a did-you-mean.
    func factIndex(_ id: String, _ element: Element, log fileLog: DiagnosticLog? = nil, type: FactType?) -> Int? {
        let target = fileLog ?? log
        guard let index = facts.firstIndex(where: { $0.id == id }) else {
            let hint = Suggestion.hint(for: id, in: facts.map(\.id))
            target.add(element, LocalizedText(vi: "dữ kiện “\(id)” chưa được khai báo.\(hint.vi)",
                                              en: "fact “\(id)” is not declared.\(hint.en)"))
            return nil
        }
        if let type, facts[index].type != type {
            target.add(element, LocalizedText(
                vi: "dữ kiện “\(id)” có loại \(facts[index].type.rawValue), ở đây cần loại \(type.rawValue)",
                en: "fact “\(id)” is of type \(facts[index].type.rawValue), here a \(type.rawValue) is needed"))
            return nil
        }
        return index
    }

    func factIndices(_ element: Element?, type: FactType) -> [Int]? {
        guard let element, let ids = log.strings(element) else { return nil }
        let indices = ids.compactMap { factIndex($0, element, type: type) }
        return indices.count == ids.count && !ids.isEmpty ? indices : nil
    }

    // MARK: Values

    /// Reads `{value, provenance, citation, note}` (plus `extraKeys` when the value is spread
    /// over several keys, read by `parse`).
    func marked<T>(_ element: Element?, extraKeys: [String] = [],
                   _ parse: (Element, MappingReader) -> T?) -> Marked<T>? {
        guard let element else { return nil }
        guard let map = MappingReader(element, allowed: Keys.marked.filter { extraKeys.isEmpty || $0 != "value" } + extraKeys,
                                      log: log) else { return nil }
        let value = parse(element, map)
        let provenance = log.provenance(map.required("provenance"))
        let citation = log.string(map.optional("citation"))
        let note = map.optional("note").flatMap { log.text($0) }
        guard let value, let provenance else { return nil }
        return Marked(value, provenance: provenance, citation: citation, note: note)
    }

    func markedInteger(_ element: Element?, minimum: Int64 = 0) -> Marked<Int>? {
        marked(element) { _, map in
            guard let valueElement = map.required("value"), let value = log.integer(valueElement) else { return nil }
            guard value >= minimum, value <= Int64(Int32.max) else {
                log.add(valueElement, LocalizedText(vi: "giá trị \(value) nằm ngoài khoảng cho phép",
                                                    en: "value \(value) is out of range"))
                return nil
            }
            return Int(value)
        }
    }

    // MARK: Targets

    mutating func targets(_ element: Element?) -> [RecognitionTarget] {
        var out: [RecognitionTarget] = []
        for item in log.items(element) {
            guard let map = MappingReader(item, allowed: Keys.target, log: log),
                  let id = log.string(map.required("id")), let year = log.integer(map.required("year")),
                  let name = log.text(map.required("name")) else { continue }
            let share = marked(map.required("share")) { (_: Element, m: MappingReader) -> Rational? in
                guard let e = m.required("value") else { return nil }
                return percentShare(e)
            }
            guard let share else { continue }
            if let e = map.optional("share") { locate(.target(out.count), e) }
            out.append(RecognitionTarget(id: id, year: Int(year), name: name, share: share))
        }
        return out
    }

    // MARK: Attributes and recognition

    mutating func attributes(_ element: Element?) -> [AttributeDefinition] {
        var out: [AttributeDefinition] = []
        for item in log.items(element) {
            guard let map = MappingReader(item, allowed: Keys.attribute, log: log),
                  let id = log.string(map.required("id")), let name = log.text(map.required("name")) else { continue }
            out.append(AttributeDefinition(id: id, name: name))
        }
        return out
    }

    /// Reads the recognition rules. A points standard needs the no-zero rule, classes and class
    /// rules; a checklist states only the rules it has.
    mutating func recognition(_ element: Element?, attributes: [AttributeDefinition], checklist: Bool) -> RecognitionRules? {
        guard let element, let map = MappingReader(element, allowed: Keys.recognition, log: log) else { return nil }
        func key(_ name: String) -> Element? { checklist ? map.optional(name) : map.required(name) }
        let noZeroElement = key("noZeroCriterion")
        let noZero = noZeroElement == nil && checklist
            ? Marked(false, provenance: .verified)
            : marked(noZeroElement) { _, m in log.boolean(m.required("value")) }
        if let e = map.optional("noZeroCriterion") { locate(.noZeroCriterion, e) }
        var classes: [UnitClass] = []
        for item in log.items(key("classes")) {
            guard let m = MappingReader(item, allowed: Keys.unitClass, log: log) else { continue }
            let id = log.string(m.required("id"))
            let name = log.text(m.required("name"))
            let threshold = markedInteger(m.required("threshold"))
            let mandatoryThreshold = markedInteger(m.optional("mandatoryThreshold"))
            guard let id, let name, let threshold else { continue }
            if let e = m.optional("threshold") { locate(.threshold(unitClass: classes.count), e) }
            if let e = m.optional("mandatoryThreshold") { locate(.mandatoryThreshold(unitClass: classes.count), e) }
            classes.append(UnitClass(id: id, name: name, threshold: threshold, mandatoryThreshold: mandatoryThreshold))
        }
        let minimumShare = marked(map.optional("minimumShare")) { (_: Element, m: MappingReader) -> Rational? in
            guard let e = m.required("value") else { return nil }
            return percentShare(e)
        }
        if let e = map.optional("minimumShare") { locate(.minimumShare, e) }
        let allMandatory = marked(map.optional("allMandatory")) { _, m in log.boolean(m.required("value")) }
        if let e = map.optional("allMandatory") { locate(.allMandatory, e) }
        let notApplicable = marked(map.optional("notApplicable")) { (_: Element, m: MappingReader) -> Bool? in
            guard let e = m.required("value"), let text = log.string(e) else { return nil }
            guard text == "excluded" else {
                log.add(e, LocalizedText(vi: "giá trị duy nhất được hỗ trợ là “excluded” (không tính vào cả số đạt lẫn tổng số), gặp “\(text)”",
                                         en: "the only supported value is “excluded” (left out of both count and base), found “\(text)”"))
                return nil
            }
            return true
        }
        if let e = map.optional("notApplicable") { locate(.notApplicable, e) }
        var vetoes: [Veto] = []
        for item in log.items(map.optional("vetoes")) {
            guard let m = MappingReader(item, allowed: Keys.veto, log: log), let id = log.string(m.required("id")),
                  let name = log.text(m.required("name")), let provenance = log.provenance(m.required("provenance"))
            else { continue }
            locate(.veto(vetoes.count), item)
            vetoes.append(Veto(id: id, name: name, provenance: provenance, citation: log.string(m.optional("citation")),
                               note: m.optional("note").flatMap { log.text($0) }))
        }
        var rules: [ClassRule] = []
        let rulesElement = classes.isEmpty ? map.optional("classRules") : map.required("classRules")
        for item in log.items(rulesElement) {
            guard let m = MappingReader(item, allowed: Keys.classRule, log: log),
                  let classID = log.string(m.required("class")) else { continue }
            guard let classIndex = classes.firstIndex(where: { $0.id == classID }) else {
                let hint = Suggestion.hint(for: classID, in: classes.map(\.id))
                log.add(item, LocalizedText(vi: "nhóm “\(classID)” chưa được khai báo.\(hint.vi)",
                                            en: "class “\(classID)” is not declared.\(hint.en)"))
                continue
            }
            var unitTypes: [UnitType] = []
            var conditions: [(attribute: Int, value: Bool)] = []
            if let when = m.required("when"), let w = MappingReader(when, allowed: [], log: log) {
                for (key, value) in w.entries {
                    if key == "unitType" {
                        for name in log.strings(value) ?? [] {
                            if let type = unitType(name, value) { unitTypes.append(type) }
                        }
                    } else if let a = attributes.firstIndex(where: { $0.id == key }) {
                        if let flag = log.boolean(value) { conditions.append((a, flag)) }
                    } else {
                        let hint = Suggestion.hint(for: key, in: ["unitType"] + attributes.map(\.id))
                        log.add(value, LocalizedText(vi: "thuộc tính “\(key)” chưa được khai báo.\(hint.vi)",
                                                     en: "attribute “\(key)” is not declared.\(hint.en)"))
                    }
                }
            }
            guard let provenance = log.provenance(m.required("provenance")) else { continue }
            locate(.classRule(rules.count), item)
            rules.append(ClassRule(unitClass: classIndex, unitTypes: unitTypes, attributes: conditions,
                                   provenance: provenance, citation: log.string(m.optional("citation")),
                                   note: m.optional("note").flatMap { log.text($0) }))
        }
        guard let noZero else { return nil }
        return RecognitionRules(noZeroCriterion: noZero, classes: classes, classRules: rules, minimumShare: minimumShare,
                                allMandatory: allMandatory, notApplicable: notApplicable, vetoes: vetoes)
    }

    /// A share written in percent, between 0% and 100%.
    func percentShare(_ e: Element) -> Rational? {
        guard let text = log.string(e) else { return nil }
        guard text.hasSuffix("%"), let value = Rational(percent: Substring(text)), value >= .zero, value <= .one else {
            log.add(e, LocalizedText(vi: "cần một tỷ lệ từ 0% đến 100%, như 65%, gặp “\(text)”",
                                     en: "expected a share between 0% and 100%, such as 65%, found “\(text)”"))
            return nil
        }
        return value
    }

    func unitType(_ name: String, _ element: Element) -> UnitType? {
        switch FactText.unitType(name) {
        case .success(let type): return type
        case .failure(let problem):
            log.add(element, problem.message)
            return nil
        }
    }

    // MARK: Criteria

    mutating func criterion(_ map: MappingReader, index c: Int, expectedID: String) -> Criterion? {
        let id = log.string(map.required("id"))
        if let id, id != expectedID, let e = map.optional("id") {
            log.add(e, LocalizedText(vi: "mã “\(id)” khác tên tệp “\(expectedID).yaml”",
                                     en: "id “\(id)” differs from the file name “\(expectedID).yaml”"))
        }
        let number = log.integer(map.required("number"))
        let name = log.text(map.required("name"))
        let citation = log.string(map.optional("citation"))
        let provenance = log.provenance(map.required("provenance"))
        let note = map.optional("note").flatMap { log.text($0) }
        let responsible = map.optional("responsible").flatMap { log.text($0) }
        locate(.criterion(c), map.element)
        var indicators: [Indicator] = []
        let items = log.items(map.required("indicators"))
        for (i, item) in items.enumerated() {
            if let indicator = self.indicator(item, criterion: c, index: i) { indicators.append(indicator) }
        }
        // A group of checklist items is worth its number of items; no maximum is written.
        let onlyItems = !indicators.isEmpty && indicators.allSatisfy { $0.item != nil }
        let maximum: Marked<Int>?
        if onlyItems, map.optional("maximum") == nil, let provenance {
            maximum = Marked(indicators.count, provenance: provenance, citation: citation, note: note)
            locate(.criterionMaximum(c), map.element)
        } else {
            maximum = markedInteger(map.required("maximum"))
            if let e = map.optional("maximum") { locate(.criterionMaximum(c), e) }
        }
        guard let id, let number, let name, let provenance, let maximum, indicators.count == items.count else { return nil }
        return Criterion(id: id, number: Int(number), name: name, citation: citation, provenance: provenance,
                         note: note, maximum: maximum, indicators: indicators, responsible: responsible)
    }

    private mutating func indicator(_ item: Element, criterion c: Int, index i: Int) -> Indicator? {
        guard let map = MappingReader(item, allowed: Keys.indicator, log: log) else { return nil }
        let id = log.string(map.required("id"))
        let name = log.text(map.required("name"))
        let citation = log.string(map.optional("citation"))
        let provenance = log.provenance(map.required("provenance"))
        let note = map.optional("note").flatMap { log.text($0) }
        locate(.indicator(criterion: c, indicator: i), item)
        guard let kindElement = map.required("kind"), let kind = log.string(kindElement) else { return nil }
        let kinds = ["activity", "item", "count", "rate", "incidence"]
        let scoring: Scoring?
        switch kind {
        case "item":
            // The item's answer is a fact of its own, named by the item's id.
            let mandatory = marked(map.required("mandatory")) { _, m in log.boolean(m.required("value")) }
            if let e = map.optional("mandatory") { locate(.itemMandatory(criterion: c, indicator: i), e) }
            let mayBeNotApplicable = map.optional("mayBeNotApplicable").flatMap { log.boolean($0) } ?? false
            guard let id, let name, let mandatory else { return nil }
            if facts.contains(where: { $0.id == id }) {
                log.add(item, LocalizedText(vi: "mã tiêu chí “\(id)” trùng với một dữ kiện đã khai báo",
                                            en: "item id “\(id)” is already used by a fact"))
                return nil
            }
            facts.append(FactDefinition(id: id, type: .answer, name: name))
            scoring = .item(ChecklistItem(fact: facts.count - 1, mandatory: mandatory, mayBeNotApplicable: mayBeNotApplicable))
        case "activity":
            let fact = map.required("fact").flatMap { e in log.string(e).flatMap { factIndex($0, e, type: .boolean) } }
            let points = markedInteger(map.required("points"))
            if let e = map.optional("points") { locate(.activityPoints(criterion: c, indicator: i), e) }
            scoring = fact.flatMap { f in points.map { .activity(fact: f, points: $0) } }
        case "count":
            let fact = map.required("fact").flatMap { e in log.string(e).flatMap { factIndex($0, e, type: .count) } }
            let bands = self.bands(map.required("bands"), percent: false, criterion: c, indicator: i)
            scoring = fact.flatMap { f in bands.map { .count(fact: f, bands: $0) } }
        case "rate", "incidence":
            scoring = ratio(map, incidence: kind == "incidence", criterion: c, indicator: i).map { .ratio($0) }
        default:
            let hint = Suggestion.hint(for: kind, in: kinds)
            log.add(kindElement, LocalizedText(
                vi: "loại chỉ tiêu “\(kind)” không hợp lệ; dùng \(kinds.joined(separator: ", ")).\(hint.vi)",
                en: "invalid indicator kind “\(kind)”; use \(kinds.joined(separator: ", ")).\(hint.en)"))
            scoring = nil
        }
        if let typeElement = map.optional("mandatory") ?? map.optional("mayBeNotApplicable"), kind != "item" {
            log.add(typeElement, LocalizedText(vi: "“mandatory” và “mayBeNotApplicable” chỉ dùng cho chỉ tiêu loại “item”",
                                               en: "“mandatory” and “mayBeNotApplicable” belong to indicators of kind “item” only"))
        }
        guard let id, let name, let provenance, let scoring else { return nil }
        return Indicator(id: id, name: name, citation: citation, provenance: provenance, note: note, scoring: scoring)
    }

    private mutating func ratio(_ map: MappingReader, incidence: Bool, criterion c: Int, indicator i: Int) -> RatioScoring? {
        let source: RatioSource?
        if let shareElement = map.optional("share") {
            if incidence {
                log.add(shareElement, LocalizedText(vi: "tỷ suất phải dùng tử số và mẫu số, không dùng “share”",
                                                    en: "an incidence needs numerator and denominator, not “share”"))
            }
            source = log.string(shareElement).flatMap { factIndex($0, shareElement, type: .share) }.map { .share(fact: $0) }
        } else {
            let numerator = factIndices(map.required("numerator"), type: .count)
            let denominator = factIndices(map.required("denominator"), type: .count)
            source = numerator.flatMap { n in denominator.map { .counts(numerator: n, denominator: $0) } }
        }
        var per: Marked<Int>?
        if incidence {
            per = markedInteger(map.required("per"), minimum: 1)
            if let e = map.optional("per") { locate(.per(criterion: c, indicator: i), e) }
        }
        var zeroRule: Marked<ZeroDenominatorRule>?
        if case .counts? = source {
            let e = map.required("ifDenominatorZero")
            zeroRule = marked(e, extraKeys: ["points", "undetermined"]) { element, m in
                if let p = m.optional("points") {
                    return log.integer(p).map { .points(Int($0)) }
                }
                if let u = m.optional("undetermined"), log.boolean(u) == true { return .undetermined }
                log.add(element, LocalizedText(vi: "cần “points: N” hoặc “undetermined: true”",
                                               en: "needs “points: N” or “undetermined: true”"))
                return nil
            }
            if let e { locate(.zeroDenominator(criterion: c, indicator: i), e) }
        }
        var samples: [SampleMinimum] = []
        for (k, item) in log.items(map.optional("minimumSample")).enumerated() {
            guard let m = MappingReader(item, allowed: Keys.sample, log: log),
                  let factElement = m.required("fact"), let factID = log.string(factElement),
                  let fact = factIndex(factID, factElement, type: .count),
                  let atLeast = log.integer(m.required("atLeast")),
                  let provenance = log.provenance(m.required("provenance")) else { continue }
            locate(.sampleMinimum(criterion: c, indicator: i, sample: k), item)
            samples.append(SampleMinimum(fact: fact, atLeast: atLeast, provenance: provenance,
                                         citation: log.string(m.optional("citation")),
                                         note: m.optional("note").flatMap { log.text($0) }))
        }
        let bands = self.bands(map.required("bands"), percent: !incidence, criterion: c, indicator: i)
        guard let source, let bands, !incidence || per != nil else { return nil }
        if case .counts = source, zeroRule == nil { return nil }
        return RatioScoring(source: source, per: per, ifDenominatorZero: zeroRule, minimumSample: samples, bands: bands)
    }

    private mutating func bands(_ element: Element?, percent: Bool, criterion c: Int, indicator i: Int) -> [Band]? {
        guard let element else { return nil }
        var out: [Band] = []
        let items = log.items(element)
        for (b, item) in items.enumerated() {
            guard let map = MappingReader(item, allowed: Keys.band, log: log) else { continue }
            let lower = bound(map, inclusiveKey: "atLeast", exclusiveKey: "above", percent: percent)
            let upper = bound(map, inclusiveKey: "atMost", exclusiveKey: "below", percent: percent)
            let points = log.integer(map.required("points"))
            let provenance = log.provenance(map.required("provenance"))
            locate(.band(criterion: c, indicator: i, band: b), item)
            guard let lower, let upper, let points, let provenance else { continue }
            out.append(Band(lower: lower.bound, upper: upper.bound, points: Int(points), provenance: provenance,
                            citation: log.string(map.optional("citation")),
                            note: map.optional("note").flatMap { log.text($0) }))
        }
        return out.count == items.count && !items.isEmpty ? out : nil
    }

    /// Reads one end of a band; the outer optional is nil on error, the inner when the end is open.
    private func bound(_ map: MappingReader, inclusiveKey: String, exclusiveKey: String, percent: Bool)
        -> (bound: Bound?, Void)?
    {
        let inclusive = map.optional(inclusiveKey)
        let exclusive = map.optional(exclusiveKey)
        if let inclusive, exclusive != nil {
            log.add(inclusive, LocalizedText(vi: "chỉ dùng một trong “\(inclusiveKey)” và “\(exclusiveKey)”",
                                             en: "use only one of “\(inclusiveKey)” and “\(exclusiveKey)”"))
            return nil
        }
        guard let element = inclusive ?? exclusive else { return (nil, ()) }
        guard let text = log.string(element) else { return nil }
        let trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        let value: Rational?
        if percent {
            value = trimmed.hasSuffix("%") ? Rational(percent: trimmed) : nil
        } else {
            value = trimmed.hasSuffix("%") ? nil : Rational(decimal: trimmed)
        }
        guard let value else {
            log.add(element, percent
                ? LocalizedText(vi: "cần một tỷ lệ phần trăm như 98% hoặc 98,5%, gặp “\(text)”",
                                en: "expected a percentage such as 98% or 98.5%, found “\(text)”")
                : LocalizedText(vi: "cần một số thập phân như 0.5, gặp “\(text)”",
                                en: "expected a decimal number such as 0.5, found “\(text)”"))
            return nil
        }
        return (Bound(value, inclusive: inclusive != nil), ())
    }
}
