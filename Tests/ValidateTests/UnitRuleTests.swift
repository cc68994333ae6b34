import Foundation
import Ingest
import Testing
@testable import Validate

/// The unit rules (Rules/UnitRules.swift): one case that triggers each, and one that does not.
@Suite("Validator: unit rules")
struct UnitRuleTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
    }

    // MARK: bad-unit

    @Test("bad-unit: unknown bureaus, stations under the wrong bureau, bad station names, provinces", arguments: [
        (FormField.bureau, "ภ.10"),
        (.bureau, "บช.ก."),
        (.station, "สน.ลุมพินี"),               // สน. under ภ.5
        (.station, "เมืองเชียงใหม่"),            // no prefix
        (.station, "สภ."),                       // only a prefix
        (.station, "สถานีตำรวจภูธร"),            // only a (long) prefix
        (.province, "ปารีส"),                    // not a province
        (.province, "ภูเก็ต"),                   // outside ภ.5
    ])
    func badUnit(field: FormField, text: String) {
        let found = validator.findings(ReportForm.example.setting(field, text), .badUnit)
        #expect(found.count == 1, "\(text)")
        #expect(found.first?.line == exampleLines[field])
    }

    @Test("bad-unit: a สภ. station under บช.น.")
    func provincialStationUnderBangkok() {
        let form = ReportForm.example.setting(.bureau, "บช.น.").removing(.province)
        let found = validator.findings(form, .badUnit)
        #expect(found.map(\.messageEN) == [
            Finding(.stationNotUnderBureau(station: "สภ.เมืองเชียงใหม่", bureau: "บช.น.", expectedPrefix: "สน.")).messageEN,
        ])
    }

    @Test("bad-unit: known units in every bureau", arguments: [
        ("สน.ลุมพินี", "บช.น.", "กรุงเทพมหานคร"), ("สภ.บางบัวทอง", "ภ.1", "นนทบุรี"),
        ("สภ.เมืองชลบุรี", "ภ.2", "ชลบุรี"), ("สภ.เมืองนครราชสีมา", "ภ.3", "นครราชสีมา"),
        ("สภ.เมืองขอนแก่น", "ภ.4", "ขอนแก่น"), ("สภ.เมืองเชียงราย", "ภ.5", "เชียงราย"),
        ("สภ.เมืองพิษณุโลก", "ภ.6", "พิษณุโลก"), ("สภ.เมืองนครปฐม", "ภ.7", "นครปฐม"),
        ("สภ.เมืองภูเก็ต", "ภ.8", "ภูเก็ต"), ("สภ.หาดใหญ่", "ภ.9", "สงขลา"),
    ])
    func goodUnit(station: String, bureau: String, province: String) {
        let form = ReportForm.example.setting(.station, station).setting(.bureau, bureau).setting(.province, province)
        let (findings, record) = validator.validate(form)
        #expect(findings.isEmpty, "\(station): \(findings.map(\.messageEN))")
        #expect(record?.bureau == bureau)
    }
}
