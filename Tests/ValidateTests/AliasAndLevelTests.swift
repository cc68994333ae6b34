import Foundation
import Ingest
import Testing
@testable import Validate

/// Every alias of docs/forms.md#the-indicator-in-one-table, and the level → score → target table.
@Suite("Validator: aliases and levels")
struct AliasAndLevelTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
    }

    /// A form for the unit: Bangkok units go with a Bangkok station, others with the example's.
    func form(_ field: FormField, _ text: String) -> ReportForm {
        var form = ReportForm.example.setting(field, text)
        if field == .bureau, ThaiText.matchKey(text).contains("บ") {
            form = form.setting(.station, "สน.ลุมพินี").setting(.province, "กรุงเทพมหานคร")
        }
        if field == .station, text.contains("นครบาล") {
            form = form.setting(.bureau, "บช.น.").setting(.province, "กรุงเทพมหานคร")
        }
        if field == .province, ["กทม.", "กรุงเทพฯ"].contains(text) {
            form = form.setting(.station, "สน.ลุมพินี").setting(.bureau, "บช.น.")
        }
        if field == .province, text == "อยุธยา" { form = form.setting(.bureau, "ภ.1") }
        if field == .province, text == "โคราช" { form = form.setting(.bureau, "ภ.3") }
        return form
    }

    @Test("alias: each known variant is normalized with one warning", arguments: [
        (FormField.bureau, "บข.น.", "บช.น."),
        (.bureau, "บชน", "บช.น."),
        (.bureau, "บช.น", "บช.น."),
        (.bureau, "ภ 5", "ภ.5"),
        (.bureau, "ภาค ๕", "ภ.5"),
        (.bureau, "ตำรวจภูธรภาค ๕", "ภ.5"),
        (.station, "สถานีตำรวจนครบาลลุมพินี", "สน.ลุมพินี"),
        (.station, "สถานีตำรวจภูธรเมืองเชียงใหม่", "สภ.เมืองเชียงใหม่"),
        (.station, "สภ. เมืองเชียงใหม่", "สภ.เมืองเชียงใหม่"),
        (.province, "กทม.", "กรุงเทพมหานคร"),
        (.province, "กรุงเทพฯ", "กรุงเทพมหานคร"),
        (.province, "อยุธยา", "พระนครศรีอยุธยา"),
        (.province, "โคราช", "นครราชสีมา"),
    ])
    func alias(field: FormField, variant: String, canonical: String) throws {
        let (findings, result) = validator.validate(form(field, variant))
        #expect(rules(findings) == [.alias], "\(variant): \(findings.map(\.messageEN))")
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.line == exampleLines[field])
        #expect(finding.messageEN == Finding(.alias(field, from: variant, to: canonical)).messageEN)
        let record = try #require(result)
        switch field {
        case .bureau: #expect(record.bureau == canonical)
        case .station: #expect(record.station == canonical)
        default: #expect(record.province == canonical)
        }
    }

    @Test("alias: canonical names in Thai or Arabic digits are no alias", arguments: ["ภ.๕", "ภ.5"])
    func digitsAreNoAlias(bureau: String) {
        let (findings, record) = validator.validate(ReportForm.example.setting(.bureau, bureau))
        #expect(findings.isEmpty)
        #expect(record?.bureau == "ภ.5")
    }

    @Test("level, score and target for levels 0–5", arguments: [
        (0, 0, Target.below), (1, 0, .below), (2, 25, .below),
        (3, 50, .minimum), (4, 75, .standard), (5, 100, .advanced),
    ])
    func levelTable(level: Int, score: Int, target: Target) throws {
        let form = ReportForm.complete.withSteps(doneThrough: level).setting(.score, ThaiDigits.thai(score))
        let (findings, result) = validator.validate(form)
        #expect(!findings.hasErrors, "\(findings.map(\.messageEN))")
        let record = try #require(result)
        #expect(record.level == level)
        #expect(record.score == score)
        #expect(record.target == target)
        #expect(record.steps.filter { $0.done }.count == level)
        // Every step whose window closed and is not done is behind plan (report: 15 Oct 2021).
        #expect(findings.filter { $0.rule == .behindPlan }.compactMap(\.step) == Array(stride(from: level + 1, through: 5, by: 1)))
    }

    @Test("A gap stops the level: steps 1, 2 and 4 done is level 2")
    func gapStopsLevel() {
        let form = ReportForm.complete.setting(.score, "๒๕").withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๓", false, nil), ("๔", true, "๒๐ พ.ค. ๒๕๖๔"),
        ])
        let (findings, record) = validator.validate(form)
        #expect(record?.level == 2)
        #expect(record?.score == 25)
        #expect(findings.contains { $0.rule == .stepOrder && $0.step == 4 })
        #expect(!findings.contains { $0.rule == .scoreMismatch })
    }
}
