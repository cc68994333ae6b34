import Foundation
import Ingest

/// A rule-set file that cannot be used: which file, and what is wrong with it.
///
/// This is a program error (the pipeline cannot run without its rules), not a finding about
/// a form, so it is written for the operator, in English.
public struct RuleSetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name (`fy2564.json`), or the folder when the problem is the folder itself.
    public let file: String
    /// What is wrong, with the key path where there is one:
    /// `steps[2].window.first: "2021-13" is not a month …`.
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// Every rule set the pipeline knows, by fiscal year (Buddhist Era).
public struct RuleBook: Sendable {
    public let ruleSets: [Int: RuleSet]

    /// Fiscal years with a rule set, ascending.
    public var fiscalYears: [Int] { ruleSets.keys.sorted() }

    /// The rule set for a fiscal year (Buddhist Era), if there is one.
    public func ruleSet(forFiscalYear year: Int) -> RuleSet? { ruleSets[year] }

    /// Loads one rule-set file, or every `*.json` file of a folder (the JSON Schema,
    /// `*.schema.json`, excepted), and checks each.
    ///
    /// - Throws: `RuleSetError` naming the file: unreadable or not JSON, a value of the wrong
    ///   shape, parts that disagree (see `RuleSet.checkConsistency`), two files for one
    ///   fiscal year, or a folder without any rule set.
    public static func load(from url: URL) throws(RuleSetError) -> RuleBook {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw RuleSetError(file: url.path, problem: "no such file or folder")
        }
        let files: [URL]
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw RuleSetError(file: url.path, problem: "the folder cannot be listed (\(error.localizedDescription))")
            }
            files = names
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") && !$0.hasPrefix(".") }
                .sorted()
                .map { url.appendingPathComponent($0) }
            guard !files.isEmpty else {
                throw RuleSetError(file: url.path, problem: "the folder holds no rule set (*.json)")
            }
        } else {
            files = [url]
        }

        var contents: [(name: String, contents: Data)] = []
        for file in files { contents.append(try read(file)) }
        return try load(files: contents)
    }

    /// Decodes and checks rule sets given as named contents (the built-in ones): what
    /// `load(from:)` does once it has read the files.
    public static func load(files: [(name: String, contents: Data)]) throws(RuleSetError) -> RuleBook {
        guard !files.isEmpty else {
            throw RuleSetError(file: "rules", problem: "the folder holds no rule set (*.json)")
        }
        var byYear: [Int: (file: String, ruleSet: RuleSet)] = [:]
        for (name, contents) in files {
            let ruleSet = try decodeFile(contents, name: name)
            if let earlier = byYear[ruleSet.fiscalYear] {
                throw RuleSetError(
                    file: name,
                    problem: "fiscal year \(ruleSet.fiscalYear) already has a rule set in \(earlier.file)")
            }
            byYear[ruleSet.fiscalYear] = (name, ruleSet)
        }
        return RuleBook(checked: byYear.mapValues(\.ruleSet))
    }

    /// Reads one file: its name and its bytes.
    static func read(_ file: URL) throws(RuleSetError) -> (name: String, contents: Data) {
        let name = file.lastPathComponent
        do {
            return (name, try Data(contentsOf: file))
        } catch {
            throw RuleSetError(file: name, problem: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// Decodes and checks the contents of one file; `name` names it in errors.
    static func decodeFile(_ data: Data, name: String) throws(RuleSetError) -> RuleSet {
        let ruleSet: RuleSet
        do {
            ruleSet = try JSONDecoder().decode(RuleSet.self, from: data)
        } catch let error as DecodingError {
            throw RuleSetError(file: name, problem: describe(error))
        } catch {
            throw RuleSetError(file: name, problem: "\(error)")
        }
        try ruleSet.checkConsistency(file: name)
        return ruleSet
    }

    private init(checked: [Int: RuleSet]) {
        self.ruleSets = checked
    }

    /// `steps[2].window.first: "2021-13" is not a month …` from a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        func located(_ codingPath: [any CodingKey], _ problem: String) -> String {
            let where_ = path(codingPath)
            return where_.isEmpty ? problem : "\(where_): \(problem)"
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.localizedDescription
                return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
            }
            return located(context.codingPath, context.debugDescription)
        case .keyNotFound(let key, let context):
            return located(context.codingPath + [key], "missing")
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "expected \(jsonKind(type))")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "expected \(jsonKind(type)), found null")
        @unknown default:
            return "\(error)"
        }
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }
}

extension RuleSet {
    /// Checks that the parts of the rule set agree with each other; throws the first
    /// disagreement, named by its key path.
    ///
    /// - The fiscal year runs from `fiscal_year_start` to `fiscal_year_end`, and the end lies
    ///   in the Buddhist-Era year `fiscal_year` (catches a Common-Era `fiscal_year`).
    /// - Every round's period and every step's window lie inside the fiscal year; rounds are
    ///   distinct and positive; the grace is 0 or more months.
    /// - Steps are numbered 1…N in order; `score_by_level` has N + 1 entries, never falling.
    /// - Each target is reached at a level 1…N, its score is `score_by_level[level]`, and no
    ///   target or level appears twice (`below` is implied, not listed).
    /// - Bureau names are unique; every province is in exactly one bureau.
    /// - Every alias points at a known bureau, station prefix or province.
    /// - Every severity names a rule and a severity that rule may have (`Rule.mayBe`).
    func checkConsistency(file: String) throws(RuleSetError) {
        func fail(_ problem: String) -> RuleSetError { RuleSetError(file: file, problem: problem) }

        guard fiscalYearStart < fiscalYearEnd else {
            throw fail("fiscal_year_start: \(fiscalYearStart.iso) is not before fiscal_year_end \(fiscalYearEnd.iso)")
        }
        guard fiscalYearEnd.buddhistYear == fiscalYear else {
            throw fail("fiscal_year: \(fiscalYear) does not match fiscal_year_end \(fiscalYearEnd.iso) (Buddhist-Era year \(fiscalYearEnd.buddhistYear)); fiscal_year is Buddhist Era, dates are Common Era")
        }
        let year = MonthWindow(first: YearMonth(year: fiscalYearStart.year, month: fiscalYearStart.month),
                               last: YearMonth(year: fiscalYearEnd.year, month: fiscalYearEnd.month))
        func inside(_ window: MonthWindow) -> Bool {
            fiscalYearStart <= window.start && window.end <= fiscalYearEnd
        }
        func months(_ window: MonthWindow) -> String { "\(window.first.isoMonth) … \(window.last.isoMonth)" }

        guard !rounds.isEmpty else { throw fail("rounds: at least one round is needed") }
        var roundMonths: Set<Int> = []
        for (index, round) in rounds.enumerated() {
            guard round.months > 0 else { throw fail("rounds[\(index)].months: \(round.months) is not a number of months") }
            guard roundMonths.insert(round.months).inserted else {
                throw fail("rounds[\(index)].months: a second \(round.months)-month round")
            }
            guard inside(round.period) else {
                throw fail("rounds[\(index)].period: \(months(round.period)) is not inside the fiscal year \(months(year))")
            }
        }
        guard reportGraceMonths >= 0 else { throw fail("report_grace_months: \(reportGraceMonths) is negative") }

        guard !steps.isEmpty else { throw fail("steps: at least one step is needed") }
        for (index, step) in steps.enumerated() {
            guard step.number == index + 1 else {
                throw fail("steps[\(index)].number: \(step.number) where \(index + 1) is expected (steps are numbered 1…\(steps.count) in order)")
            }
            guard inside(step.window) else {
                throw fail("steps[\(index)].window: \(months(step.window)) is not inside the fiscal year \(months(year))")
            }
        }

        guard scoreByLevel.count == steps.count + 1 else {
            throw fail("score_by_level: \(scoreByLevel.count) entries where \(steps.count + 1) are expected (levels 0…\(steps.count))")
        }
        for level in scoreByLevel.indices.dropFirst() where scoreByLevel[level] < scoreByLevel[level - 1] {
            throw fail("score_by_level[\(level)]: \(scoreByLevel[level]) is less than level \(level - 1)'s \(scoreByLevel[level - 1])")
        }
        var targetNames: Set<Target> = []
        var targetLevels: Set<Int> = []
        for (index, target) in targets.enumerated() {
            guard target.target != .below else {
                throw fail("targets[\(index)].target: \"below\" is what a level under every target gets; do not list it")
            }
            guard stepRange.contains(target.level) else {
                throw fail("targets[\(index)].level: \(target.level) is not a level 1…\(steps.count)")
            }
            guard target.score == scoreByLevel[target.level] else {
                throw fail("targets[\(index)].score: \(target.score) but score_by_level[\(target.level)] is \(scoreByLevel[target.level])")
            }
            guard targetNames.insert(target.target).inserted, targetLevels.insert(target.level).inserted else {
                throw fail("targets[\(index)]: target \"\(target.target.rawValue)\" or level \(target.level) is listed twice")
            }
        }

        var bureauNames: Set<String> = []
        var provinceOwner: [String: String] = [:]
        for (index, bureau) in bureaus.enumerated() {
            guard bureauNames.insert(bureau.name).inserted else {
                throw fail("bureaus[\(index)].name: \"\(bureau.name)\" is listed twice")
            }
            guard !bureau.stationPrefix.isEmpty else {
                throw fail("bureaus[\(index)].station_prefix: empty")
            }
            for province in bureau.provinces {
                if let owner = provinceOwner[province] {
                    throw fail("bureaus[\(index)].provinces: \"\(province)\" is already in \(owner); a province belongs to exactly one bureau")
                }
                provinceOwner[province] = bureau.name
            }
        }
        guard !bureaus.isEmpty else { throw fail("bureaus: at least one bureau is needed") }

        for (variant, name) in aliases.bureau.sorted(by: { $0.key < $1.key }) where !bureauNames.contains(name) {
            throw fail("aliases.bureau[\"\(variant)\"]: \"\(name)\" is not a bureau of this rule set")
        }
        if let numbered = aliases.numberedBureau {
            let prefix = numbered.canonicalPrefix
            let numberedNames = bureauNames.filter { name in
                name.hasPrefix(prefix) && !name.dropFirst(prefix.count).isEmpty
                    && name.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit)
            }
            guard !numberedNames.isEmpty else {
                throw fail("aliases.numbered_bureau.canonical_prefix: no bureau is named \"\(prefix)\" and a number")
            }
            guard !numbered.variantPrefixes.isEmpty else {
                throw fail("aliases.numbered_bureau.variant_prefixes: empty")
            }
        }
        let stationPrefixes = Set(bureaus.map(\.stationPrefix))
        for (variant, prefix) in aliases.stationPrefix.sorted(by: { $0.key < $1.key }) where !stationPrefixes.contains(prefix) {
            throw fail("aliases.station_prefix[\"\(variant)\"]: \"\(prefix)\" is not the station prefix of any bureau")
        }
        for (variant, name) in aliases.province.sorted(by: { $0.key < $1.key }) where provinceOwner[name] == nil {
            throw fail("aliases.province[\"\(variant)\"]: \"\(name)\" is not a province of any bureau")
        }

        for (id, name) in severityEntries.sorted(by: { $0.key < $1.key }) {
            guard let rule = Rule(rawValue: id) else {
                throw fail("severities.\(id): \"\(id)\" is not a rule id (the rules are \(Rule.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let severity = Severity(rawValue: name) else {
                throw fail("severities.\(id): \"\(name)\" is not a severity (write \"error\" or \"warning\")")
            }
            guard rule.mayBe(severity) else {
                throw fail("severities.\(id): \(id) cannot be lowered to a warning: \(Rule.allCases.filter(Rule.readingRules.contains).map(\.rawValue).joined(separator: ", ")) are about reading the file and always reject it")
            }
        }
    }
}

extension Character {
    /// `0` … `9` only (not Thai digits, not other scripts).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
